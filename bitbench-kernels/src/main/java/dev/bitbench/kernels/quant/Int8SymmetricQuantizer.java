package dev.bitbench.kernels.quant;

/**
 * Symmetric INT8 ("absmax") quantization: per group, {@code scale = absmax / 127} and {@code code =
 * round(w / scale)}, rounding half to even, so codes lie in [-127, 127] (-128 is never used, keeping
 * the range symmetric). A weight is reconstructed as {@code code * scale}, within {@code scale / 2}
 * of the original.
 *
 * <p>An all-zero or empty group gets scale 0 and dequantizes to zeros. A non-zero group's scale is
 * at least {@link Float#MIN_NORMAL}, so its inverse is finite. Weights must be finite and of
 * magnitude at most 2^125 (about 4.25e37), so that no reconstruction overflows.
 */
public final class Int8SymmetricQuantizer implements Quantizer {
    /** Largest code magnitude. */
    public static final int MAX_CODE = 127;

    @Override
    public QuantScheme scheme() {
        return QuantScheme.INT8_SYMMETRIC;
    }

    @Override
    public Int8SymmetricMatrix quantize(float[] weights, int rows, int cols, Granularity granularity) {
        QuantShape shape = QuantShape.of(weights, rows, cols, granularity);
        int groupSize = shape.groupSize();
        byte[] codes = new byte[shape.size()];
        float[] scales = new float[shape.groupCount()];
        for (int group = 0; group < scales.length; group++) {
            int from = group * groupSize;
            int to = from + groupSize;
            float absMax = QuantMath.absMax(weights, from, to);
            QuantMath.requireScalable(absMax, weights, from, to);
            float scale = QuantMath.symmetricScale(absMax, MAX_CODE);
            scales[group] = scale;
            float inverse = QuantMath.inverse(scale);
            for (int i = from; i < to; i++) {
                float clamped = Math.max(-MAX_CODE, Math.min(MAX_CODE, weights[i] * inverse));
                codes[i] = (byte) QuantMath.roundHalfEven(clamped);
            }
        }
        return new Int8SymmetricMatrix(shape, codes, scales);
    }
}
