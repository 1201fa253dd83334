package dev.bitbench.core.ab;

import dev.bitbench.core.Direction;
import java.util.Arrays;
import java.util.Objects;

/**
 * One metric of one benchmark measured in rounds, each round once for the baseline and once for the
 * candidate (interleaved or side by side), so that {@code baseline[i]} and {@code candidate[i]} share
 * the machine state of round {@code i}: the input of {@link PairedDetector}.
 *
 * @param benchmarkId stable benchmark id; not blank
 * @param metric metric name, e.g. {@code time}; not blank
 * @param unit unit of both sides, e.g. {@code ms/op}; may be empty
 * @param direction which way the metric improves
 * @param baseline per-round values of the baseline, finite and {@code > 0} (a defensive copy)
 * @param candidate per-round values of the candidate, same length as {@code baseline}, finite and
 *     {@code > 0}
 */
public record PairedSamples(
        String benchmarkId, String metric, String unit, Direction direction, double[] baseline, double[] candidate) {

    public PairedSamples {
        if (benchmarkId == null || benchmarkId.isBlank()) {
            throw new IllegalArgumentException("benchmarkId is blank");
        }
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException(benchmarkId + ": metric is blank");
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        baseline = Objects.requireNonNull(baseline, "baseline").clone();
        candidate = Objects.requireNonNull(candidate, "candidate").clone();
        if (baseline.length != candidate.length) {
            throw new IllegalArgumentException(benchmarkId + ": " + baseline.length + " baseline rounds but "
                    + candidate.length + " candidate rounds");
        }
        requirePositive(benchmarkId, baseline, "baseline");
        requirePositive(benchmarkId, candidate, "candidate");
    }

    private static void requirePositive(String id, double[] values, String side) {
        for (double v : values) {
            if (!(Double.isFinite(v) && v > 0.0)) {
                throw new IllegalArgumentException(id + ": " + side + " value " + v + " is not a finite number > 0");
            }
        }
    }

    /** Number of rounds (pairs). */
    public int rounds() {
        return baseline.length;
    }

    /** The baseline values, as a copy. */
    @Override
    public double[] baseline() {
        return baseline.clone();
    }

    /** The candidate values, as a copy. */
    @Override
    public double[] candidate() {
        return candidate.clone();
    }

    /** Per-round ratios {@code candidate[i] / baseline[i]}, in round order. */
    public double[] ratios() {
        double[] out = new double[baseline.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = candidate[i] / baseline[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairedSamples other
                && benchmarkId.equals(other.benchmarkId)
                && metric.equals(other.metric)
                && unit.equals(other.unit)
                && direction == other.direction
                && Arrays.equals(baseline, other.baseline)
                && Arrays.equals(candidate, other.candidate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                benchmarkId, metric, unit, direction, Arrays.hashCode(baseline), Arrays.hashCode(candidate));
    }

    @Override
    public String toString() {
        return "PairedSamples[" + benchmarkId + " " + metric + ", " + baseline.length + " rounds]";
    }
}
