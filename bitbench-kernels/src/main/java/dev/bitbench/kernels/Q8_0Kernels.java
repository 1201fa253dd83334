package dev.bitbench.kernels;

import dev.bitbench.kernels.quant.Q8_0Matrix;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix-vector products of a {@link Q8_0Matrix} with a float vector, over a range of output rows
 * (so the parallel backend can split rows over threads). Activations stay in float: {@code y[r] =
 * sum_b d(r, b) * sum_j code(r, 32 b + j) * x[32 b + j]}.
 *
 * <p>{@link #gemvRowsSimd} widens 8-bit codes to float lanes in registers (one sign-extending
 * conversion), multiplies a block by {@code x} in float and adds the block sum, scaled by its
 * {@code d}, into a per-row accumulator; four rows at a time share every load of {@code x}, and
 * their blocks, interleaved in the matrix, come as one sequential stream. It
 * reads a quarter of the bytes an F32 matrix would and half of F16, and needs no half-to-float
 * arithmetic. {@link #gemvRowsScalar} is its readable twin (same formula, different summation
 * order, so results agree within float rounding).
 */
final class Q8_0Kernels {
    private static final VectorSpecies<Float> S = pickSpecies();
    private static final int L = S.length();
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(L * 8));
    private static final int BLOCK = Q8_0Matrix.BLOCK;
    private static final int GROUP = Q8_0Matrix.GROUP;

    private Q8_0Kernels() {}

    private static VectorSpecies<Float> pickSpecies() {
        // 16 float lanes are 16 bytes of codes; below 8 lanes the byte shape would be under 64 bits
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        return lanes >= 16 ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    }

    /** Checks {@code x} and {@code y} against {@code a}'s shape. */
    static void check(Q8_0Matrix a, float[] x, float[] y) {
        if (x.length < a.cols() || y.length < a.rows()) {
            throw new IllegalArgumentException("gemvQ8_0: A is " + a.shape() + ", x has " + x.length + " values and y "
                    + y.length + "; need at least " + a.cols() + " and " + a.rows());
        }
    }

    /** Scalar {@code y[r]} for rows {@code [r0, r1)}. */
    static void gemvRowsScalar(Q8_0Matrix a, float[] x, float[] y, int r0, int r1) {
        byte[] q = a.codes();
        float[] d = a.scales();
        int nb = a.blocksPerRow();
        for (int r = r0; r < r1; r++) {
            float sum = 0f;
            for (int b = 0; b < nb; b++) {
                float block = 0f;
                int index = a.scaleIndex(r, b);
                int at = BLOCK * index;
                for (int j = 0; j < BLOCK; j++) {
                    block += q[at + j] * x[b * BLOCK + j];
                }
                sum += block * d[index];
            }
            y[r] = sum;
        }
    }

    /**
     * Vector API {@code y[r]} for rows {@code [r0, r1)}: whole groups of four rows at once, reading
     * their interleaved blocks in order; rows before the first whole group in the range and after
     * the last one alone.
     */
    static void gemvRowsSimd(Q8_0Matrix a, float[] x, float[] y, int r0, int r1) {
        byte[] q = a.codes();
        float[] d = a.scales();
        int k = a.cols();
        int nb = a.blocksPerRow();
        int wholeGroupsEnd = Math.min(r1, a.rows() - a.rows() % GROUP);
        int r = r0;
        for (; r < r1 && r % GROUP != 0; r++) {
            y[r] = rowSimd(a, x, r);
        }
        for (; r + GROUP <= wholeGroupsEnd; r += GROUP) {
            int q0 = r * k;
            int d0 = r * nb;
            FloatVector acc0 = FloatVector.zero(S);
            FloatVector acc1 = acc0;
            FloatVector acc2 = acc0;
            FloatVector acc3 = acc0;
            for (int b = 0; b < nb; b++) {
                int c = b * BLOCK;
                int at = q0 + b * GROUP * BLOCK;
                FloatVector s0 = FloatVector.zero(S);
                FloatVector s1 = s0;
                FloatVector s2 = s0;
                FloatVector s3 = s0;
                for (int j = 0; j < BLOCK; j += L) {
                    FloatVector xv = FloatVector.fromArray(S, x, c + j);
                    s0 = widen(q, at + j).fma(xv, s0);
                    s1 = widen(q, at + BLOCK + j).fma(xv, s1);
                    s2 = widen(q, at + 2 * BLOCK + j).fma(xv, s2);
                    s3 = widen(q, at + 3 * BLOCK + j).fma(xv, s3);
                }
                int ds = d0 + b * GROUP;
                acc0 = s0.fma(FloatVector.broadcast(S, d[ds]), acc0);
                acc1 = s1.fma(FloatVector.broadcast(S, d[ds + 1]), acc1);
                acc2 = s2.fma(FloatVector.broadcast(S, d[ds + 2]), acc2);
                acc3 = s3.fma(FloatVector.broadcast(S, d[ds + 3]), acc3);
            }
            y[r] = acc0.reduceLanes(VectorOperators.ADD);
            y[r + 1] = acc1.reduceLanes(VectorOperators.ADD);
            y[r + 2] = acc2.reduceLanes(VectorOperators.ADD);
            y[r + 3] = acc3.reduceLanes(VectorOperators.ADD);
        }
        for (; r < r1; r++) {
            y[r] = rowSimd(a, x, r);
        }
    }

    /** Vector API {@code y[r]} of one row, wherever its blocks are. */
    private static float rowSimd(Q8_0Matrix a, float[] x, int r) {
        byte[] q = a.codes();
        float[] d = a.scales();
        FloatVector acc = FloatVector.zero(S);
        for (int b = 0; b < a.blocksPerRow(); b++) {
            int c = b * BLOCK;
            int index = a.scaleIndex(r, b);
            int at = BLOCK * index;
            FloatVector s = FloatVector.zero(S);
            for (int j = 0; j < BLOCK; j += L) {
                s = widen(q, at + j).fma(FloatVector.fromArray(S, x, c + j), s);
            }
            acc = s.fma(FloatVector.broadcast(S, d[index]), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** The {@code L} codes at {@code q[offset]} as float lanes. */
    private static FloatVector widen(byte[] q, int offset) {
        return (FloatVector) ByteVector.fromArray(B, q, offset).convertShape(VectorOperators.B2F, S, 0);
    }
}
