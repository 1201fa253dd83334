package dev.bitbench.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two products of attention over a KV cache, where each head's keys and values are rows of
 * {@code n} floats {@code stride} apart: {@link VectorOps#dotRows} (scores) and {@link
 * VectorOps#weightedRowSum} (the probability-weighted sum of values). The Vector API versions keep
 * a row's dot product in one vector accumulator and reduce it once per row, and the weighted sum's
 * output in registers, a vector-width slice at a time; the scalar twins are plain loops. Results
 * differ only in the order of float additions.
 */
final class AttentionKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private AttentionKernels() {}

    static void check(
            String op,
            float[] x,
            int xOff,
            float[] rows,
            int rowsOff,
            int stride,
            int count,
            int n,
            float[] out,
            int outOff,
            int outLength) {
        if (count < 0 || n < 0 || stride < n) {
            throw new IllegalArgumentException(
                    op + ": count " + count + " and n " + n + " must be >= 0 and the stride " + stride + " >= n");
        }
        long lastRowEnd = count == 0 ? rowsOff : rowsOff + (long) (count - 1) * stride + n;
        if (xOff < 0
                || rowsOff < 0
                || outOff < 0
                || (long) xOff + (op.equals("dotRows") ? n : count) > x.length
                || lastRowEnd > rows.length
                || (long) outOff + outLength > out.length) {
            throw new IllegalArgumentException(op + ": arrays of " + x.length + ", " + rows.length + " and "
                    + out.length + " floats are too short for " + count + " rows of " + n + " at stride " + stride);
        }
    }

    static void dotRowsScalar(
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
        for (int j = 0; j < count; j++) {
            int r = rowsOff + j * stride;
            float dot = 0f;
            for (int i = 0; i < n; i++) {
                dot += x[xOff + i] * rows[r + i];
            }
            out[outOff + j] = dot * scale;
        }
    }

    static void dotRowsSimd(
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
        int bound = S.loopBound(n);
        for (int j = 0; j < count; j++) {
            int r = rowsOff + j * stride;
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (; i < bound; i += L) {
                acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, rows, r + i), acc);
            }
            float dot = acc.reduceLanes(VectorOperators.ADD);
            for (; i < n; i++) {
                dot += x[xOff + i] * rows[r + i];
            }
            out[outOff + j] = dot * scale;
        }
    }

    static void weightedRowSumScalar(
            float[] w, int wOff, float[] rows, int rowsOff, int stride, int count, int n, float[] out, int outOff) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = 0f;
        }
        for (int j = 0; j < count; j++) {
            float p = w[wOff + j];
            int r = rowsOff + j * stride;
            for (int i = 0; i < n; i++) {
                out[outOff + i] += p * rows[r + i];
            }
        }
    }

    static void weightedRowSumSimd(
            float[] w, int wOff, float[] rows, int rowsOff, int stride, int count, int n, float[] out, int outOff) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int j = 0; j < count; j++) {
                acc = FloatVector.fromArray(S, rows, rowsOff + j * stride + i)
                        .fma(FloatVector.broadcast(S, w[wOff + j]), acc);
            }
            acc.intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float sum = 0f;
            for (int j = 0; j < count; j++) {
                sum += w[wOff + j] * rows[rowsOff + j * stride + i];
            }
            out[outOff + i] = sum;
        }
    }
}
