package dev.bitbench.core.ab;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Two-sided Wilcoxon signed-rank test of "the per-round log ratios are centred on 0", delegating to
 * Apache Commons Statistics' {@link WilcoxonSignedRankTest}: exact p-value for fewer than 50 values
 * without ties, normal approximation with tie and continuity correction otherwise. Zero differences
 * (rounds where both versions measured exactly the same) are dropped, as in Wilcoxon's original
 * method.
 *
 * <p>The test works on {@code log(candidate / baseline)} so that a round where the candidate is
 * twice as slow and one where it is twice as fast weigh the same. With {@code n} non-zero rounds the
 * smallest possible p-value is {@code 2 / 2^n}: at least 6 rounds are needed to reach 0.05.
 */
public final class SignedRankTest {

    private static final WilcoxonSignedRankTest TEST = WilcoxonSignedRankTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED)
            .with(PValueMethod.AUTO);

    private SignedRankTest() {}

    /**
     * The result of the test.
     *
     * @param statistic {@code W+}, the sum of the ranks of the positive differences
     * @param pValue two-sided p-value in {@code [0, 1]}; 1 when every difference is zero
     * @param nonZero the number of non-zero differences used
     */
    public record Result(double statistic, double pValue, int nonZero) {}

    /**
     * Tests the differences {@code z} (e.g. log ratios).
     *
     * @param z finite values, any length (fewer than one non-zero value gives {@code p = 1})
     */
    public static Result test(double[] z) {
        int nonZero = 0;
        for (double v : z) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("difference " + v + " is not finite");
            }
            if (v != 0.0) {
                nonZero++;
            }
        }
        if (nonZero == 0) {
            return new Result(0.0, 1.0, 0);
        }
        double[] kept = new double[nonZero];
        int k = 0;
        for (double v : z) {
            if (v != 0.0) {
                kept[k++] = v;
            }
        }
        WilcoxonSignedRankTest.Result r = TEST.test(kept);
        return new Result(r.getStatistic(), Math.min(1.0, r.getPValue()), nonZero);
    }

    /** The test on {@code log(ratios[i])}. */
    public static Result testLogRatios(double[] ratios) {
        double[] z = new double[ratios.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.log(ratios[i]);
        }
        return test(z);
    }
}
