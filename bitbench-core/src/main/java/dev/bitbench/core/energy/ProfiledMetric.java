package dev.bitbench.core.energy;

import dev.bitbench.core.Direction;
import java.util.Optional;

/**
 * The metrics the benchmark fork's memory and energy profiler adds to each benchmark: name (also
 * the JMH secondary-result label), unit and direction. One sample per measured iteration.
 *
 * <ul>
 *   <li>{@code peak_rss}: resident set high-water mark ({@code VmHWM}) at the end of the iteration,
 *       since the benchmark's first warm-up iteration began (reset there through {@code
 *       /proc/self/clear_refs}) — so non-decreasing within a fork;
 *   <li>{@code peak_heap}: the larger of the used heaps right after a full GC at the start and at
 *       the end of the iteration (the live set the benchmark keeps: its inputs, outputs, caches;
 *       garbage made inside the iteration is {@code alloc}'s business);
 *   <li>{@code energy}, {@code power}, {@code ops_per_joule}: RAPL joules over the iteration per
 *       operation, per second, and operations per joule;
 *   <li>{@code temperature}: hottest sensor at the end of the iteration;
 *   <li>{@code cpu_freq_ratio}: lowest current CPU frequency over its sustained one at the end of
 *       the iteration (below {@code 1 - }{@link ThrottleDetector#TOLERANCE} is throttled);
 *   <li>{@code battery_drain}: battery watts drained from the benchmark's first iteration to the
 *       end of this one, only when running on battery.
 * </ul>
 */
public enum ProfiledMetric {
    PEAK_RSS("peak_rss", "B", Direction.LOWER),
    PEAK_HEAP("peak_heap", "B", Direction.LOWER),
    ENERGY("energy", "J/op", Direction.LOWER),
    POWER("power", "W", Direction.LOWER),
    OPS_PER_JOULE("ops_per_joule", "ops/J", Direction.HIGHER),
    TEMPERATURE("temperature", "°C", Direction.LOWER),
    CPU_FREQ_RATIO("cpu_freq_ratio", "ratio", Direction.HIGHER),
    BATTERY_DRAIN("battery_drain", "W", Direction.LOWER);

    private final String label;
    private final String unit;
    private final Direction better;

    ProfiledMetric(String label, String unit, Direction better) {
        this.label = label;
        this.unit = unit;
        this.better = better;
    }

    /** The metric name in the run result and the JMH secondary-result label. */
    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public Direction better() {
        return better;
    }

    /** The metric with this label, if any. */
    public static Optional<ProfiledMetric> ofLabel(String label) {
        for (ProfiledMetric m : values()) {
            if (m.label.equals(label)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
