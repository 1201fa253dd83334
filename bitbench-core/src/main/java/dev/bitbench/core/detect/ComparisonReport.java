package dev.bitbench.core.detect;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every comparison of a baseline with a current input, sorted by benchmark id then metric, with the
 * settings that produced them.
 *
 * @param comparisons all comparisons, including {@link Level#NEW} and {@link Level#MISSING} ones
 * @param config the detector settings used (seed, resamples, q, minimum samples, thresholds)
 */
public record ComparisonReport(List<Comparison> comparisons, DetectorConfig config) {

    public ComparisonReport {
        comparisons = List.copyOf(comparisons);
        Objects.requireNonNull(config, "config");
    }

    /** Number of comparisons per level; every level is present, zero included, in enum order. */
    public Map<Level, Integer> counts() {
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, 0);
        }
        for (Comparison c : comparisons) {
            counts.merge(c.level(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Number of comparisons at {@code level}. */
    public int count(Level level) {
        return (int) comparisons.stream().filter(c -> c.level() == level).count();
    }

    /**
     * Whether a blocking comparison fails the gate: at {@code CRITICAL}, any blocking CRITICAL; at
     * {@code WARNING}, any blocking WARNING or CRITICAL. Non-blocking comparisons never count.
     *
     * @param failOn {@link Level#CRITICAL} or {@link Level#WARNING}
     * @throws IllegalArgumentException for another level
     */
    public boolean hasBlocking(Level failOn) {
        Level.STABLE.failsAt(failOn); // validates failOn even when there are no comparisons
        return comparisons.stream().anyMatch(c -> c.fails(failOn));
    }

    /** The comparisons that fail the gate at {@code failOn}, in report order. */
    public List<Comparison> blocking(Level failOn) {
        Level.STABLE.failsAt(failOn);
        return comparisons.stream().filter(c -> c.fails(failOn)).toList();
    }
}
