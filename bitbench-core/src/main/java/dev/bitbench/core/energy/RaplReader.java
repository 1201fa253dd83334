package dev.bitbench.core.energy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Energy counters of Linux RAPL (Running Average Power Limit) in {@code
 * /sys/class/powercap/intel-rapl*} (Intel, and recent AMD under the same name). Each top-level
 * domain ({@code intel-rapl:0}, named e.g. {@code package-0}) has a cumulative {@code energy_uj} in
 * microjoules that wraps to 0 after {@code max_energy_range_uj}.
 *
 * <p>Use: {@code sample()} before and after the measured work, then {@link #joules} of the two. The
 * counters need read permission (often root only since 2020): without it the reading is
 * unavailable with that reason.
 */
public final class RaplReader {

    /** One domain's counter. */
    public record Counter(String domain, long energyMicrojoules, long maxRangeMicrojoules) {}

    private final Path powercap;

    /** @param powercap normally {@code /sys/class/powercap} */
    public RaplReader(Path powercap) {
        this.powercap = powercap;
    }

    /** The counters of every top-level domain, keyed by directory name, or why there are none. */
    public Reading<Map<String, Counter>> sample() {
        List<Path> domains = SysfsFiles.children(powercap, "intel-rapl:").stream()
                .filter(p -> p.getFileName().toString().indexOf(':', "intel-rapl:".length()) < 0)
                .toList();
        if (domains.isEmpty()) {
            return Reading.unavailable("no RAPL domains in " + powercap + " (no intel_rapl driver, VM or container)");
        }
        Map<String, Counter> out = new LinkedHashMap<>();
        for (Path d : domains) {
            Long energy = SysfsFiles.number(d.resolve("energy_uj"));
            Long max = SysfsFiles.number(d.resolve("max_energy_range_uj"));
            if (energy == null || max == null) {
                return Reading.unavailable(d.resolve("energy_uj") + " is not readable (root only on most kernels)");
            }
            String name = SysfsFiles.text(d.resolve("name"));
            out.put(
                    d.getFileName().toString(),
                    new Counter(name == null ? d.getFileName().toString() : name, energy, max));
        }
        return Reading.of(out);
    }

    /**
     * Energy between two readings of one counter, in microjoules, with one wrap-around allowed.
     *
     * @param before counter value at the start
     * @param after counter value at the end; smaller than {@code before} means the counter wrapped
     * @param maxRange {@code max_energy_range_uj}, the value after which the counter restarts at 0
     */
    public static long deltaMicrojoules(long before, long after, long maxRange) {
        return after >= before ? after - before : maxRange - before + after;
    }

    /** Total joules over all domains of two samples (domains absent from either are left out). */
    public static double joules(Map<String, Counter> before, Map<String, Counter> after) {
        long micro = 0;
        for (Map.Entry<String, Counter> e : before.entrySet()) {
            Counter end = after.get(e.getKey());
            if (end != null) {
                micro += deltaMicrojoules(
                        e.getValue().energyMicrojoules(),
                        end.energyMicrojoules(),
                        e.getValue().maxRangeMicrojoules());
            }
        }
        return micro / 1e6;
    }
}
