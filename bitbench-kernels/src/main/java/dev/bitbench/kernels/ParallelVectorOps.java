package dev.bitbench.kernels;

import static dev.bitbench.kernels.ScalarVectorOps.checkBinary;
import static dev.bitbench.kernels.ScalarVectorOps.checkRange;
import static dev.bitbench.kernels.ScalarVectorOps.checkRope;
import static dev.bitbench.kernels.ScalarVectorOps.checkUnary;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.Objects;

/**
 * {@link VectorOps} running the {@link SimdVectorOps} kernels on chunks split over the threads of
 * one shared {@link Parallel}.
 *
 * <p>Work below {@link #PARALLEL_THRESHOLD} elements runs on the caller's thread (the fork-join
 * hand-off costs microseconds, more than small kernels take). Elementwise work is split into
 * blocks of {@link #BLOCK} elements, so chunks start on vector boundaries; elementwise results are
 * bit-identical to {@code simd}.
 *
 * <p>Reductions (sum, mean, max, and the sums inside softmax and RMSNorm) are computed per chunk of
 * a fixed {@link #REDUCTION_CHUNK} elements and the partial results are combined in chunk order
 * on the caller's thread. The chunking does not depend on the thread count, so a given input gives
 * the same result with any number of threads, and it is the {@code simd} result whenever {@code n
 * <= REDUCTION_CHUNK}.
 */
final class ParallelVectorOps implements VectorOps {
    /** Ranges of at most this many elements run single-threaded. */
    static final int PARALLEL_THRESHOLD = 1 << 15;
    /** Elementwise work is split on multiples of this many elements. */
    static final int BLOCK = 1 << 10;
    /** Reductions add up partial results of chunks of this many elements. */
    static final int REDUCTION_CHUNK = 1 << 15;

    private final Parallel parallel;

    ParallelVectorOps(Parallel parallel) {
        this.parallel = Objects.requireNonNull(parallel, "parallel");
    }

    /** An elementwise kernel over the index range {@code [from, to)}. */
    @FunctionalInterface
    private interface RangeKernel {
        void run(int from, int to);
    }

    /** A reduction kernel over {@code n} elements starting at index {@code from}. */
    @FunctionalInterface
    private interface ChunkReduction {
        float reduce(int from, int n);
    }

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("add", a, aOff, b, bOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.add(a, aOff, b, bOff, out, outOff, from, to));
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("mul", a, aOff, b, bOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.mul(a, aOff, b, bOff, out, outOff, from, to));
    }

    @Override
    public void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        checkUnary("scale", a, aOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.scale(a, aOff, s, out, outOff, from, to));
    }

    @Override
    public void map(float[] a, int aOff, FloatUnaryOperator f, float[] out, int outOff, int n) {
        Objects.requireNonNull(f, "f");
        checkUnary("map", a, aOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.map(a, aOff, f, out, outOff, from, to));
    }

    @Override
    public float sum(float[] a, int off, int n) {
        checkRange("sum", "a", a, off, n);
        return sumOfChunks(n, (from, len) -> SimdVectorOps.sumOf(a, off + from, len));
    }

    @Override
    public float max(float[] a, int off, int n) {
        checkRange("max", "a", a, off, n);
        return maxOf(a, off, n);
    }

    @Override
    public float mean(float[] a, int off, int n) {
        return sum(a, off, n) / n;
    }

    @Override
    public void relu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("relu", x, xOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.relu(x, xOff, out, outOff, from, to));
    }

    @Override
    public void gelu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("gelu", x, xOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.gelu(x, xOff, out, outOff, from, to));
    }

    @Override
    public void silu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("silu", x, xOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.swish(x, xOff, 1f, out, outOff, from, to));
    }

    @Override
    public void swish(float[] x, int xOff, float beta, float[] out, int outOff, int n) {
        checkUnary("swish", x, xOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.swish(x, xOff, beta, out, outOff, from, to));
    }

    @Override
    public void relu2(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("relu2", x, xOff, out, outOff, n);
        forBlocks(n, (from, to) -> SimdVectorOps.relu2(x, xOff, out, outOff, from, to));
    }

    @Override
    public void softmax(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("softmax", x, xOff, out, outOff, n);
        float max = maxOf(x, xOff, n);
        if (max == Float.POSITIVE_INFINITY) {
            ScalarVectorOps.softmaxWithInfinity(x, xOff, out, outOff, n);
            return;
        }
        float sum =
                sumOfChunks(n, (from, len) -> SimdVectorOps.expShifted(x, xOff + from, max, out, outOff + from, len));
        float inv = 1f / sum;
        forBlocks(n, (from, to) -> SimdVectorOps.scale(out, outOff, inv, out, outOff, from, to));
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        checkUnary("rmsNorm", x, xOff, out, outOff, n);
        checkRange("rmsNorm", "weight", weight, 0, n);
        float sumSq = sumOfChunks(n, (from, len) -> SimdVectorOps.sumOfSquares(x, xOff + from, len));
        float r = ScalarVectorOps.rmsScale(sumSq, n, eps);
        forBlocks(n, (from, to) -> SimdVectorOps.scaleWeighted(x, xOff, r, weight, out, outOff, from, to));
    }

    @Override
    public void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase) {
        checkRope(x, off, nHeads, headDim, freqBase);
        int headsPerTask = Math.max(1, PARALLEL_THRESHOLD / headDim);
        if (nHeads <= headsPerTask) {
            SimdVectorOps.ropeHeads(x, off, nHeads, headDim, pos, freqBase);
            return;
        }
        parallel.forRange(
                nHeads,
                headsPerTask,
                (h0, h1) -> SimdVectorOps.ropeHeads(x, off + h0 * headDim, h1 - h0, headDim, pos, freqBase));
    }

    // ---- splitting ----

    private float maxOf(float[] a, int off, int n) {
        if (n <= REDUCTION_CHUNK) {
            return SimdVectorOps.maxOf(a, off, n);
        }
        float[] partial = reduceChunks(n, (from, len) -> SimdVectorOps.maxOf(a, off + from, len));
        float m = Float.NEGATIVE_INFINITY;
        for (float p : partial) {
            m = Math.max(m, p);
        }
        return m;
    }

    /** The sum of {@code reduction} over fixed chunks of {@code [0, n)}, added in chunk order. */
    private float sumOfChunks(int n, ChunkReduction reduction) {
        if (n <= REDUCTION_CHUNK) {
            return reduction.reduce(0, n);
        }
        float s = 0f;
        for (float p : reduceChunks(n, reduction)) {
            s += p;
        }
        return s;
    }

    /** Runs {@code reduction} on every chunk of {@link #REDUCTION_CHUNK} elements, in parallel. */
    private float[] reduceChunks(int n, ChunkReduction reduction) {
        int chunks = (n + REDUCTION_CHUNK - 1) / REDUCTION_CHUNK;
        float[] partial = new float[chunks];
        parallel.forRange(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int from = c * REDUCTION_CHUNK;
                partial[c] = reduction.reduce(from, Math.min(REDUCTION_CHUNK, n - from));
            }
        });
        return partial;
    }

    /** Runs {@code kernel} over {@code [0, n)}: inline when small, else in blocks over the threads. */
    private void forBlocks(int n, RangeKernel kernel) {
        if (n <= PARALLEL_THRESHOLD) {
            kernel.run(0, n);
            return;
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        parallel.forRange(
                blocks, PARALLEL_THRESHOLD / BLOCK, (b0, b1) -> kernel.run(b0 * BLOCK, Math.min(n, b1 * BLOCK)));
    }
}
