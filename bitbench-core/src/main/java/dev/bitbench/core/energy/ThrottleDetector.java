package dev.bitbench.core.energy;

import java.nio.file.Path;

/**
 * Sees thermal or power throttling: a CPU whose {@code scaling_cur_freq} is below its sustained
 * frequency ({@code cpufreq/base_frequency} where intel_pstate gives it, else {@code
 * cpuinfo_max_freq}) by more than the tolerance. Read during or right after a benchmark.
 */
public final class ThrottleDetector {

    /** Fraction below the sustained frequency that counts as throttled (5 %). */
    public static final double TOLERANCE = 0.05;

    /**
     * @param lowestKhz the lowest current frequency over all CPUs, kHz
     * @param sustainedKhz that CPU's sustained frequency, kHz
     * @param slowestCpu the CPU directory name, e.g. {@code cpu3}
     * @param throttled true when {@code lowestKhz < sustainedKhz * (1 - TOLERANCE)}
     */
    public record Throttle(long lowestKhz, long sustainedKhz, String slowestCpu, boolean throttled) {}

    private final Path cpuDir;

    /** @param cpuDir normally {@code /sys/devices/system/cpu} */
    public ThrottleDetector(Path cpuDir) {
        this.cpuDir = cpuDir;
    }

    /** The CPU furthest below its sustained frequency, or why frequencies cannot be read. */
    public Reading<Throttle> read() {
        Throttle worst = null;
        for (Path cpu : SysfsFiles.children(cpuDir, "cpu")) {
            if (!cpu.getFileName().toString().matches("cpu\\d+")) {
                continue;
            }
            Long current = SysfsFiles.number(cpu.resolve("cpufreq/scaling_cur_freq"));
            Long sustained = SysfsFiles.number(cpu.resolve("cpufreq/base_frequency"));
            if (sustained == null) {
                sustained = SysfsFiles.number(cpu.resolve("cpufreq/cpuinfo_max_freq"));
            }
            if (current == null || sustained == null || sustained <= 0) {
                continue;
            }
            boolean throttled = current < sustained * (1 - TOLERANCE);
            Throttle t = new Throttle(current, sustained, cpu.getFileName().toString(), throttled);
            if (worst == null || (double) current / sustained < (double) worst.lowestKhz() / worst.sustainedKhz()) {
                worst = t;
            }
        }
        return worst == null
                ? Reading.unavailable(
                        "no cpufreq scaling_cur_freq in " + cpuDir + " (VM, container or no cpufreq driver)")
                : Reading.of(worst);
    }
}
