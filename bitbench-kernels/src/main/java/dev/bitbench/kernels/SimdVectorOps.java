package dev.bitbench.kernels;

import static dev.bitbench.kernels.ScalarVectorOps.checkBinary;
import static dev.bitbench.kernels.ScalarVectorOps.checkRange;
import static dev.bitbench.kernels.ScalarVectorOps.checkRope;
import static dev.bitbench.kernels.ScalarVectorOps.checkUnary;

import java.util.Objects;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
 * polynomial of {@link #exp(float)}, vectorised in {@link #expInPlace}; the scalar form computes the
 * tails, with the same bits as the vector lanes.
 */
final class SimdVectorOps implements VectorOps {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    private static final float TWO_GELU_C = (float) (2 * ScalarVectorOps.GELU_C);
    private static final float GELU_CUBIC = 0.044715f;

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
        gelu(x, xOff, out, outOff, 0, n);
    }

    @Override
    public void silu(float[] x, int xOff, float[] out, int outOff, int n) {
        checkUnary("silu", x, xOff, out, outOff, n);
        swish(x, xOff, 1f, out, outOff, 0, n);
    }

    @Override
    public void swish(float[] x, int xOff, float beta, float[] out, int outOff, int n) {
        checkUnary("swish", x, xOff, out, outOff, n);
        swish(x, xOff, beta, out, outOff, 0, n);
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
        float sum = expShifted(x, xOff, max, out, outOff, n);
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

    // ---- kernels built on exp ----
    //
    // C2 on JDK 17 keeps vectors in registers only in straight-line code: a vector that crosses a
    // call that C2 did not inline ("already compiled into a big method" happens to hot helpers), or that
    // merges at a branch, is boxed on the heap: we measured 6 to 12 bytes allocated per element.
    // So the vector exp lives in one straight loop, expInPlace, and the ops that need it run short
    // passes over blocks of EXP_BLOCK elements around it; a block stays in L1 between passes.

    /** Elements per pass of the exp-based kernels: 2 KB, so a block stays in L1 between passes. */
    private static final int EXP_BLOCK = 512;

    /** Per-thread scratch block of the sigmoid kernels, so that {@code out} may alias {@code x}. */
    private static final ThreadLocal<float[]> EXP_SCRATCH = ThreadLocal.withInitial(() -> new float[EXP_BLOCK]);

    /**
     * Writes {@code exp(x[i] - max)} to {@code out} for {@code i} in {@code [0, n)} and returns
     * their sum.
     */
    static float expShifted(float[] x, int xOff, float max, float[] out, int outOff, int n) {
        float sum = 0f;
        for (int from = 0; from < n; from += EXP_BLOCK) {
            int to = Math.min(n, from + EXP_BLOCK);
            shift(x, xOff, -max, out, outOff, from, to);
            sum += expInPlace(out, outOff + from, to - from);
        }
        return sum;
    }

    /** {@code x * sigmoid(beta x)}, 0 where {@code beta x == -inf}. */
    static void swish(float[] x, int xOff, float beta, float[] out, int outOff, int from, int to) {
        float[] e = EXP_SCRATCH.get();
        for (int b = from; b < to; b += EXP_BLOCK) {
            int n = Math.min(EXP_BLOCK, to - b);
            swishNegAbsZ(x, xOff + b, beta, e, n);
            expInPlace(e, 0, n);
            swishCombine(x, xOff + b, beta, e, out, outOff + b, n);
        }
    }

    /** GELU as {@code x * sigmoid(2 sqrt(2/pi) (x + 0.044715 x^3))}, in float. */
    static void gelu(float[] x, int xOff, float[] out, int outOff, int from, int to) {
        float[] e = EXP_SCRATCH.get();
        for (int b = from; b < to; b += EXP_BLOCK) {
            int n = Math.min(EXP_BLOCK, to - b);
            geluNegAbsZ(x, xOff + b, e, n);
            expInPlace(e, 0, n);
            geluCombine(x, xOff + b, e, out, outOff + b, n);
        }
    }

    /** {@code out[i] = x[i] + c} for {@code i} in {@code [from, to)}. */
    private static void shift(float[] x, int xOff, float c, float[] out, int outOff, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).add(c).intoArray(out, outOff + i);
        }
        for (; i < to; i++) {
            out[outOff + i] = x[xOff + i] + c;
        }
    }

    private static void swishNegAbsZ(float[] x, int xOff, float beta, float[] z, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOff + i).mul(beta).abs().neg().intoArray(z, i);
        }
        for (; i < n; i++) {
            z[i] = -Math.abs(x[xOff + i] * beta);
        }
    }

    private static void geluNegAbsZ(float[] x, int xOff, float[] z, int n) {
        FloatVector cubic = FloatVector.broadcast(SPECIES, GELU_CUBIC);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + i);
            FloatVector vz = vx.mul(vx).mul(vx).fma(cubic, vx).mul(TWO_GELU_C);
            vz.abs().neg().intoArray(z, i);
        }
        for (; i < n; i++) {
            z[i] = -Math.abs(geluZ(x[xOff + i]));
        }
    }

    private static void swishCombine(float[] x, int xOff, float beta, float[] e, float[] out, int outOff, int n) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + i);
            FloatVector ve = FloatVector.fromArray(SPECIES, e, i);
            FloatVector vz = vx.mul(beta);
            // x * sigmoid(z), as timesSigmoid(float, float, float)
            FloatVector numerator = one.blend(ve, vz.compare(VectorOperators.LT, 0f));
            vx.mul(numerator.div(ve.add(one)))
                    .blend(0f, vz.compare(VectorOperators.EQ, Float.NEGATIVE_INFINITY))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float v = x[xOff + i];
            out[outOff + i] = timesSigmoid(v, v * beta, e[i]);
        }
    }

    private static void geluCombine(float[] x, int xOff, float[] e, float[] out, int outOff, int n) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector cubic = FloatVector.broadcast(SPECIES, GELU_CUBIC);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            FloatVector vx = FloatVector.fromArray(SPECIES, x, xOff + i);
            FloatVector ve = FloatVector.fromArray(SPECIES, e, i);
            FloatVector vz = vx.mul(vx).mul(vx).fma(cubic, vx).mul(TWO_GELU_C);
            // x * sigmoid(z), as timesSigmoid(float, float, float)
            FloatVector numerator = one.blend(ve, vz.compare(VectorOperators.LT, 0f));
            vx.mul(numerator.div(ve.add(one)))
                    .blend(0f, vz.compare(VectorOperators.EQ, Float.NEGATIVE_INFINITY))
                    .intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float v = x[xOff + i];
            out[outOff + i] = timesSigmoid(v, geluZ(v), e[i]);
        }
    }

    /** GELU's sigmoid argument {@code 2 sqrt(2/pi) (x + 0.044715 x^3)}, in float, as the vector loops compute it. */
    private static float geluZ(float x) {
        return Math.fma(x * x * x, GELU_CUBIC, x) * TWO_GELU_C;
    }

    /**
     * {@code x * sigmoid(z)} given {@code e = exp(-|z|) <= 1}: the sigmoid is {@code 1 / (1 + e)}
     * for {@code z >= 0} and {@code e / (1 + e)} for {@code z < 0}, so nothing overflows and results
     * near the float underflow stay accurate. Where {@code z == -inf} the result is 0, the limit,
     * rather than {@code inf * 0}. The vector loops compute exactly this, written out in place.
     */
    private static float timesSigmoid(float x, float z, float e) {
        if (z == Float.NEGATIVE_INFINITY) {
            return 0f;
        }
        float numerator = z < 0f ? e : 1f;
        return x * (numerator / (e + 1f));
    }

    /**
     * {@code a[off + i] = exp(a[off + i])} for {@code i < n}, returning the sum of the results: the
     * only vector exp of this class, written out in one straight loop (see above). Step by step it
     * is {@link #exp(float)}, which the tail uses, so every element gets the same bits.
     */
    static float expInPlace(float[] a, int off, int n) {
        // Constants are broadcast once, outside the loop: C2 would hoist them anyway, but until C2
        // compiles this method every vector operation allocates, and that slow start is what a
        // short benchmark warm-up sees.
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector log2e = FloatVector.broadcast(SPECIES, LOG2E);
        FloatVector roundMagic = FloatVector.broadcast(SPECIES, ROUND_MAGIC);
        FloatVector minusLn2Hi = FloatVector.broadcast(SPECIES, -LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(SPECIES, -LN2_LO);
        FloatVector c7 = FloatVector.broadcast(SPECIES, C7);
        FloatVector c6 = FloatVector.broadcast(SPECIES, C6);
        FloatVector c5 = FloatVector.broadcast(SPECIES, C5);
        FloatVector c4 = FloatVector.broadcast(SPECIES, C4);
        FloatVector c3 = FloatVector.broadcast(SPECIES, C3);
        FloatVector c2 = FloatVector.broadcast(SPECIES, C2);
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += LANES) {
            FloatVector v =
                    FloatVector.fromArray(SPECIES, a, off + i).max(EXP_MIN_ARG).min(EXP_MAX_ARG);
            FloatVector t = v.fma(log2e, roundMagic);
            FloatVector k = t.sub(roundMagic);
            FloatVector r = k.fma(minusLn2Hi, v);
            r = k.fma(minusLn2Lo, r);
            FloatVector p = c7.fma(r, c6);
            p = p.fma(r, c5);
            p = p.fma(r, c4);
            p = p.fma(r, c3);
            p = p.fma(r, c2);
            p = p.fma(r, one);
            p = p.fma(r, one);
            IntVector ki = t.reinterpretAsInts().sub(ROUND_MAGIC_BITS);
            IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
            IntVector k2 = ki.sub(k1);
            FloatVector scale1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector scale2 = k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector e = p.mul(scale1).mul(scale2);
            e.intoArray(a, off + i);
            sum = sum.add(e);
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = exp(a[off + i]);
            a[off + i] = e;
            s += e;
        }
        return s;
    }

    private static final float LOG2E = (float) (1 / Math.log(2));
    /** ln 2 split in two: the high part has 9 significant bits, so {@code k * LN2_HI} is exact. */
    private static final float LN2_HI = 0.693359375f;

    private static final float LN2_LO = (float) (Math.log(2) - 0.693359375);
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer (ties to even). */
    private static final float ROUND_MAGIC = 12582912f;

    private static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);
    /** Below this exp is 0 in float (even as a subnormal), above the next it is +inf. */
    private static final float EXP_MIN_ARG = -104f;

    private static final float EXP_MAX_ARG = 89f;
    /** Taylor coefficients 1/k! for k = 7 down to 2. */
    private static final float C7 = 1f / 5040;

    private static final float C6 = 1f / 720;
    private static final float C5 = 1f / 120;
    private static final float C4 = 1f / 24;
    private static final float C3 = 1f / 6;
    private static final float C2 = 0.5f;

    /**
     * {@code e^x}, within 2 ulp of the correctly rounded result for normal results (the tests check
     * it over a sweep); subnormal results lose relative precision as subnormals do; {@code exp(x)
     * = 0} below about -103.97, {@code +inf} above about 88.72; NaN stays NaN. This is the scalar
     * twin of the vector exp inside {@link #expInPlace}: the same operations, the same bits.
     *
     * <p>Method: {@code x = k ln2 + r} with {@code k = round(x / ln2)} and {@code |r| <= ln2 / 2}
     * (ln 2 in two parts, Cody-Waite, so that r is accurate); {@code e^r} by its Taylor polynomial
     * of degree 7, whose truncation error is below {@code 0.347^8 / 8! ~ 5e-9} relative (0.05 ulp);
     * then the result is scaled by {@code 2^k} in two steps {@code 2^(k/2) 2^(k - k/2)} so that
     * neither factor leaves the normal exponent range: large x overflow to inf and small x
     * underflow through the subnormals to 0 as the true values do.
     *
     * <p>Why not {@code lanewise(VectorOperators.EXP)}: it is fast only where the JDK has SVML
     * stubs (x86 Linux and Windows); elsewhere it falls back to {@code Math.exp} per lane, tens of
     * times slower. Measured on JDK 17, AVX-512, 4096 floats: EXP 0.32 ns/element, this polynomial
     * 0.44 ns/element, scalar {@code Math.exp} about 18 ns/element. The polynomial costs 1.4x in
     * the best case, is fast everywhere, and its scalar twin makes the tails bit-identical, so
     * {@code simd} and {@code parallel} agree to the bit whatever the chunking.
     */
    static float exp(float x) {
        float v = Math.min(Math.max(x, EXP_MIN_ARG), EXP_MAX_ARG);
        float t = Math.fma(v, LOG2E, ROUND_MAGIC);
        float k = t - ROUND_MAGIC;
        float r = Math.fma(k, -LN2_HI, v);
        r = Math.fma(k, -LN2_LO, r);
        float p = C7;
        p = Math.fma(p, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int ki = Float.floatToRawIntBits(t) - ROUND_MAGIC_BITS;
        int k1 = ki >> 1;
        int k2 = ki - k1;
        float scale1 = Float.intBitsToFloat((k1 + 127) << 23);
        float scale2 = Float.intBitsToFloat((k2 + 127) << 23);
        return p * scale1 * scale2;
    }
}
