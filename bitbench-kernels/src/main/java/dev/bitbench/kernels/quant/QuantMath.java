package dev.bitbench.kernels.quant;

/**
 * Loops shared by the quantizers: group statistics, rounding and the finite-input check.
 *
 * <p>The statistics propagate NaN and infinity ({@link Math#max} does), so a quantizer checks one
 * number per group and only scans for the offending index when it is not finite.
 */
final class QuantMath {
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUNDING_BIAS = 0x1.8p23f;

    private QuantMath() {}

    /**
     * Rounds {@code value} to the nearest integer, ties to even, for {@code |value| < 2^22}.
     *
     * <p>Float addition rounds to nearest even, and in [2^23, 2^24) the float spacing is 1, so the
     * sum is the rounded value plus the bias. Unlike {@code Math.rint} this stays in float
     * arithmetic, which C2 can vectorise; unlike {@code Math.round} it rounds -0.5 and 0.5 alike.
     */
    static float roundHalfEven(float value) {
        return (value + ROUNDING_BIAS) - ROUNDING_BIAS;
    }

    /**
     * The scale of a symmetric scheme, {@code absMax / maxCode}: 0 for an all-zero group, else at
     * least {@link Float#MIN_NORMAL} so that its inverse is finite.
     */
    static float symmetricScale(float absMax, int maxCode) {
        return absMax == 0f ? 0f : Math.max(absMax / maxCode, Float.MIN_NORMAL);
    }

    /** The inverse of a scale, 0 for scale 0 (an all-zero group, whose codes are then all 0). */
    static float inverse(float scale) {
        return scale == 0f ? 0f : 1f / scale;
    }

    /** Returns the largest {@code |weights[i]|} for {@code i} in [from, to); 0 when empty, NaN if any is NaN. */
    static float absMax(float[] weights, int from, int to) {
        float max = 0f;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(weights[i]));
        }
        return max;
    }

    /** Returns the sum of {@code |weights[i]|} for {@code i} in [from, to), accumulated in double. */
    static double absSum(float[] weights, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.abs(weights[i]);
        }
        return sum;
    }

    /**
     * Throws if {@code statistic}, computed from {@code weights[from..to)}, is not finite.
     *
     * @throws IllegalArgumentException naming the first index in the range whose value is NaN or
     *     infinite
     */
    static void requireFinite(float statistic, float[] weights, int from, int to) {
        if (!Float.isFinite(statistic)) {
            throw nonFinite(weights, from, to);
        }
    }

    /** As {@link #requireFinite(float, float[], int, int)} for a double statistic. */
    static void requireFinite(double statistic, float[] weights, int from, int to) {
        if (!Double.isFinite(statistic)) {
            throw nonFinite(weights, from, to);
        }
    }

    /** Throws if any of {@code weights[from..to)} is NaN or infinite, naming the first such index. */
    static void requireAllFinite(float[] weights, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(weights[i])) {
                throw nonFinite(weights, i, to);
            }
        }
    }

    private static IllegalArgumentException nonFinite(float[] weights, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(weights[i])) {
                return new IllegalArgumentException(
                        "weights[" + i + "] is " + weights[i] + "; quantization needs finite values");
            }
        }
        // a finite range whose double sum overflowed cannot happen for float inputs
        return new IllegalArgumentException("weights[" + from + ".." + to + ") have no finite statistic");
    }
}
