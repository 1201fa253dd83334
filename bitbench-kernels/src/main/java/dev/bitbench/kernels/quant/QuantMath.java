package dev.bitbench.kernels.quant;

/**
 * Loops shared by the quantizers: group statistics, rounding and the input-domain checks.
 *
 * <p>The statistics propagate NaN and infinity ({@link Math#max} does), so a quantizer checks one
 * number per group and only scans for the offending index when that number is out of range.
 */
final class QuantMath {
    /** 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer. */
    private static final float ROUNDING_BIAS = 0x1.8p23f;

    /**
     * Largest weight magnitude the INT8 and INT4 quantizers accept, 2^125 (about 4.25e37): beyond
     * it, {@code code * scale} (or the zero-point-shifted grid of asymmetric INT8) could round past
     * {@link Float#MAX_VALUE} and reconstruct as infinity.
     */
    static final float MAX_SCALED_MAGNITUDE = 0x1p125f;

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
     * Throws if the sum of magnitudes of {@code weights[from..to)} is not finite, which for float
     * inputs summed in double means one of them is NaN or infinite.
     *
     * @throws IllegalArgumentException naming the first NaN or infinite index in the range
     */
    static void requireFinite(double absSum, float[] weights, int from, int to) {
        if (!Double.isFinite(absSum)) {
            throw outOfDomain(weights, from, to, Float.MAX_VALUE);
        }
    }

    /**
     * Throws unless {@code absMax}, the largest magnitude of {@code weights[from..to)}, is at most
     * {@link #MAX_SCALED_MAGNITUDE}: NaN, infinities and magnitudes whose codes times scale could
     * overflow float are rejected.
     *
     * @throws IllegalArgumentException naming the first offending index in the range
     */
    static void requireScalable(float absMax, float[] weights, int from, int to) {
        if (!(absMax <= MAX_SCALED_MAGNITUDE)) {
            throw outOfDomain(weights, from, to, MAX_SCALED_MAGNITUDE);
        }
    }

    /** Throws if any of {@code weights[from..to)} is NaN or infinite, naming the first such index. */
    static void requireAllFinite(float[] weights, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(weights[i])) {
                throw outOfDomain(weights, i, to, Float.MAX_VALUE);
            }
        }
    }

    private static IllegalArgumentException outOfDomain(float[] weights, int from, int to, float limit) {
        for (int i = from; i < to; i++) {
            float w = weights[i];
            if (!Float.isFinite(w)) {
                return new IllegalArgumentException(
                        "weights[" + i + "] is " + w + "; quantization needs finite values");
            }
            if (Math.abs(w) > limit) {
                return new IllegalArgumentException(
                        "weights[" + i + "] is " + w + "; this scheme accepts magnitudes up to 2^125 (" + limit + ")");
            }
        }
        // unreachable for a statistic computed from the same range
        return new IllegalArgumentException("weights[" + from + ".." + to + ") are out of range");
    }
}
