package dev.bitbench.kernels;

import static dev.bitbench.kernels.SimdVectorOps.LANES;
import static dev.bitbench.kernels.SimdVectorOps.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The Vector API kernels built on {@code exp} (softmax's shifted exp, SiLU/Swish, GELU) for {@link
 * SimdVectorOps} and {@link ParallelVectorOps}: static, unchecked, on ranges. The exp is the
 * polynomial of {@link #exp(float)}, vectorised in {@link #expInPlace}; the scalar form computes
 * the tails with the same bits as the vector lanes.
 */
final class SimdExpKernels {
    private SimdExpKernels() {}

    private static final float TWO_GELU_C = (float) (2 * ScalarVectorOps.GELU_C);
    private static final float GELU_CUBIC = 0.044715f;

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
