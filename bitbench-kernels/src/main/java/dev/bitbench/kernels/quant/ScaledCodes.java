package dev.bitbench.kernels.quant;

import java.util.Objects;

/** The one dequantization loop of the formats that store one signed byte code per element. */
final class ScaledCodes {
    private ScaledCodes() {}

    /**
     * {@code out[i] = codes[i] * scales[group of i]} over the whole shape, allocation-free.
     *
     * @throws IllegalArgumentException if {@code out} does not have the shape's size
     */
    static void dequantizeInto(QuantShape shape, byte[] codes, float[] scales, float[] out) {
        Objects.requireNonNull(out, "out");
        shape.requireLength("out", out.length);
        int groupSize = shape.groupSize();
        for (int group = 0; group < scales.length; group++) {
            float scale = scales[group];
            int from = group * groupSize;
            int to = from + groupSize;
            for (int i = from; i < to; i++) {
                out[i] = codes[i] * scale;
            }
        }
    }
}
