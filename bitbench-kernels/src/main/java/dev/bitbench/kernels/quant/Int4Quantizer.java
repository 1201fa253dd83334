package dev.bitbench.kernels.quant;

/**
 * Symmetric INT4 quantization: per group, {@code scale = absmax / 7} and {@code code = round(w /
 * scale)}, rounding half to even, so codes lie in [-7, 7] (-8 is never used, keeping the range
 * symmetric). Codes are packed two per byte as described on {@link Int4Matrix}. A weight is
 * reconstructed as {@code code * scale}, within {@code scale / 2} of the original.
 *
 * <p>An all-zero or empty group gets scale 0 and dequantizes to zeros. A non-zero group's scale is
 * at least {@link Float#MIN_NORMAL}, so its inverse is finite. Weights must be finite and of
 * magnitude at most 2^125 (about 4.25e37), so that no reconstruction overflows.
 */
public final class Int4Quantizer implements Quantizer {
    /** Largest code magnitude. */
    public static final int MAX_CODE = 7;

    @Override
    public QuantScheme scheme() {
        return QuantScheme.INT4;
    }

    @Override
    public Int4Matrix quantize(float[] weights, int rows, int cols, Granularity granularity) {
        QuantShape shape = QuantShape.of(weights, rows, cols, granularity);
        int groupSize = shape.groupSize();
        byte[] packed = new byte[(shape.size() + 1) / 2];
        float[] scales = new float[shape.groupCount()];
        for (int group = 0; group < scales.length; group++) {
            int from = group * groupSize;
            int to = from + groupSize;
            float absMax = QuantMath.absMax(weights, from, to);
            QuantMath.requireScalable(absMax, weights, from, to);
            float scale = QuantMath.symmetricScale(absMax, MAX_CODE);
            scales[group] = scale;
            float inverse = QuantMath.inverse(scale);
            int i = from;
            if ((i & 1) == 1 && i < to) {
                // the group starts mid-byte: its first code is the high nibble of a started byte
                packed[i >> 1] |= (byte) (code(weights[i], inverse) << 4);
                i++;
            }
            for (; i + 1 < to; i += 2) {
                packed[i >> 1] = (byte) ((code(weights[i], inverse) & 0xf) | (code(weights[i + 1], inverse) << 4));
            }
            if (i < to) {
                // the group ends mid-byte: the next group (or nothing) fills the high nibble
                packed[i >> 1] = (byte) (code(weights[i], inverse) & 0xf);
            }
        }
        return new Int4Matrix(shape, packed, scales);
    }

    /** The code of one weight, in [-7, 7]. */
    private static int code(float weight, float inverse) {
        return (int) QuantMath.roundHalfEven(Math.max(-MAX_CODE, Math.min(MAX_CODE, weight * inverse)));
    }
}
