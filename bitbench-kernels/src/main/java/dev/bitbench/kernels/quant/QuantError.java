package dev.bitbench.kernels.quant;

import java.util.Objects;

/**
 * How far a reconstruction is from the original values.
 *
 * @param mse mean squared error, {@code sum((original - reconstructed)^2) / n}; 0 for empty arrays
 * @param maxAbsError largest {@code |original - reconstructed|}; 0 for empty arrays
 * @param cosineSimilarity {@code dot(o, r) / (|o| |r|)} in [-1, 1]; 1 when both are all zero
 *     (identical), 0 when exactly one is all zero
 */
public record QuantError(double mse, double maxAbsError, double cosineSimilarity) {

    /**
     * Compares {@code reconstructed} with {@code original} element by element, in double precision.
     *
     * <p>Pure: reads both arrays, writes nothing. NaN or infinity in either array propagates into
     * the result (an FP16 reconstruction of a value beyond 65504 is infinite, so its error is too).
     *
     * @throws IllegalArgumentException if the lengths differ; the message names both
     */
    public static QuantError between(float[] original, float[] reconstructed) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(reconstructed, "reconstructed");
        if (original.length != reconstructed.length) {
            throw new IllegalArgumentException(
                    "original.length is " + original.length + " but reconstructed.length is " + reconstructed.length);
        }
        int n = original.length;
        double squaredError = 0;
        double maxAbs = 0;
        double dot = 0;
        double originalNorm = 0;
        double reconstructedNorm = 0;
        for (int i = 0; i < n; i++) {
            double o = original[i];
            double r = reconstructed[i];
            double diff = o - r;
            squaredError += diff * diff;
            maxAbs = Math.max(maxAbs, Math.abs(diff));
            dot += o * r;
            originalNorm += o * o;
            reconstructedNorm += r * r;
        }
        return new QuantError(n == 0 ? 0 : squaredError / n, maxAbs, cosine(dot, originalNorm, reconstructedNorm));
    }

    private static double cosine(double dot, double originalNorm, double reconstructedNorm) {
        if (originalNorm == 0 && reconstructedNorm == 0) {
            return 1;
        }
        if (originalNorm == 0 || reconstructedNorm == 0) {
            return 0;
        }
        double cosine = dot / Math.sqrt(originalNorm * reconstructedNorm);
        // rounding can push a perfect match a hair past 1
        return Math.max(-1, Math.min(1, cosine));
    }
}
