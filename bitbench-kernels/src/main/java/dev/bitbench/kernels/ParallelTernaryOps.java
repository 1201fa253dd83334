package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import dev.bitbench.kernels.parallel.Parallel;

/**
 * The {@link SimdTernaryOps} kernels split over blocks of 32 output rows: each task takes a
 * contiguous range of blocks, so every thread reads its own slice of the packed weights. A one-token
 * product prepares the activations once on the calling thread and shares them read-only; a batch
 * prepares each token inside each task, which costs {@code O(K)} per task and token against {@code
 * O(rows * K)} of work.
 */
final class ParallelTernaryOps implements TernaryOps {
    /** Row blocks per task at least: 64 rows, enough work to pay for a task. */
    private static final int MIN_BLOCKS = 2;

    private final Parallel parallel;
    private final SimdTernaryOps.Kernel kernel;

    ParallelTernaryOps(Parallel parallel) {
        this(parallel, SimdTernaryOps.defaultKernel());
    }

    ParallelTernaryOps(Parallel parallel, SimdTernaryOps.Kernel kernel) {
        this.parallel = parallel;
        this.kernel = new SimdTernaryOps(kernel).kernel();
    }

    @Override
    public void ternaryDots(PackedTernaryMatrix w, Int8Activations x, int token, int[] dots) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("dots", dots.length, 0, w.rows(), w, x);
        SimdTernaryOps.Prepared p = SimdTernaryOps.prepare(kernel, x, token);
        parallel.forRange(
                w.rowBlocks(),
                MIN_BLOCKS,
                (from, to) -> SimdTernaryOps.blocks(kernel, w, p, 0f, from, to, dots, null, 0));
    }

    @Override
    public void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("y", y.length, yOff, w.rows(), w, x);
        SimdTernaryOps.Prepared p = SimdTernaryOps.prepare(kernel, x, token);
        float xScale = x.scale(token);
        parallel.forRange(
                w.rowBlocks(),
                MIN_BLOCKS,
                (from, to) -> SimdTernaryOps.blocks(kernel, w, p, xScale, from, to, null, y, yOff));
    }

    @Override
    public void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y) {
        ScalarTernaryOps.checkShapes(w, x);
        ScalarTernaryOps.checkOutput("y", y.length, 0, (long) x.rows() * w.rows(), w, x);
        int rows = w.rows();
        int tokens = x.rows();
        parallel.forRange(w.rowBlocks(), 1, (from, to) -> {
            for (int t = 0; t < tokens; t++) {
                SimdTernaryOps.Prepared p = SimdTernaryOps.prepare(kernel, x, t);
                SimdTernaryOps.blocks(kernel, w, p, x.scale(t), from, to, null, y, t * rows);
            }
        });
    }
}
