package dev.bitbench.core.ab;

import java.util.List;
import java.util.Objects;

/**
 * What an A/A experiment says about one benchmark metric on this machine ({@link NoiseCalibration}).
 *
 * @param benchmarkId benchmark id
 * @param metric metric name
 * @param rounds number of A/A rounds (pairs)
 * @param cvPercent coefficient of variation of all per-trial values of both arms, percent: the noise a
 *     plain run-against-run comparison sees
 * @param pairedCvPercent standard deviation of the per-round log ratios times 100 (about the CV of the
 *     ratios), percent: the noise left after pairing
 * @param flaggedInRun whether the A/A comparison itself was flagged (WARNING, CRITICAL or IMPROVEMENT)
 * @param falsePositiveRate fraction of null resamples (pairs resampled with random signs) in which the
 *     signed-rank test was significant at {@code alpha}, in {@code [0, 1]}
 * @param detection one entry per injected shift, ascending
 * @param mdePercent the smallest injected shift detected in at least the target power of the
 *     resamples, percent; NaN when none of the shifts was
 */
public record BenchmarkNoise(
        String benchmarkId,
        String metric,
        int rounds,
        double cvPercent,
        double pairedCvPercent,
        boolean flaggedInRun,
        double falsePositiveRate,
        List<ShiftDetection> detection,
        double mdePercent) {

    public BenchmarkNoise {
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(metric, "metric");
        detection = List.copyOf(detection);
    }

    /**
     * How often one injected shift was detected.
     *
     * @param shiftPercent the injected slowdown, percent
     * @param detectedFraction fraction of resamples in which it was detected, in {@code [0, 1]}
     */
    public record ShiftDetection(double shiftPercent, double detectedFraction) {}
}
