package dev.bitbench.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unpacked SGEMM for products too small or too thin for packing to pay off: each vector of a row
 * of {@code C} is accumulated in a register over the whole shared dimension (no read-modify-write
 * of {@code C}), with a scalar loop for the columns past the last whole vector.
 */
final class GemmSmall {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Below this many multiply-adds the packing of the blocked driver costs more than it saves. */
    static final long MAX_WORK = 1L << 18;

    private GemmSmall() {}

    /** Whether {@code m x n x k} should skip the blocked driver whose tile is {@code tile}. */
    static boolean prefers(int m, int n, int k, GemmTile tile) {
        return (long) m * n * k <= MAX_WORK || m < tile.rows || n < L;
    }

    /** Rows {@code [i0, i1)} of {@code C = A . B}. */
    static void gemmRows(float[] a, float[] b, float[] c, int n, int k, int i0, int i1) {
        int nv = S.loopBound(n);
        for (int i = i0; i < i1; i++) {
            int ai = i * k;
            int ci = i * n;
            int j = 0;
            for (; j < nv; j += L) {
                FloatVector acc = FloatVector.zero(S);
                for (int p = 0, bo = j; p < k; p++, bo += n) {
                    acc = FloatVector.broadcast(S, a[ai + p]).fma(FloatVector.fromArray(S, b, bo), acc);
                }
                acc.intoArray(c, ci + j);
            }
            for (; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[ai + p] * b[p * n + j];
                }
                c[ci + j] = sum;
            }
        }
    }

    /** Rows {@code [i0, i1)} of {@code C = A . B^T} with {@code b} stored {@code [n x k]}. */
    static void gemmTransBRows(float[] a, float[] b, float[] c, int n, int k, int i0, int i1) {
        for (int i = i0; i < i1; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = dot(a, i * k, b, j * k, k);
            }
        }
    }

    /** {@code sum_p x[xo + p] * y[yo + p]} over {@code p < k}: two accumulators, scalar tail. */
    static float dot(float[] x, int xo, float[] y, int yo, int k) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = acc0;
        int p = 0;
        for (int bound2 = k - 2 * L; p <= bound2; p += 2 * L) {
            acc0 = FloatVector.fromArray(S, x, xo + p).fma(FloatVector.fromArray(S, y, yo + p), acc0);
            acc1 = FloatVector.fromArray(S, x, xo + p + L).fma(FloatVector.fromArray(S, y, yo + p + L), acc1);
        }
        for (int bound = S.loopBound(k); p < bound; p += L) {
            acc0 = FloatVector.fromArray(S, x, xo + p).fma(FloatVector.fromArray(S, y, yo + p), acc0);
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; p < k; p++) {
            sum += x[xo + p] * y[yo + p];
        }
        return sum;
    }
}
