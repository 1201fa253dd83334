package dev.bitbench.core.energy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The energy, thermal, throttling and memory readers of one machine, all below one file system
 * root ({@code /} in production, a fake tree in tests).
 *
 * <p>How a benchmark fork uses them: {@code rapl().sample()}, {@code temperatures().read()} and
 * {@code battery().read()} before the measurement; the same plus {@code throttle().read()} and
 * {@link PeakMemory} after it; then {@link RaplReader#joules} and {@link
 * BatteryReader#drainWattHoursPerHour} of the two. Each unavailable reading goes into the report as
 * {@code unavailable: <reason>}.
 */
public final class MachineCounters {

    private final Path root;

    /** @param root normally {@code /} */
    public MachineCounters(Path root) {
        this.root = root;
    }

    /** The readers of this machine. */
    public static MachineCounters ofThisMachine() {
        return new MachineCounters(Path.of("/"));
    }

    public RaplReader rapl() {
        return new RaplReader(root.resolve("sys/class/powercap"));
    }

    public TemperatureReader temperatures() {
        return new TemperatureReader(root.resolve("sys/class/hwmon"), root.resolve("sys/class/thermal"));
    }

    public ThrottleDetector throttle() {
        return new ThrottleDetector(root.resolve("sys/devices/system/cpu"));
    }

    public BatteryReader battery() {
        return new BatteryReader(root.resolve("sys/class/power_supply"));
    }

    /** {@code proc/self/status} below the root, for {@link PeakMemory#peakRss}. */
    public Path procSelfStatus() {
        return root.resolve("proc/self/status");
    }

    /** {@code proc/self/clear_refs} below the root, for {@link PeakMemory#resetPeakRss}. */
    public Path procSelfClearRefs() {
        return root.resolve("proc/self/clear_refs");
    }

    /** One line per reader: its value or {@code unavailable: <reason>}; keys rapl, temperature, throttle, battery, peak_rss. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("rapl", rapl().sample().toString());
        out.put("temperature", temperatures().read().toString());
        out.put("throttle", throttle().read().toString());
        out.put("battery", battery().read().toString());
        out.put("peak_rss", PeakMemory.peakRss(procSelfStatus()).toString());
        return out;
    }
}
