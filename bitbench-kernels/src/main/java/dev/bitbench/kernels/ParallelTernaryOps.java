package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import dev.bitbench.kernels.parallel.Parallel;

/**
 * The {@link SimdTernaryOps} kernels split over output rows: each task takes a contiguous range of
 * four-row blocks, so every thread reads its own slice of the packed weights once per token.
 */
final class ParallelTernaryOps implements TernaryOps {
    /** Four-row blocks per task at least: 64 rows, enough work to pay for a task. */
    private static final int MIN_BLOCKS = 16;

    private final Parallel parallel;

    ParallelTernaryOps(Parallel parallel) {
        this.parallel = parallel;
    }

    @Override
    public void ternaryDots(PackedTernaryMatrix w, Int8Activations x, int token, int[] dots) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("dots", dots.length, 0, w.rows(), w, x);
        int rows = w.rows();
        parallel.forRange(
                blocks(rows),
                MIN_BLOCKS,
                (from, to) -> SimdTernaryOps.rows(w, x, token, from * 4, Math.min(rows, to * 4), dots, null, 0));
    }

    @Override
    public void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("y", y.length, yOff, w.rows(), w, x);
        int rows = w.rows();
        parallel.forRange(
                blocks(rows),
                MIN_BLOCKS,
                (from, to) -> SimdTernaryOps.rows(w, x, token, from * 4, Math.min(rows, to * 4), null, y, yOff));
    }

    @Override
    public void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y) {
        ScalarTernaryOps.checkShapes(w, x);
        ScalarTernaryOps.checkOutput("y", y.length, 0, (long) x.rows() * w.rows(), w, x);
        int rows = w.rows();
        int tokens = x.rows();
        // rows split over threads, every token inside a task: the slice of weights stays in cache
        parallel.forRange(blocks(rows), Math.max(1, MIN_BLOCKS / Math.max(1, tokens)), (from, to) -> {
            for (int t = 0; t < tokens; t++) {
                SimdTernaryOps.rows(w, x, t, from * 4, Math.min(rows, to * 4), null, y, t * rows);
            }
        });
    }

    private static int blocks(int rows) {
        return (rows + 3) / 4;
    }
}
