package dev.bitbench.core.energy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine counters around each measured iteration of one benchmark: what the benchmark fork's
 * profiler reads before and after every iteration, turned into {@link ProfiledMetric} values.
 *
 * <p>Call {@link #beginIteration} before and {@link #endIteration} after each iteration, warm-up
 * included. The first {@code beginIteration} resets the resident-set high-water mark ({@code
 * VmHWM}, by writing {@code 5} to {@code /proc/self/clear_refs}) and reads the battery, so {@code
 * peak_rss} and {@code battery_drain} cover the benchmark from its first iteration on. Every other
 * value covers one iteration. A value that cannot be read is left out of the map, never zero; {@link
 * #unavailable} says why, once per run.
 *
 * <p>Not thread-safe: one instance per benchmark, used by JMH's iteration thread.
 */
public final class CounterWindow {

    private final MachineCounters counters;
    private final boolean sharedJvm;
    private boolean started;
    private boolean rssReset;
    private BatteryReader.Battery batteryAtStart;
    private long benchmarkStartNanos;
    private Map<String, RaplReader.Counter> raplBefore;
    private long iterationStartNanos;

    /**
     * @param counters the machine's readers ({@link MachineCounters#ofThisMachine()} in production)
     * @param sharedJvm the benchmark runs in a JVM that ran other benchmarks before (JMH forks 0):
     *     then {@code peak_rss} needs the high-water-mark reset to be this benchmark's
     */
    public CounterWindow(MachineCounters counters, boolean sharedJvm) {
        this.counters = counters;
        this.sharedJvm = sharedJvm;
    }

    /** Starts an iteration at {@code nowNanos} ({@link System#nanoTime()}). */
    public void beginIteration(long nowNanos) {
        if (!started) {
            started = true;
            rssReset = PeakMemory.resetPeakRss(counters.procSelfClearRefs());
            Reading<BatteryReader.Battery> battery = counters.battery().read();
            batteryAtStart = battery.available() && battery.value().discharging() ? battery.value() : null;
            benchmarkStartNanos = nowNanos;
        }
        Reading<Map<String, RaplReader.Counter>> rapl = counters.rapl().sample();
        raplBefore = rapl.available() ? rapl.value() : null;
        iterationStartNanos = nowNanos;
    }

    /**
     * Ends the iteration begun last.
     *
     * @param operations operations the iteration measured (JMH's measured ops), for per-operation energy
     * @param nowNanos {@link System#nanoTime()} now
     * @return every value that could be read, in {@link ProfiledMetric} order ({@code peak_heap} is
     *     the profiler's own, never here)
     * @throws IllegalStateException if no iteration was begun
     */
    public Map<ProfiledMetric, Double> endIteration(long operations, long nowNanos) {
        if (!started) {
            throw new IllegalStateException("endIteration without beginIteration");
        }
        Map<ProfiledMetric, Double> out = new EnumMap<>(ProfiledMetric.class);
        if (rssReset || !sharedJvm) {
            Reading<Long> rss = PeakMemory.peakRss(counters.procSelfStatus());
            if (rss.available()) {
                out.put(ProfiledMetric.PEAK_RSS, rss.value().doubleValue());
            }
        }
        double seconds = (nowNanos - iterationStartNanos) / 1e9;
        if (raplBefore != null && operations > 0 && seconds > 0) {
            Reading<Map<String, RaplReader.Counter>> after = counters.rapl().sample();
            double joules = after.available() ? RaplReader.joules(raplBefore, after.value()) : 0;
            if (joules > 0) { // a counter that did not move measured nothing
                out.put(ProfiledMetric.ENERGY, joules / operations);
                out.put(ProfiledMetric.POWER, joules / seconds);
                out.put(ProfiledMetric.OPS_PER_JOULE, operations / joules);
            }
        }
        Reading<Map<String, Double>> temperatures = counters.temperatures().read();
        if (temperatures.available()) {
            out.put(
                    ProfiledMetric.TEMPERATURE,
                    temperatures.value().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElseThrow());
        }
        Reading<ThrottleDetector.Throttle> throttle = counters.throttle().read();
        if (throttle.available()) {
            out.put(
                    ProfiledMetric.CPU_FREQ_RATIO,
                    (double) throttle.value().lowestKhz() / throttle.value().sustainedKhz());
        }
        if (batteryAtStart != null && nowNanos > benchmarkStartNanos) {
            Reading<BatteryReader.Battery> now = counters.battery().read();
            if (now.available() && now.value().discharging()) {
                out.put(
                        ProfiledMetric.BATTERY_DRAIN,
                        BatteryReader.drainWattHoursPerHour(
                                batteryAtStart, now.value(), Duration.ofNanos(nowNanos - benchmarkStartNanos)));
            }
        }
        return out;
    }

    /**
     * Why each metric group cannot be read on this machine, once per run: keys {@code peak_rss},
     * {@code energy} (also {@code power} and {@code ops_per_joule}), {@code temperature}, {@code
     * cpu_freq_ratio} and {@code battery_drain}, present only for those unavailable. Reads without
     * side effects.
     *
     * @param sharedJvm as for the constructor
     */
    public static Map<String, String> unavailable(MachineCounters counters, boolean sharedJvm) {
        Map<String, String> out = new LinkedHashMap<>();
        Reading<Long> rss = PeakMemory.peakRss(counters.procSelfStatus());
        if (!rss.available()) {
            out.put(ProfiledMetric.PEAK_RSS.label(), rss.reason());
        } else if (sharedJvm && !Files.isWritable(counters.procSelfClearRefs())) {
            out.put(
                    ProfiledMetric.PEAK_RSS.label(),
                    counters.procSelfClearRefs() + " is not writable, so VmHWM cannot be reset between"
                            + " benchmarks sharing one JVM (forks 0); use forks >= 1");
        }
        Reading<?> rapl = counters.rapl().sample();
        if (!rapl.available()) {
            out.put(ProfiledMetric.ENERGY.label(), rapl.reason());
        }
        Reading<?> temperatures = counters.temperatures().read();
        if (!temperatures.available()) {
            out.put(ProfiledMetric.TEMPERATURE.label(), temperatures.reason());
        }
        Reading<?> throttle = counters.throttle().read();
        if (!throttle.available()) {
            out.put(ProfiledMetric.CPU_FREQ_RATIO.label(), throttle.reason());
        }
        Reading<BatteryReader.Battery> battery = counters.battery().read();
        if (!battery.available()) {
            out.put(ProfiledMetric.BATTERY_DRAIN.label(), battery.reason());
        } else if (!battery.value().discharging()) {
            out.put(
                    ProfiledMetric.BATTERY_DRAIN.label(),
                    "on mains power (" + battery.value().name() + " is not discharging)");
        }
        return Collections.unmodifiableMap(out);
    }
}
