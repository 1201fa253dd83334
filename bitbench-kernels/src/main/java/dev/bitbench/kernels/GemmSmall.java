package dev.bitbench.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unpacked SGEMM for products too small or too thin for packing to pay off: each vector of {@code
 * C} is accumulated in a register over the whole shared dimension (no read-modify-write of {@code
 * C}), reading {@code A} and {@code B} where they lie; a scalar loop covers the columns past the
 * last whole vector.
 */
final class GemmSmall {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * Up to this many multiply-adds (256^3) the unpacked 4x2 tiles match or beat the blocked
     * driver: the 2-vector column strip of {@code B} they stream stays in L2. Measured here:
     * 96^3 111 GFLOPS unpacked vs 55 blocked, 256^3 109 vs 84, 512^3 76 vs 100.
     */
    static final long MAX_WORK = 1L << 24;
    /** Below this many rows {@code C = A . B^T} is a few dot products per column: no transpose. */
    static final int MIN_ROWS_TO_TRANSPOSE = 4;
    /** The largest {@code B} (in floats) that {@link #gemmTransB} copies into per-thread scratch. */
    static final long MAX_TRANSPOSED = 1L << 20;

    private static final ThreadLocal<float[][]> TRANSPOSED = ThreadLocal.withInitial(() -> new float[1][0]);

    private GemmSmall() {}

    /**
     * Rows {@code [i0, i1)} of {@code C = A . B}: tiles of 4 rows x 2 vectors (eight independent
     * FMA chains, {@code A} broadcast straight from its rows), then single rows and vectors, then
     * scalar columns.
     */
    static void gemmRows(float[] a, float[] b, float[] c, int n, int k, int i0, int i1) {
        int nv2 = n - n % (2 * L);
        int nv = S.loopBound(n);
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            for (int j = 0; j < nv2; j += 2 * L) {
                tile4x2(a, b, c, n, k, i, j);
            }
            if (nv > nv2) {
                tile4x1(a, b, c, n, k, i, nv2);
            }
            rowsFrom(a, b, c, n, k, i, i + 4, nv);
        }
        rowsFrom(a, b, c, n, k, i, i1, 0);
    }

    /** {@code C[i .. i+4, j .. j+2L)} with eight accumulators over the whole shared dimension. */
    private static void tile4x2(float[] a, float[] b, float[] c, int n, int k, int i, int j) {
        int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int p = 0, bo = j; p < k; p++, bo += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        int co = i * n + j;
        c00.intoArray(c, co);
        c01.intoArray(c, co + L);
        c10.intoArray(c, co + n);
        c11.intoArray(c, co + n + L);
        c20.intoArray(c, co + 2 * n);
        c21.intoArray(c, co + 2 * n + L);
        c30.intoArray(c, co + 3 * n);
        c31.intoArray(c, co + 3 * n + L);
    }

    /** {@code C[i .. i+4, j .. j+L)}: the odd vector column left of a row of 4x2 tiles. */
    private static void tile4x1(float[] a, float[] b, float[] c, int n, int k, int i, int j) {
        int a0 = i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
        for (int p = 0, bo = j; p < k; p++, bo += n) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            c0 = FloatVector.broadcast(S, a[a0 + p]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[a1 + p]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[a2 + p]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[a3 + p]).fma(b0, c3);
        }
        int co = i * n + j;
        c0.intoArray(c, co);
        c1.intoArray(c, co + n);
        c2.intoArray(c, co + 2 * n);
        c3.intoArray(c, co + 3 * n);
    }

    /** Rows {@code [i0, i1)}, columns {@code [j0, n)}: one vector at a time, then scalar. */
    private static void rowsFrom(float[] a, float[] b, float[] c, int n, int k, int i0, int i1, int j0) {
        int nv = j0 + S.loopBound(n - j0);
        for (int i = i0; i < i1; i++) {
            int ai = i * k;
            int ci = i * n;
            int j = j0;
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

    /**
     * {@code C = A . B^T} with {@code b} stored {@code [n x k]}: with a few rows or fewer columns
     * than one vector, one dot product per element (vectorised along {@code k}); otherwise {@code B} is transposed into per-thread scratch ({@code n * k} floats,
     * small next to the {@code m * n * k} multiply-adds) and multiplied by {@link #gemmRows}.
     */
    static void gemmTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        if (!transposes(m, n, k)) {
            gemmTransBRows(a, b, c, n, k, 0, m);
            return;
        }
        float[][] holder = TRANSPOSED.get();
        if (holder[0].length < n * k) {
            holder[0] = new float[n * k];
        }
        float[] bt = holder[0];
        transpose(b, n, k, bt);
        gemmRows(a, bt, c, n, k, 0, m);
    }

    /**
     * Whether {@link #gemmTransB} transposes {@code B} (else it takes dot products): enough rows to
     * reuse the copy, at least one vector of columns, and at most 4 MB of scratch.
     */
    static boolean transposes(int m, int n, int k) {
        return m >= MIN_ROWS_TO_TRANSPOSE && n >= L && (long) n * k <= MAX_TRANSPOSED;
    }

    /** Writes {@code src[rows x cols]} transposed into {@code dst[cols x rows]}. */
    static void transpose(float[] src, int rows, int cols, float[] dst) {
        for (int r = 0; r < rows; r++) {
            int s = r * cols;
            for (int q = 0; q < cols; q++) {
                dst[q * rows + r] = src[s + q];
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
