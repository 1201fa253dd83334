package dev.bitbench.cli.crossval;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How far a result is from a reference result of the same product, against the rounding bound of
 * float32 dot products: each element {@code c_ij} of a length-{@code k} dot product computed in any
 * order is within {@code gamma_k * sum_l |a_il| |b_lj|} of the exact value, {@code gamma_k = k u /
 * (1 - k u)}, {@code u = 2^-24} (Higham, Accuracy and Stability of Numerical Algorithms, 3.1). Two
 * computations can each be off by that much, so they pass when they differ by at most twice the
 * bound everywhere.
 *
 * @param maxAbsError the largest {@code |c - ref|}
 * @param maxRelError the largest {@code |c - ref|} over the largest {@code |ref|}
 * @param tolerance the bound at the element where the error is closest to it
 * @param boundRatio the largest {@code |c - ref| / bound}; at most 1 passes
 */
public record ErrorStats(double maxAbsError, double maxRelError, double tolerance, double boundRatio) {
    /** The float32 unit roundoff. */
    static final double UNIT_ROUNDOFF = Math.scalb(1.0, -24);

    public ErrorStats {
        if (!(maxAbsError >= 0) || !(maxRelError >= 0) || !(tolerance >= 0) || !(boundRatio >= 0)) {
            throw new IllegalArgumentException("error statistics must be >= 0 and not NaN, got " + maxAbsError + ", "
                    + maxRelError + ", " + tolerance + ", " + boundRatio);
        }
    }

    /** Whether every element is within its bound. */
    @JsonIgnore
    public boolean passed() {
        return boundRatio <= 1.0;
    }

    /**
     * Compares {@code actual} with {@code reference}, element by element.
     *
     * @param absProducts per element, {@code sum_l |a_il| |b_lj|}
     * @param k the dot-product length
     */
    public static ErrorStats compare(float[] actual, float[] reference, double[] absProducts, int k) {
        if (actual.length != reference.length || actual.length != absProducts.length) {
            throw new IllegalArgumentException(
                    "lengths differ: " + actual.length + ", " + reference.length + ", " + absProducts.length);
        }
        double gamma = k * UNIT_ROUNDOFF / (1 - k * UNIT_ROUNDOFF);
        double maxAbs = 0;
        double maxRef = 0;
        double worstRatio = 0;
        double tolerance = 2 * gamma * (absProducts.length == 0 ? 0 : absProducts[0]);
        for (int i = 0; i < actual.length; i++) {
            double diff = Math.abs((double) actual[i] - reference[i]);
            if (Double.isNaN(diff)) {
                diff = Double.POSITIVE_INFINITY;
            }
            double bound = 2 * gamma * absProducts[i];
            maxAbs = Math.max(maxAbs, diff);
            maxRef = Math.max(maxRef, Math.abs(reference[i]));
            double ratio = bound == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : diff / bound;
            if (ratio > worstRatio || i == 0) {
                worstRatio = ratio;
                tolerance = bound;
            }
        }
        double rel = maxRef == 0 ? (maxAbs == 0 ? 0 : Double.POSITIVE_INFINITY) : maxAbs / maxRef;
        return new ErrorStats(maxAbs, rel, tolerance, worstRatio);
    }

    /** {@code sum_l |a_il| |b_lj|} for {@code C[m x n] = A[m x k] B[k x n]}, in double. */
    public static double[] absProducts(float[] a, float[] b, int m, int n, int k) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < k; l++) {
                double av = Math.abs(a[i * k + l]);
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += av * Math.abs(b[l * n + j]);
                }
            }
        }
        return out;
    }
}
