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
    /** The smallest elementwise task, in blocks: {@link #PARALLEL_THRESHOLD} elements. */
    private static final int GRAIN_BLOCKS = PARALLEL_THRESHOLD / BLOCK;

    private final Parallel parallel;

    ParallelVectorOps(Parallel parallel) {
        this.parallel = Objects.requireNonNull(parallel, "parallel");
    }

    /** The per-chunk reductions, chosen by a switch rather than a lambda: see {@link #reduceChunks}. */
    private static final int SUM = 0;

    private static final int MAX = 1;
    private static final int SUM_OF_SQUARES = 2;
    private static final int EXP_SHIFTED = 3;

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("add", a, aOff, b, bOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.add(a, aOff, b, bOff, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.add(a, aOff, b, bOff, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("mul", a, aOff, b, bOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.mul(a, aOff, b, bOff, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.mul(a, aOff, b, bOff, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        checkUnary("scale", a, aOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.scale(a, aOff, s, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.scale(a, aOff, s, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void map(float[] a, int aOff, FloatUnaryOperator f, float[] out, int outOff, int n) {
        Objects.requireNonNull(f, "f");
        checkUnary("map", a, aOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.map(a, aOff, f, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.map(a, aOff, f, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public float sum(float[] a, int off, int n) {
        checkRange("sum", "a", a, off, n);
        return sumOfChunks(SUM, a, off, 0f, null, 0, n);
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
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.relu(x, xOff, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.relu(x, xOff, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void gelu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("gelu", x, xOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdExpKernels.gelu(x, xOff, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdExpKernels.gelu(x, xOff, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void silu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("silu", x, xOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdExpKernels.swish(x, xOff, 1f, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdExpKernels.swish(x, xOff, 1f, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void swish(float[] x, int xOff, float beta, float[] out, int outOff, int n) {
        checkUnary("swish", x, xOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdExpKernels.swish(x, xOff, beta, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdExpKernels.swish(x, xOff, beta, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void relu2(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("relu2", x, xOff, out, outOff, n);
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.relu2(x, xOff, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.relu2(x, xOff, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void softmax(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("softmax", x, xOff, out, outOff, n);
        float max = maxOf(x, xOff, n);
        if (max == Float.POSITIVE_INFINITY) {
            ScalarVectorOps.softmaxWithInfinity(x, xOff, out, outOff, n);
            return;
        }
        float sum = sumOfChunks(EXP_SHIFTED, x, xOff, max, out, outOff, n);
        float inv = 1f / sum;
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.scale(out, outOff, inv, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.scale(out, outOff, inv, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        checkUnary("rmsNorm", x, xOff, out, outOff, n);
        checkRange("rmsNorm", "weight", weight, 0, n);
        float sumSq = sumOfChunks(SUM_OF_SQUARES, x, xOff, 0f, null, 0, n);
        float r = ScalarVectorOps.rmsScale(sumSq, n, eps);
        if (n <= PARALLEL_THRESHOLD) {
            SimdVectorOps.scaleWeighted(x, xOff, r, weight, out, outOff, 0, n);
            return;
        }
        parallel.forRange(
                blocks(n),
                GRAIN_BLOCKS,
                (b0, b1) -> SimdVectorOps.scaleWeighted(x, xOff, r, weight, out, outOff, b0 * BLOCK, blockEnd(n, b1)));
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
        float m = Float.NEGATIVE_INFINITY;
        for (float p : reduceChunks(MAX, a, off, 0f, null, 0, n)) {
            m = Math.max(m, p);
        }
        return m;
    }

    /** The sum of reduction {@code op} over fixed chunks of {@code [0, n)}, added in chunk order. */
    private float sumOfChunks(int op, float[] x, int xOff, float param, float[] out, int outOff, int n) {
        if (n <= REDUCTION_CHUNK) {
            return reduce(op, x, xOff, param, out, outOff, n);
        }
        float s = 0f;
        for (float p : reduceChunks(op, x, xOff, param, out, outOff, n)) {
            s += p;
        }
        return s;
    }

    /**
     * Runs reduction {@code op} on every chunk of {@link #REDUCTION_CHUNK} elements, in parallel.
     *
     * <p>The kernel is reached through a switch, not through one more lambda: on JDK 17, C2 stops
     * inlining at depth 15 ({@code MaxInlineLevel}), and the fork-join task chain plus two lambdas
     * plus the Vector API's own layers went past it, so vector operations stayed calls and boxed
     * their vectors (measured: about 1 byte allocated per element summed). Each removed layer
     * helps; JDK 21 and later are not affected.
     */
    private float[] reduceChunks(int op, float[] x, int xOff, float param, float[] out, int outOff, int n) {
        int chunks = (n + REDUCTION_CHUNK - 1) / REDUCTION_CHUNK;
        float[] partial = new float[chunks];
        parallel.forRange(chunks, 1, (c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                int from = c * REDUCTION_CHUNK;
                int len = Math.min(REDUCTION_CHUNK, n - from);
                partial[c] = reduce(op, x, xOff + from, param, out, outOff + from, len);
            }
        });
        return partial;
    }

    private static float reduce(int op, float[] x, int xOff, float param, float[] out, int outOff, int n) {
        return switch (op) {
            case SUM -> SimdVectorOps.sumOf(x, xOff, n);
            case MAX -> SimdVectorOps.maxOf(x, xOff, n);
            case SUM_OF_SQUARES -> SimdVectorOps.sumOfSquares(x, xOff, n);
            default -> SimdExpKernels.expShifted(x, xOff, param, out, outOff, n);
        };
    }

    /** The number of {@link #BLOCK}s covering {@code n} elements. */
    private static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /** The end index of block range ending at block {@code b}, clipped to {@code n}. */
    private static int blockEnd(int n, int b) {
        return (int) Math.min(n, (long) b * BLOCK);
    }

    @Override
    public void dotRows(
            float[] x,
            int xOff,
            float[] rows,
            int rowsOff,
            int stride,
            int count,
            int n,
            float scale,
            float[] out,
            int outOff) {
        AttentionKernels.check("dotRows", x, xOff, rows, rowsOff, stride, count, n, out, outOff, count);
        AttentionKernels.dotRowsSimd(x, xOff, rows, rowsOff, stride, count, n, scale, out, outOff);
    }

    @Override
    public void weightedRowSum(
            float[] w, int wOff, float[] rows, int rowsOff, int stride, int count, int n, float[] out, int outOff) {
        AttentionKernels.check("weightedRowSum", w, wOff, rows, rowsOff, stride, count, n, out, outOff, n);
        AttentionKernels.weightedRowSumSimd(w, wOff, rows, rowsOff, stride, count, n, out, outOff);
    }
}
