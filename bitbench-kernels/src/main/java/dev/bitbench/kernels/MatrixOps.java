package dev.bitbench.kernels;

/**
 * Dense matrix products on row-major {@code float[]} matrices. Results overwrite {@code c} or
 * {@code y}; inputs are never modified. Dimensions of 0 are valid and compute nothing (an output
 * of 0 elements, or zeros where {@code k == 0}). An array shorter than its dimensions say gives
 * {@link IllegalArgumentException} naming both.
 */
public interface MatrixOps {
    /** {@code C[m x n] = A[m x k] . B[k x n]}. */
    void gemm(float[] a, float[] b, float[] c, int m, int n, int k);

    /** {@code C[m x n] = A[m x k] . B^T}, where {@code B} is stored as {@code [n x k]}. */
    void gemmTransB(float[] a, float[] b, float[] c, int m, int n, int k);

    /** {@code y[m] = A[m x k] . x[k]}: the one-token fast path. */
    void gemv(float[] a, float[] x, float[] y, int m, int k);

    /**
     * {@code y[m] = A[m x k] . x[k]} with {@code A} stored as IEEE 754 half-precision bits (see
     * {@link Fp16}); accumulation is in float.
     */
    void gemvF16(short[] a, float[] x, float[] y, int m, int k);

    /**
     * {@code y[rows] = A . x[cols]} with {@code A} in {@link dev.bitbench.kernels.quant.Q8_0Matrix
     * Q8_0} blocks (8-bit codes, one float scale per 32); {@code x} stays in float and accumulation
     * is in float.
     */
    void gemvQ8_0(dev.bitbench.kernels.quant.Q8_0Matrix a, float[] x, float[] y);
}
