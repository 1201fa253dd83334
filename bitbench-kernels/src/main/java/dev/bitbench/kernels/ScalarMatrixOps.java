package dev.bitbench.kernels;

/**
 * The readable reference for matrix products: plain loops in i-k-j order (the inner loop walks a
 * row of {@code B} and a row of {@code C}), accumulating in {@code float}. Every other backend is
 * tested against this one.
 */
final class ScalarMatrixOps implements MatrixOps {
    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int n, int k) {
        MatrixShapes.checkGemm("gemm", a, b, c, m, n, k, false);
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            java.util.Arrays.fill(c, ci, ci + n, 0f);
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void gemmTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        MatrixShapes.checkGemm("gemmTransB", a, b, c, m, n, k, true);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[j * k + p];
                }
                c[i * n + j] = sum;
            }
        }
    }

    @Override
    public void gemv(float[] a, float[] x, float[] y, int m, int k) {
        MatrixShapes.checkGemv("gemv", MatrixShapes.lengthOf(a), x, y, m, k);
        for (int i = 0; i < m; i++) {
            float sum = 0f;
            for (int p = 0; p < k; p++) {
                sum += a[i * k + p] * x[p];
            }
            y[i] = sum;
        }
    }

    @Override
    public void gemvF16(short[] a, float[] x, float[] y, int m, int k) {
        MatrixShapes.checkGemv("gemvF16", MatrixShapes.lengthOf(a), x, y, m, k);
        for (int i = 0; i < m; i++) {
            float sum = 0f;
            for (int p = 0; p < k; p++) {
                sum += Fp16.toFloat(a[i * k + p]) * x[p];
            }
            y[i] = sum;
        }
    }

    @Override
    public void gemvQ8_0(dev.bitbench.kernels.quant.Q8_0Matrix a, float[] x, float[] y) {
        Q8_0Kernels.check(a, x, y);
        Q8_0Kernels.gemvRowsScalar(a, x, y, 0, a.rows());
    }
}
