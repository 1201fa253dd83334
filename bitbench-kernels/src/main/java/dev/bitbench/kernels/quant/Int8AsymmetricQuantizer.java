package dev.bitbench.kernels.quant;

/**
 * Asymmetric INT8 ("min/max with zero point") quantization into unsigned codes [0, 255].
 *
 * <p>Per group, the range is widened to hold zero, {@code lo = min(0, min w)} and {@code hi = max(0,
 * max w)}, so that 0 is exactly representable (as PyTorch's {@code quint8} and ONNX do); then {@code
 * scale = (hi - lo) / 255}, {@code zeroPoint = round(-lo / scale)} in [0, 255], and {@code code =
 * clamp(round(w / scale) + zeroPoint, 0, 255)}, rounding half to even. A weight is reconstructed as
 * {@code (code - zeroPoint) * scale}, within {@code scale / 2} of the original.
 *
 * <p>An all-zero or empty group gets scale 0 and zero point 0 and dequantizes to zeros. A non-zero
 * group's scale is at least {@link Float#MIN_NORMAL}, so its inverse is finite. Weights must be
 * finite and of magnitude at most 2^125 (about 4.25e37), so that no reconstruction overflows.
 */
public final class Int8AsymmetricQuantizer implements Quantizer {
    /** Largest unsigned code. */
    public static final int MAX_CODE = 255;

    @Override
    public QuantScheme scheme() {
        return QuantScheme.INT8_ASYMMETRIC;
    }

    @Override
    public Int8AsymmetricMatrix quantize(float[] weights, int rows, int cols, Granularity granularity) {
        QuantShape shape = QuantShape.of(weights, rows, cols, granularity);
        int groupSize = shape.groupSize();
        byte[] codes = new byte[shape.size()];
        float[] scales = new float[shape.groupCount()];
        byte[] zeroPoints = new byte[scales.length];
        for (int group = 0; group < scales.length; group++) {
            int from = group * groupSize;
            int to = from + groupSize;
            float lo = 0f;
            float hi = 0f;
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, weights[i]);
                hi = Math.max(hi, weights[i]);
            }
            QuantMath.requireScalable(Math.max(-lo, hi), weights, from, to);
            float scale = lo == hi ? 0f : Math.max((hi - lo) / MAX_CODE, Float.MIN_NORMAL);
            float inverse = QuantMath.inverse(scale);
            float zeroPoint = QuantMath.roundHalfEven(Math.max(0f, Math.min(MAX_CODE, -lo * inverse)));
            scales[group] = scale;
            zeroPoints[group] = (byte) (int) zeroPoint;
            for (int i = from; i < to; i++) {
                float clamped = Math.max(0f, Math.min(MAX_CODE, weights[i] * inverse + zeroPoint));
                codes[i] = (byte) (int) QuantMath.roundHalfEven(clamped);
            }
        }
        return new Int8AsymmetricMatrix(shape, codes, scales, zeroPoints);
    }
}
