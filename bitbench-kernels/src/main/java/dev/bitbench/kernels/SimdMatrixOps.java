package dev.bitbench.kernels;

import java.util.Arrays;

/**
 * Matrix products with the Vector API on the caller's thread.
 *
 * <p>GEMM and GEMM with {@code B} transposed go through the blocked, packed driver ({@link
 * GemmBlocked}: register tiles of 8x2 or 4x4 vectors chosen per JDK); products that are small or
 * thinner than one tile use the unpacked loops of {@link GemmSmall}. GEMV and the half-precision
 * GEMV are in {@link MatrixVectorKernels}. Results differ from {@code scalar} only by float
 * summation order.
 */
final class SimdMatrixOps implements MatrixOps {
    private final GemmBlocked blocked;

    SimdMatrixOps() {
        this(new GemmBlocked());
    }

    /** With an explicit blocked driver (tests use small blocks to cross every block edge). */
    SimdMatrixOps(GemmBlocked blocked) {
        this.blocked = blocked;
    }

    @Override
    public void gemm(float[] a, float[] b, float[] c, int m, int n, int k) {
        MatrixShapes.checkGemm("gemm", a, b, c, m, n, k, false);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0f);
        } else if (blocked.prefersUnpacked(m, n, k)) {
            GemmSmall.gemmRows(a, b, c, n, k, 0, m);
        } else {
            blocked.multiply(a, b, c, m, n, k, false, null);
        }
    }

    @Override
    public void gemmTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        MatrixShapes.checkGemm("gemmTransB", a, b, c, m, n, k, true);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0f);
        } else if (blocked.prefersUnpacked(m, n, k)) {
            GemmSmall.gemmTransB(a, b, c, m, n, k);
        } else {
            blocked.multiply(a, b, c, m, n, k, true, null);
        }
    }

    @Override
    public void gemv(float[] a, float[] x, float[] y, int m, int k) {
        MatrixShapes.checkGemv("gemv", MatrixShapes.lengthOf(a), x, y, m, k);
        MatrixVectorKernels.gemvRows(a, x, y, k, 0, m);
    }

    @Override
    public void gemvF16(short[] a, float[] x, float[] y, int m, int k) {
        MatrixShapes.checkGemv("gemvF16", MatrixShapes.lengthOf(a), x, y, m, k);
        MatrixVectorKernels.gemvF16Rows(a, x, y, k, 0, m);
    }

    @Override
    public void gemvQ8_0(dev.bitbench.kernels.quant.Q8_0Matrix a, float[] x, float[] y) {
        Q8_0Kernels.check(a, x, y);
        Q8_0Kernels.gemvRowsSimd(a, x, y, 0, a.rows());
    }
}
