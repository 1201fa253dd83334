package dev.bitbench.kernels.quant;

/**
 * BitNet b1.58 ternary quantization ("absmean"): per group, {@code scale = max(mean(|w|),
 * MIN_SCALE)} and {@code code = clamp(round(w / scale), -1, 1)}, rounding half to even as {@code
 * torch.round} does; a weight is reconstructed as {@code code * scale}. As in BitNet's {@code
 * weight_quant}, {@code w / scale} is computed as {@code w * (1 / scale)} in float, and the mean is
 * accumulated in double.
 *
 * <p>An all-zero or empty group gets {@code MIN_SCALE} and all-zero codes, so it dequantizes to
 * zeros. Weights already in {-s, s} (no zeros) are reconstructed exactly; with zeros mixed in, the
 * codes are exact but the scale is the mean magnitude, below {@code s}.
 */
public final class TernaryQuantizer implements Quantizer {
    /** The smallest scale, as BitNet's {@code clamp_(min=1e-5)}: keeps {@code 1/scale} finite. */
    public static final float MIN_SCALE = 1e-5f;

    @Override
    public QuantScheme scheme() {
        return QuantScheme.TERNARY;
    }

    @Override
    public TernaryMatrix quantize(float[] weights, int rows, int cols, Granularity granularity) {
        QuantShape shape = QuantShape.of(weights, rows, cols, granularity);
        int groupSize = shape.groupSize();
        byte[] codes = new byte[shape.size()];
        float[] scales = new float[shape.groupCount()];
        for (int group = 0; group < scales.length; group++) {
            int from = group * groupSize;
            int to = from + groupSize;
            double absSum = QuantMath.absSum(weights, from, to);
            QuantMath.requireFinite(absSum, weights, from, to);
            float mean = groupSize == 0 ? 0f : (float) (absSum / groupSize);
            float scale = Math.max(mean, MIN_SCALE);
            scales[group] = scale;
            float inverse = 1f / scale;
            for (int i = from; i < to; i++) {
                float clamped = Math.max(-1f, Math.min(1f, weights[i] * inverse));
                codes[i] = (byte) QuantMath.roundHalfEven(clamped);
            }
        }
        return new TernaryMatrix(shape, codes, scales);
    }
}
