package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * BitLinear with the Vector API on the I2 interleaved-256 layout of {@link PackedTernaryMatrix}.
 *
 * <p>Per group of 256 columns and per {@code L}-lane piece of it, one load of {@code L} 16-bit
 * words gives, after a shift by {@code 2j} and a mask, the codes {@code q = w + 1} of {@code L}
 * consecutive columns for each {@code j < 8}; the matching activations are loaded as bytes and
 * sign-extended to 16-bit lanes. Products {@code q * x} accumulate in 16-bit lanes and are widened
 * into int lanes every {@link #FLUSH_GROUPS} groups. Since {@code W = q - 1}, the dot product is
 * {@code sum(q * x) - sum(x)}, with {@code sum(x)} computed once per token. Four rows are done at
 * once so each activation load serves four rows. Columns past the last full group are summed one
 * by one.
 */
final class SimdTernaryOps implements TernaryOps {
    /** 16-bit lanes: at most 32 (one group is 32 words), at least 8 (bytes need 64-bit vectors). */
    static final VectorSpecies<Short> S = pickSpecies();

    static final int L = S.length();
    /** Byte lanes matching {@link #S}: half its bits, same lane count. */
    private static final VectorSpecies<Byte> XS =
            VectorSpecies.of(byte.class, VectorShape.forBitSize(S.vectorBitSize() / 2));
    /** Int lanes of the same width as {@link #S}: half its lane count. */
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());

    private static final int PIECES = 32 / L;
    private static final int GROUP = PackedTernaryMatrix.GROUP;
    private static final int GROUP_WORDS = PackedTernaryMatrix.GROUP_WORDS;

    /**
     * Groups accumulated in 16-bit lanes before widening. Overflow bound: codes are at most 2 and
     * activations at least -128 and at most 127, so a product has magnitude at most 256; per group a
     * lane takes {@code 8 * PIECES} products, at most {@code 2048 * PIECES} in magnitude, and {@code
     * FLUSH_GROUPS} groups stay within {@code 32767} (15 groups at 32 lanes: 30720).
     */
    static final int FLUSH_GROUPS = Short.MAX_VALUE / (256 * 8 * PIECES);

    private static VectorSpecies<Short> pickSpecies() {
        int lanes = ShortVector.SPECIES_PREFERRED.length();
        if (lanes >= 32) {
            return ShortVector.SPECIES_512;
        }
        return lanes >= 16 ? ShortVector.SPECIES_256 : ShortVector.SPECIES_128;
    }

    @Override
    public void ternaryDots(PackedTernaryMatrix w, Int8Activations x, int token, int[] dots) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("dots", dots.length, 0, w.rows(), w, x);
        rows(w, x, token, 0, w.rows(), dots, null, 0);
    }

    @Override
    public void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("y", y.length, yOff, w.rows(), w, x);
        rows(w, x, token, 0, w.rows(), null, y, yOff);
    }

    @Override
    public void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y) {
        ScalarTernaryOps.checkShapes(w, x);
        ScalarTernaryOps.checkOutput("y", y.length, 0, (long) x.rows() * w.rows(), w, x);
        for (int t = 0; t < x.rows(); t++) {
            rows(w, x, t, 0, w.rows(), null, y, t * w.rows());
        }
    }

    /**
     * Rows {@code [rowFrom, rowTo)} of one token: into {@code dots[r]} when {@code dots} is not
     * null, else scaled into {@code y[yOff + r]}. Arguments are already checked.
     */
    static void rows(
            PackedTernaryMatrix w,
            Int8Activations x,
            int token,
            int rowFrom,
            int rowTo,
            int[] dots,
            float[] y,
            int yOff) {
        int cols = w.cols();
        int groups = cols / GROUP;
        byte[] xv = x.values();
        int xo = token * cols;
        int sumFull = 0;
        for (int c = 0; c < groups * GROUP; c++) {
            sumFull += xv[xo + c];
        }
        float xScale = x.scale(token);
        int r = rowFrom;
        for (; r + 4 <= rowTo; r += 4) {
            block4(w, r, groups, xv, xo, sumFull, xScale, dots, y, yOff);
        }
        for (; r < rowTo; r++) {
            int dot = fullGroups1(w.words(), r * w.rowWords(), groups, xv, xo) - sumFull + tail(w, r, groups, xv, xo);
            emit(w, r, dot, xScale, dots, y, yOff);
        }
    }

    private static void block4(
            PackedTernaryMatrix w,
            int r,
            int groups,
            byte[] xv,
            int xo,
            int sumFull,
            float xScale,
            int[] dots,
            float[] y,
            int yOff) {
        short[] words = w.words();
        int rb = w.rowWords();
        int b0 = r * rb;
        int b1 = b0 + rb;
        int b2 = b1 + rb;
        int b3 = b2 + rb;
        ShortVector zero = ShortVector.zero(S);
        IntVector i0 = IntVector.zero(IS);
        IntVector i1 = i0;
        IntVector i2 = i0;
        IntVector i3 = i0;
        int g = 0;
        while (g < groups) {
            int gEnd = Math.min(groups, g + FLUSH_GROUPS);
            ShortVector a0 = zero;
            ShortVector a1 = zero;
            ShortVector a2 = zero;
            ShortVector a3 = zero;
            for (; g < gEnd; g++) {
                for (int p = 0; p < PIECES; p++) {
                    int wo = g * GROUP_WORDS + p * L;
                    int xg = xo + g * GROUP + p * L;
                    ShortVector v0 = ShortVector.fromArray(S, words, b0 + wo);
                    ShortVector v1 = ShortVector.fromArray(S, words, b1 + wo);
                    ShortVector v2 = ShortVector.fromArray(S, words, b2 + wo);
                    ShortVector v3 = ShortVector.fromArray(S, words, b3 + wo);
                    for (int j = 0; j < 8; j++) {
                        ShortVector xs = activations(xv, xg + 32 * j);
                        a0 = a0.add(codes(v0, j).mul(xs));
                        a1 = a1.add(codes(v1, j).mul(xs));
                        a2 = a2.add(codes(v2, j).mul(xs));
                        a3 = a3.add(codes(v3, j).mul(xs));
                    }
                }
            }
            i0 = i0.add(widen(a0));
            i1 = i1.add(widen(a1));
            i2 = i2.add(widen(a2));
            i3 = i3.add(widen(a3));
        }
        emit(w, r, i0.reduceLanes(VectorOperators.ADD) - sumFull + tail(w, r, groups, xv, xo), xScale, dots, y, yOff);
        emit(
                w,
                r + 1,
                i1.reduceLanes(VectorOperators.ADD) - sumFull + tail(w, r + 1, groups, xv, xo),
                xScale,
                dots,
                y,
                yOff);
        emit(
                w,
                r + 2,
                i2.reduceLanes(VectorOperators.ADD) - sumFull + tail(w, r + 2, groups, xv, xo),
                xScale,
                dots,
                y,
                yOff);
        emit(
                w,
                r + 3,
                i3.reduceLanes(VectorOperators.ADD) - sumFull + tail(w, r + 3, groups, xv, xo),
                xScale,
                dots,
                y,
                yOff);
    }

    /** {@code sum(q * x)} over the full groups of one row starting at byte {@code base}. */
    private static int fullGroups1(short[] words, int base, int groups, byte[] xv, int xo) {
        IntVector sum = IntVector.zero(IS);
        int g = 0;
        while (g < groups) {
            int gEnd = Math.min(groups, g + FLUSH_GROUPS);
            ShortVector acc = ShortVector.zero(S);
            for (; g < gEnd; g++) {
                for (int p = 0; p < PIECES; p++) {
                    ShortVector v = ShortVector.fromArray(S, words, base + g * GROUP_WORDS + p * L);
                    int xg = xo + g * GROUP + p * L;
                    for (int j = 0; j < 8; j++) {
                        acc = acc.add(codes(v, j).mul(activations(xv, xg + 32 * j)));
                    }
                }
            }
            sum = sum.add(widen(acc));
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    /** The codes in bits {@code [2j, 2j + 2)} of every lane. */
    private static ShortVector codes(ShortVector words, int j) {
        return words.lanewise(VectorOperators.LSHR, 2 * j).and((short) 3);
    }

    /** {@code L} int8 activations from {@code xv[at]}, sign-extended to 16-bit lanes. */
    private static ShortVector activations(byte[] xv, int at) {
        return (ShortVector) ByteVector.fromArray(XS, xv, at).castShape(S, 0);
    }

    /** The 16-bit lanes of {@code acc} summed pairwise into int lanes. */
    private static IntVector widen(ShortVector acc) {
        IntVector lo = (IntVector) acc.convertShape(VectorOperators.S2I, IS, 0);
        IntVector hi = (IntVector) acc.convertShape(VectorOperators.S2I, IS, 1);
        return lo.add(hi);
    }

    /** {@code sum(W * x)} over the columns past the last full group, one at a time. */
    private static int tail(PackedTernaryMatrix w, int row, int groups, byte[] xv, int xo) {
        int sum = 0;
        for (int c = groups * GROUP; c < w.cols(); c++) {
            sum += w.trit(row, c) * xv[xo + c];
        }
        return sum;
    }

    private static void emit(PackedTernaryMatrix w, int r, int dot, float xScale, int[] dots, float[] y, int yOff) {
        if (dots != null) {
            dots[r] = dot;
        } else {
            y[yOff + r] = dot * (w.scale(r) * xScale);
        }
    }
}
