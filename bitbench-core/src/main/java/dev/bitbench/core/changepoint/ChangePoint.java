package dev.bitbench.core.changepoint;

/**
 * One significant change in a series found by {@link ChangePointDetector}: the series' distribution
 * differs before and after {@code index}.
 *
 * @param index zero-based index of the first point <em>after</em> the change, in {@code [1,
 *     length - 1]}; the change lies between {@code index - 1} and {@code index}
 * @param meanBefore mean of the segment that ends at {@code index} (from the previous change point,
 *     or the start of the series)
 * @param meanAfter mean of the segment that starts at {@code index} (up to the next change point, or
 *     the end of the series)
 * @param magnitude relative change of the segment means, {@code (meanAfter - meanBefore) /
 *     |meanBefore|}: {@code 0.10} is 10% up, {@code -0.10} is 10% down, whatever the metric's
 *     direction; {@code ±Infinity} when {@code meanBefore} is 0 and {@code meanAfter} is not, and 0
 *     when both are 0
 * @param pValue permutation p-value of the split, in {@code (0, 1]}: {@code (1 + k) / (1 +
 *     permutations)} with {@code k} the number of permutations whose best statistic reached the
 *     observed one
 * @param statistic the E-Divisive statistic (scaled energy distance) of the split, {@code >= 0}
 *     in practice
 */
public record ChangePoint(
        int index, double meanBefore, double meanAfter, double magnitude, double pValue, double statistic) {

    /** Validates the ranges above. */
    public ChangePoint {
        if (index < 1) {
            throw new IllegalArgumentException("change point index must be >= 1, was " + index);
        }
        if (!(pValue > 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be in (0, 1], was " + pValue);
        }
    }

    /**
     * The relative change of the means between two segments, as defined for {@link #magnitude}.
     *
     * @param before mean before the change
     * @param after mean after the change
     * @return {@code (after - before) / |before|}, or 0 when both are 0, or {@code ±Infinity} when
     *     only {@code before} is 0
     */
    public static double relativeChange(double before, double after) {
        if (before == 0) {
            return after == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, after);
        }
        return (after - before) / Math.abs(before);
    }
}
