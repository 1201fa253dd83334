package dev.bitbench.kernels;

import static dev.bitbench.kernels.ScalarVectorOps.checkBinary;
import static dev.bitbench.kernels.ScalarVectorOps.checkRange;
import static dev.bitbench.kernels.ScalarVectorOps.checkRope;
import static dev.bitbench.kernels.ScalarVectorOps.checkUnary;

import java.util.Objects;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorOps} on the Vector API, one thread, {@link FloatVector#SPECIES_PREFERRED} (16 lanes
 * with AVX-512, 8 with AVX2, 4 with NEON).
 *
 * <p>Every kernel has the same shape: a main loop up to {@code loopBound} over whole vectors, a
 * lane reduction where the op reduces, and a scalar tail for the last {@code n % lanes} elements.
 * Reductions keep four independent vector accumulators so that the adds of consecutive iterations
 * do not wait on each other. Hot loops allocate nothing.
 *
 * <p>The kernels are static, unchecked, and work on ranges, so {@link ParallelVectorOps} runs the
 * very same code on chunks; elementwise ops therefore give the same bits on {@code simd} and {@code
 * parallel}. The {@code exp} used by softmax and the sigmoid-based activations is the
 * polynomial of {@link SimdExpKernels#exp(float)}, vectorised in {@link SimdExpKernels#expInPlace}; the scalar form computes the
 * tails, with the same bits as the vector lanes.
 */
final class SimdVectorOps implements VectorOps {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    /** Per-thread cos/sin table of rope, grown as needed, so rope allocates nothing once warm. */
    private static final ThreadLocal<float[]> ROPE_TABLE = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("add", a, aOff, b, bOff, out, outOff, n);
        add(a, aOff, b, bOff, out, outOff, 0, n);
    }

    @Override
    public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
        checkBinary("mul", a, aOff, b, bOff, out, outOff, n);
        mul(a, aOff, b, bOff, out, outOff, 0, n);
    }

    @Override
    public void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
        checkUnary("scale", a, aOff, out, outOff, n);
        scale(a, aOff, s, out, outOff, 0, n);
    }

    @Override
    public void map(float[] a, int aOff, FloatUnaryOperator f, float[] out, int outOff, int n) {
        Objects.requireNonNull(f, "f");
        checkUnary("map", a, aOff, out, outOff, n);
        map(a, aOff, f, out, outOff, 0, n);
    }

    @Override
    public float sum(float[] a, int off, int n) {
        checkRange("sum", "a", a, off, n);
        return sumOf(a, off, n);
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
        relu(x, xOff, out, outOff, 0, n);
    }

    @Override
    public void gelu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("gelu", x, xOff, out, outOff, n);
        SimdExpKernels.gelu(x, xOff, out, outOff, 0, n);
    }

    @Override
    public void silu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("silu", x, xOff, out, outOff, n);
        SimdExpKernels.swish(x, xOff, 1f, out, outOff, 0, n);
    }

    @Override
    public void swish(float[] x, int xOff, float beta, float[] out, int outOff, int n) {
        checkUnary("swish", x, xOff, out, outOff, n);
        SimdExpKernels.swish(x, xOff, beta, out, outOff, 0, n);
    }

    @Override
    public void relu2(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("relu2", x, xOff, out, outOff, n);
        relu2(x, xOff, out, outOff, 0, n);
    }

    @Override
    public void softmax(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("softmax", x, xOff, out, outOff, n);
        float max = maxOf(x, xOff, n);
        if (max == Float.POSITIVE_INFINITY) {
            ScalarVectorOps.softmaxWithInfinity(x, xOff, out, outOff, n);
            return;
        }
        float sum = SimdExpKernels.expShifted(x, xOff, max, out, outOff, n);
        float inv = 1f / sum;
        scale(out, outOff, inv, out, outOff, 0, n);
    }

    @Override
    public void rmsNorm(float[] x, int xOff, float[] weight, float eps, float[] out, int outOff, int n) {
        checkUnary("rmsNorm", x, xOff, out, outOff, n);
        checkRange("rmsNorm", "weight", weight, 0, n);
        float r = ScalarVectorOps.rmsScale(sumOfSquares(x, xOff, n), n, eps);
        scaleWeighted(x, xOff, r, weight, out, outOff, 0, n);
    }

    @Override
    public void rope(float[] x, int off, int nHeads, int headDim, int pos, float freqBase) {
        checkRope(x, off, nHeads, headDim, freqBase);
        ropeHeads(x, off, nHeads, headDim, pos, freqBase);
    }

    // ---- elementwise kernels on the index range [from, to) relative to each offset ----

    static void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += LANES) {
            FloatVector va = FloatVector.fromArray(SPECIES, a, aOff + i);
            FloatVector vb = FloatVector.fromArray(SPECIES, b, bOff + i);
            va.add(vb).intoArray(out, outOff + i);
        }
        for (; i < to; i++) {
            out[outOff + i] = a[aOff + i] + b[bOff + i];
        }
    }

    static void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += LANES) {
            FloatVector va = FloatVector.fromArray(SPECIES, a, aOff + i);
            FloatVector vb = FloatVector.fromArray(SPECIES, b, bOff + i);
            va.mul(vb).intoArray(out, outOff + i);
        }
        for (; i < to; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    static void scale(float[] a, int aOff, float s, float[] out, int outOff, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, a, aOff + i).mul(s).intoArray(out, outOff + i);
        }
        for (; i < to; i++) {
            out[outOff + i] = a[aOff + i] * s;
        }
    }

    /** An arbitrary function cannot be vectorised: a plain loop, split by the parallel backend. */
    static void map(float[] a, int aOff, FloatUnaryOperator f, float[] out, int outOff, int from, int to) {
        for (int i = from; i < to; i++) {
            out[outOff + i] = f.apply(a[aOff + i]);
        }
    }

    static void relu(float[] x, int xOff, float[] out, int outOff, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).max(0f).intoArray(out, outOff + i);
        }
        for (; i < to; i++) {
            out[outOff + i] = Math.max(x[xOff + i], 0f);
        }
    }

    static void relu2(float[] x, int xOff, float[] out, int outOff, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += LANES) {
            FloatVector r = FloatVector.fromArray(SPECIES, x, xOff + i).max(0f);
            r.mul(r).intoArray(out, outOff + i);
        }
        for (; i < to; i++) {
            float r = Math.max(x[xOff + i], 0f);
            out[outOff + i] = r * r;
        }
    }

    // ---- reductions on a[off .. off+n) ----

    static float sumOf(float[] a, int off, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        // main loop: four independent accumulators
        for (int bound4 = n - n % (4 * LANES); i < bound4; i += 4 * LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, a, off + i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, a, off + i + LANES));
            s2 = s2.add(FloatVector.fromArray(SPECIES, a, off + i + 2 * LANES));
            s3 = s3.add(FloatVector.fromArray(SPECIES, a, off + i + 3 * LANES));
        }
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, a, off + i));
        }
        // lane reduction, then the scalar tail
        float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[off + i];
        }
        return s;
    }

    static float maxOf(float[] a, int off, int n) {
        FloatVector m0 = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        FloatVector m2 = m0;
        FloatVector m3 = m0;
        int i = 0;
        for (int bound4 = n - n % (4 * LANES); i < bound4; i += 4 * LANES) {
            m0 = m0.max(FloatVector.fromArray(SPECIES, a, off + i));
            m1 = m1.max(FloatVector.fromArray(SPECIES, a, off + i + LANES));
            m2 = m2.max(FloatVector.fromArray(SPECIES, a, off + i + 2 * LANES));
            m3 = m3.max(FloatVector.fromArray(SPECIES, a, off + i + 3 * LANES));
        }
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            m0 = m0.max(FloatVector.fromArray(SPECIES, a, off + i));
        }
        float m = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            m = Math.max(m, a[off + i]);
        }
        return m;
    }

    static float sumOfSquares(float[] a, int off, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = 0;
        for (int bound4 = n - n % (4 * LANES); i < bound4; i += 4 * LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, a, off + i);
            FloatVector v1 = FloatVector.fromArray(SPECIES, a, off + i + LANES);
            FloatVector v2 = FloatVector.fromArray(SPECIES, a, off + i + 2 * LANES);
            FloatVector v3 = FloatVector.fromArray(SPECIES, a, off + i + 3 * LANES);
            s0 = v0.fma(v0, s0);
            s1 = v1.fma(v1, s1);
            s2 = v2.fma(v2, s2);
            s3 = v3.fma(v3, s3);
        }
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, a, off + i);
            s0 = v.fma(v, s0);
        }
        float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float v = a[off + i];
            s = Math.fma(v, v, s);
        }
        return s;
    }

    // ---- row kernels ----

    /** {@code out[i] = (x[i] * r) * weight[i]} for {@code i} in {@code [from, to)}: RMSNorm's last step. */
    static void scaleWeighted(float[] x, int xOff, float r, float[] weight, float[] out, int outOff, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += LANES) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + i);
            FloatVector vw = FloatVector.fromArray(SPECIES, weight, i);
            vx.mul(r).mul(vw).intoArray(out, outOff + i);
        }
        for (; i < to; i++) {
            out[outOff + i] = (x[xOff + i] * r) * weight[i];
        }
    }

    /**
     * RoPE on {@code nHeads} heads from {@code x[off]}: the cos/sin of each pair are computed once
     * (as the reference does, in double) and applied to every head with vectors.
     */
    static void ropeHeads(float[] x, int off, int nHeads, int headDim, int pos, float freqBase) {
        int half = headDim / 2;
        float[] table = ROPE_TABLE.get();
        if (table.length < headDim) {
            table = new float[headDim];
            ROPE_TABLE.set(table);
        }
        for (int i = 0; i < half; i++) {
            double theta = ScalarVectorOps.ropeAngle(pos, i, headDim, freqBase);
            table[i] = (float) Math.cos(theta);
            table[half + i] = (float) Math.sin(theta);
        }
        int bound = SPECIES.loopBound(half);
        for (int h = 0; h < nHeads; h++) {
            int lo = off + h * headDim;
            int hi = lo + half;
            int i = 0;
            for (; i < bound; i += LANES) {
                FloatVector x0 = FloatVector.fromArray(SPECIES, x, lo + i);
                FloatVector x1 = FloatVector.fromArray(SPECIES, x, hi + i);
                FloatVector cos = FloatVector.fromArray(SPECIES, table, i);
                FloatVector sin = FloatVector.fromArray(SPECIES, table, half + i);
                // no fma: the same roundings as the reference, hence the same bits
                x0.mul(cos).sub(x1.mul(sin)).intoArray(x, lo + i);
                x0.mul(sin).add(x1.mul(cos)).intoArray(x, hi + i);
            }
            for (; i < half; i++) {
                float x0 = x[lo + i];
                float x1 = x[hi + i];
                float cos = table[i];
                float sin = table[half + i];
                x[lo + i] = x0 * cos - x1 * sin;
                x[hi + i] = x0 * sin + x1 * cos;
            }
        }
    }

    /** {@link SimdExpKernels#exp(float)}, kept here for the tests of this class. */
    static float exp(float x) {
        return SimdExpKernels.exp(x);
    }

    /** {@link SimdExpKernels#expInPlace}, kept here for the tests of this class. */
    static float expInPlace(float[] a, int off, int n) {
        return SimdExpKernels.expInPlace(a, off, n);
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
