package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import dev.bitbench.kernels.parallel.Parallel;

/**
 * The {@link SimdTernaryOps} kernels split over output rows: each task takes a contiguous range of
 * rows, so every thread reads its own slice of the packed weights. A one-token product widens the
 * activations once on the calling thread and shares them read-only; a batch widens each token
 * inside each task, which costs {@code O(K)} per task and token against {@code O(rows * K)} of work.
 */
final class ParallelTernaryOps implements TernaryOps {
    /** Rows per task at least: enough work to pay for a task. */
    private static final int MIN_ROWS = 64;

    private final Parallel parallel;

    ParallelTernaryOps(Parallel parallel) {
        this.parallel = parallel;
    }

    @Override
    public void ternaryDots(PackedTernaryMatrix w, Int8Activations x, int token, int[] dots) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("dots", dots.length, 0, w.rows(), w, x);
        short[] xs = SimdTernaryOps.widen(x, token);
        int sumX = SimdTernaryOps.sum(xs, w.cols());
        float xScale = x.scale(token);
        parallel.forRange(
                w.rows(), MIN_ROWS, (from, to) -> SimdTernaryOps.rows(w, xs, sumX, xScale, from, to, dots, null, 0));
    }

    @Override
    public void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("y", y.length, yOff, w.rows(), w, x);
        short[] xs = SimdTernaryOps.widen(x, token);
        int sumX = SimdTernaryOps.sum(xs, w.cols());
        float xScale = x.scale(token);
        parallel.forRange(
                w.rows(), MIN_ROWS, (from, to) -> SimdTernaryOps.rows(w, xs, sumX, xScale, from, to, null, y, yOff));
    }

    @Override
    public void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y) {
        ScalarTernaryOps.checkShapes(w, x);
        ScalarTernaryOps.checkOutput("y", y.length, 0, (long) x.rows() * w.rows(), w, x);
        int rows = w.rows();
        int tokens = x.rows();
        parallel.forRange(rows, Math.max(1, MIN_ROWS / Math.max(1, tokens)), (from, to) -> {
            for (int t = 0; t < tokens; t++) {
                short[] xs = SimdTernaryOps.widen(x, t);
                SimdTernaryOps.rows(w, xs, SimdTernaryOps.sum(xs, w.cols()), x.scale(t), from, to, null, y, t * rows);
            }
        });
    }
}
