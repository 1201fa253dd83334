package dev.bitbench.core.detect;

import java.util.Objects;

/**
 * Settings of {@link RegressionDetector}.
 *
 * @param seed seed of the bootstrap; each comparison derives its own stream from it and its benchmark
 *     id and metric, so results do not depend on input order or parallelism
 * @param resamples bootstrap rounds per comparison, at least {@value #MIN_RESAMPLES}
 * @param confidenceLevel level of the bootstrap interval, in (0, 1); default 0.95
 * @param q false discovery rate of the Benjamini-Hochberg step, in (0, 1); default 0.05
 * @param minSamples samples needed on both sides for the statistical method, at least 2; default 5;
 *     below it the comparison is threshold-only
 * @param thresholds warning and critical thresholds
 * @param parallel whether comparisons may run on the common fork-join pool (results are identical)
 */
public record DetectorConfig(
        long seed,
        int resamples,
        double confidenceLevel,
        double q,
        int minSamples,
        Thresholds thresholds,
        boolean parallel) {

    /** Smallest accepted number of bootstrap rounds. */
    public static final int MIN_RESAMPLES = 10_000;

    /** Seed used when none is given (DESIGN.md's {@code BITBENCH_SEED} default). */
    public static final long DEFAULT_SEED = 42L;

    public DetectorConfig {
        if (resamples < MIN_RESAMPLES) {
            throw new IllegalArgumentException("resamples " + resamples + " below " + MIN_RESAMPLES);
        }
        if (!(confidenceLevel > 0.0 && confidenceLevel < 1.0)) {
            throw new IllegalArgumentException("confidence level " + confidenceLevel + " not in (0, 1)");
        }
        if (!(q > 0.0 && q < 1.0)) {
            throw new IllegalArgumentException("false discovery rate q " + q + " not in (0, 1)");
        }
        if (minSamples < 2) {
            throw new IllegalArgumentException("minimum samples " + minSamples + " below 2");
        }
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /** Seed 42, 10,000 resamples, 95 % interval, q = 0.05, 5 samples minimum, default thresholds, parallel. */
    public static DetectorConfig defaults() {
        return new DetectorConfig(DEFAULT_SEED, MIN_RESAMPLES, 0.95, 0.05, 5, Thresholds.defaults(), true);
    }

    /** This config with another seed. */
    public DetectorConfig withSeed(long newSeed) {
        return new DetectorConfig(newSeed, resamples, confidenceLevel, q, minSamples, thresholds, parallel);
    }

    /** This config with other thresholds. */
    public DetectorConfig withThresholds(Thresholds newThresholds) {
        return new DetectorConfig(seed, resamples, confidenceLevel, q, minSamples, newThresholds, parallel);
    }

    /** This config with another minimum sample count. */
    public DetectorConfig withMinSamples(int newMinSamples) {
        return new DetectorConfig(seed, resamples, confidenceLevel, q, newMinSamples, thresholds, parallel);
    }

    /** This config with parallel execution on or off. */
    public DetectorConfig withParallel(boolean newParallel) {
        return new DetectorConfig(seed, resamples, confidenceLevel, q, minSamples, thresholds, newParallel);
    }
}
