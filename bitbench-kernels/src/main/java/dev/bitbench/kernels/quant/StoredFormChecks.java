package dev.bitbench.kernels.quant;

import java.util.Objects;

/** Validation of arrays handed to the public {@code of} factories of the matrix classes. */
final class StoredFormChecks {
    private StoredFormChecks() {}

    /**
     * Checks every code lies in [min, max].
     *
     * @throws IllegalArgumentException naming the first index out of range and the range
     */
    static void requireCodesInRange(byte[] codes, int min, int max) {
        Objects.requireNonNull(codes, "codes");
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < min || codes[i] > max) {
                throw new IllegalArgumentException(
                        "codes[" + i + "] is " + codes[i] + ", outside [" + min + ", " + max + "]");
            }
        }
    }

    /**
     * Checks every scale is finite and not negative.
     *
     * @throws IllegalArgumentException naming the first bad index
     */
    static void requireScales(float[] scales) {
        Objects.requireNonNull(scales, "scales");
        for (int g = 0; g < scales.length; g++) {
            if (!(scales[g] >= 0) || Float.isInfinite(scales[g])) {
                throw new IllegalArgumentException(
                        "scales[" + g + "] is " + scales[g] + "; scales must be finite and >= 0");
            }
        }
    }
}
