package dev.bitbench.core.stats;

import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Two-sided Mann-Whitney U (Wilcoxon rank-sum) test of two independent samples, delegated to Apache
 * Commons Statistics' {@link MannWhitneyUTest} with its defaults: exact p-value for small samples
 * without ties (both sizes under 50), otherwise the normal approximation with tie correction and
 * continuity correction.
 *
 * @param u the U statistic of {@code x}: the number of pairs {@code (x_i, y_j)} with {@code x_i >
 *     y_j}, ties counting one half; in {@code [0, |x| |y|]}
 * @param pValue two-sided p-value in {@code [0, 1]}; {@code 1} when every value of both samples is
 *     equal (no evidence of a difference)
 */
public record MannWhitney(double u, double pValue) {

    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults();

    public MannWhitney {
        if (!(pValue >= 0.0 && pValue <= 1.0)) {
            throw new IllegalArgumentException("p-value " + pValue + " not in [0, 1]");
        }
    }

    /**
     * Tests whether {@code x} and {@code y} come from the same distribution against a shift in either
     * direction.
     *
     * @param x first sample, at least one finite value (not modified)
     * @param y second sample, at least one finite value (not modified)
     * @throws IllegalArgumentException on an empty sample or a non-finite value
     */
    public static MannWhitney test(double[] x, double[] y) {
        requireFinite(x, "first");
        requireFinite(y, "second");
        if (allEqual(x, y)) {
            return new MannWhitney(x.length * (double) y.length / 2.0, 1.0);
        }
        MannWhitneyUTest.Result result = TEST.test(x, y);
        double p = result.getPValue();
        return new MannWhitney(result.getStatistic(), Double.isNaN(p) ? 1.0 : Math.min(1.0, p));
    }

    private static boolean allEqual(double[] x, double[] y) {
        double first = x[0];
        for (double v : x) {
            if (v != first) {
                return false;
            }
        }
        for (double v : y) {
            if (v != first) {
                return false;
            }
        }
        return true;
    }

    private static void requireFinite(double[] sample, String name) {
        if (sample.length == 0) {
            throw new IllegalArgumentException(name + " sample is empty");
        }
        for (double v : sample) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " sample holds a non-finite value " + v);
            }
        }
    }
}
