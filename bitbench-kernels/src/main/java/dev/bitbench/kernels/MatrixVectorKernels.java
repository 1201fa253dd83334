package dev.bitbench.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMV kernels of the {@code simd} and {@code parallel} backends, over a range of output rows
 * so that the parallel backend can split rows over threads.
 *
 * <p>{@link #gemvRows} multiplies four rows at a time, one accumulator each, so every load of
 * {@code x} serves four rows and four FMA chains are in flight. {@link #gemvF16Rows} widens the
 * half-precision lanes to float in registers: sign-extend to int lanes, shift the exponent and
 * mantissa into float position, multiply by 2^112 to rebias (exact for normals and subnormals
 * alike), and force the all-ones exponent for infinity and NaN.
 */
final class MatrixVectorKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Short> HALF =
            VectorSpecies.of(short.class, VectorShape.forBitSize(S.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> INT = VectorSpecies.of(int.class, S.vectorShape());

    private MatrixVectorKernels() {}

    /** {@code y[i] = A[i, :] . x} for rows {@code [i0, i1)} of {@code a[m x k]}. */
    static void gemvRows(float[] a, float[] x, float[] y, int k, int i0, int i1) {
        int bound = S.loopBound(k);
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int r0 = i * k;
            int r1 = r0 + k;
            int r2 = r1 + k;
            int r3 = r2 + k;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            FloatVector acc2 = acc0;
            FloatVector acc3 = acc0;
            int p = 0;
            for (; p < bound; p += L) {
                FloatVector xv = FloatVector.fromArray(S, x, p);
                acc0 = FloatVector.fromArray(S, a, r0 + p).fma(xv, acc0);
                acc1 = FloatVector.fromArray(S, a, r1 + p).fma(xv, acc1);
                acc2 = FloatVector.fromArray(S, a, r2 + p).fma(xv, acc2);
                acc3 = FloatVector.fromArray(S, a, r3 + p).fma(xv, acc3);
            }
            float s0 = acc0.reduceLanes(VectorOperators.ADD);
            float s1 = acc1.reduceLanes(VectorOperators.ADD);
            float s2 = acc2.reduceLanes(VectorOperators.ADD);
            float s3 = acc3.reduceLanes(VectorOperators.ADD);
            for (; p < k; p++) {
                float xp = x[p];
                s0 += a[r0 + p] * xp;
                s1 += a[r1 + p] * xp;
                s2 += a[r2 + p] * xp;
                s3 += a[r3 + p] * xp;
            }
            y[i] = s0;
            y[i + 1] = s1;
            y[i + 2] = s2;
            y[i + 3] = s3;
        }
        for (; i < i1; i++) {
            y[i] = GemmSmall.dot(a, i * k, x, 0, k);
        }
    }

    /** {@code y[i] = half(A[i, :]) . x} for rows {@code [i0, i1)} of {@code a[m x k]}. */
    static void gemvF16Rows(short[] a, float[] x, float[] y, int k, int i0, int i1) {
        int bound = S.loopBound(k);
        for (int i = i0; i < i1; i++) {
            int row = i * k;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            int p = 0;
            for (; p + 2 * L <= bound; p += 2 * L) {
                acc0 = halfToFloat(a, row + p).fma(FloatVector.fromArray(S, x, p), acc0);
                acc1 = halfToFloat(a, row + p + L).fma(FloatVector.fromArray(S, x, p + L), acc1);
            }
            for (; p < bound; p += L) {
                acc0 = halfToFloat(a, row + p).fma(FloatVector.fromArray(S, x, p), acc0);
            }
            float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
            for (; p < k; p++) {
                sum += Fp16.toFloat(a[row + p]) * x[p];
            }
            y[i] = sum;
        }
    }

    /** The {@code L} halves at {@code a[offset]} as floats, exactly. */
    static FloatVector halfToFloat(short[] a, int offset) {
        IntVector h = (IntVector) ShortVector.fromArray(HALF, a, offset).convertShape(VectorOperators.S2I, INT, 0);
        IntVector sign = h.and(0x8000).lanewise(VectorOperators.LSHL, 16);
        IntVector magnitude = h.and(0x7fff);
        IntVector shifted = magnitude.lanewise(VectorOperators.LSHL, 13);
        // exponent and mantissa in float position; 2^112 moves the bias from 15 to 127
        IntVector finite = shifted.reinterpretAsFloats().mul(0x1p112f).reinterpretAsInts();
        VectorMask<Integer> infOrNaN = magnitude.compare(VectorOperators.GE, 0x7c00);
        IntVector bits = finite.blend(shifted.or(0x7f800000), infOrNaN).or(sign);
        return bits.reinterpretAsFloats();
    }
}
