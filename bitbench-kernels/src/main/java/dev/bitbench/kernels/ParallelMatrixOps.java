package dev.bitbench.kernels;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.Arrays;

/**
 * The {@code simd} matrix products split over the threads of one shared {@link Parallel}.
 *
 * <p>Blocked GEMM packs each {@code B} block once (panels split over threads) and hands row blocks
 * to threads, each packing its own {@code A} block; small GEMMs and GEMVs split output rows.
 * Every output element is computed by one thread in the same order as {@code simd}, so results
 * equal {@code simd}'s for the same blocks.
 */
final class ParallelMatrixOps implements MatrixOps {
    /** Multiply-adds below which a GEMV row range is not worth a task (256 KB of A). */
    private static final long GEMV_WORK_PER_TASK = 1 << 16;
    /** Multiply-adds below which an unpacked GEMM row range is not worth a task (~10 us). */
    private static final long GEMM_WORK_PER_TASK = 1 << 20;

    private final Parallel parallel;
    private final GemmBlocked blocked;

    ParallelMatrixOps(Parallel parallel) {
        this(parallel, new GemmBlocked());
    }

    /** With an explicit blocked driver (tests use small blocks to cross every block edge). */
    ParallelMatrixOps(Parallel parallel, GemmBlocked blocked) {
        this.parallel = parallel;
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
            parallel.forRange(
                    m, rowsPerTask(GEMM_WORK_PER_TASK, n, k), (i0, i1) -> GemmSmall.gemmRows(a, b, c, n, k, i0, i1));
        } else {
            blocked.multiply(a, b, c, m, n, k, false, parallel);
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
            if (!GemmSmall.transposes(m, n, k)) {
                parallel.forRange(
                        m,
                        rowsPerTask(GEMM_WORK_PER_TASK, n, k),
                        (i0, i1) -> GemmSmall.gemmTransBRows(a, b, c, n, k, i0, i1));
            } else {
                // one transpose shared by every task; n * k floats against m * n * k work
                float[] bt = new float[n * k];
                GemmSmall.transpose(b, n, k, bt);
                parallel.forRange(
                        m,
                        rowsPerTask(GEMM_WORK_PER_TASK, n, k),
                        (i0, i1) -> GemmSmall.gemmRows(a, bt, c, n, k, i0, i1));
            }
        } else {
            blocked.multiply(a, b, c, m, n, k, true, parallel);
        }
    }

    @Override
    public void gemv(float[] a, float[] x, float[] y, int m, int k) {
        MatrixShapes.checkGemv("gemv", MatrixShapes.lengthOf(a), x, y, m, k);
        parallel.forRange(
                m, rowsPerTask(GEMV_WORK_PER_TASK, 1, k), (i0, i1) -> MatrixVectorKernels.gemvRows(a, x, y, k, i0, i1));
    }

    @Override
    public void gemvF16(short[] a, float[] x, float[] y, int m, int k) {
        MatrixShapes.checkGemv("gemvF16", MatrixShapes.lengthOf(a), x, y, m, k);
        parallel.forRange(
                m,
                rowsPerTask(GEMV_WORK_PER_TASK, 1, k),
                (i0, i1) -> MatrixVectorKernels.gemvF16Rows(a, x, y, k, i0, i1));
    }

    @Override
    public void gemvQ8_0(dev.bitbench.kernels.quant.Q8_0Matrix a, float[] x, float[] y) {
        Q8_0Kernels.check(a, x, y);
        parallel.forRange(
                a.rows(),
                rowsPerTask(GEMV_WORK_PER_TASK, 1, a.cols()),
                (i0, i1) -> Q8_0Kernels.gemvRowsSimd(a, x, y, i0, i1));
    }

    /** Rows per task so that each task does at least {@code work} multiply-adds. */
    private static int rowsPerTask(long work, int n, int k) {
        long perRow = Math.max(1L, (long) n * k);
        return (int) Math.max(1L, Math.min(Integer.MAX_VALUE, work / perRow));
    }
}
