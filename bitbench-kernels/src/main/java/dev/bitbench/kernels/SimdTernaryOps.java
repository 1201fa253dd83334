package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * BitLinear with the Vector API on the I2 interleaved-256 layout of {@link PackedTernaryMatrix}.
 *
 * <p>The token's int8 activations are first widened once into a zero-padded {@code short[]}
 * (per-thread scratch, so the hot loop allocates nothing). Then, per row and per group of 256
 * columns, one load of {@code L} 16-bit words gives, after a constant shift by {@code 2j} and a
 * mask, the codes {@code q = w + 1} of the {@code L} columns {@code 32j ..}; each is multiplied by
 * the matching activations and added in 16-bit lanes, widened into int lanes every {@link
 * #FLUSH_GROUPS} groups. Since {@code W = q - 1}, the dot product is {@code sum(q * x) - sum(x)},
 * with {@code sum(x)} computed once per token. Padding columns have code 1 and activation 0, so
 * every group, the last one included, takes the vector path.
 *
 * <p>One row at a time with two accumulators measured faster than sharing activation loads across
 * four rows: the loads are cheap L1 hits, the shifts and multiplies are the bottleneck, and fewer
 * live vectors keep C2 from spilling. The mask is one hoisted vector: a scalar {@code and(3)} in the
 * loop made JDK 17 re-broadcast it every time and run at half speed.
 */
final class SimdTernaryOps implements TernaryOps {
    /** 16-bit lanes: at most 32 (one group is 32 words), at least 8. */
    static final VectorSpecies<Short> S = pickSpecies();

    static final int L = S.length();
    /** Int lanes of the same width as {@link #S}: half its lane count. */
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());

    private static final int PIECES = 32 / L;
    private static final int GROUP = PackedTernaryMatrix.GROUP;
    private static final int GROUP_WORDS = PackedTernaryMatrix.GROUP_WORDS;

    /**
     * Groups accumulated in 16-bit lanes before widening. Overflow bound: codes are at most 2 and
     * activations within {@code [-128, 127]}, so a product has magnitude at most 256. Per group, each
     * of the two accumulators takes 4 products per lane and piece, so their sum takes at most {@code
     * 8 * PIECES * 256 = 2048 * PIECES} per lane; {@code FLUSH_GROUPS} groups keep it within {@code
     * 32767} (15 groups at 32 lanes: 30720).
     */
    static final int FLUSH_GROUPS = Short.MAX_VALUE / (2048 * PIECES);

    private static final ThreadLocal<short[]> SCRATCH = ThreadLocal.withInitial(() -> new short[0]);

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
        short[] xs = widen(x, token);
        rows(w, xs, sum(xs, w.cols()), x.scale(token), 0, w.rows(), dots, null, 0);
    }

    @Override
    public void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("y", y.length, yOff, w.rows(), w, x);
        short[] xs = widen(x, token);
        rows(w, xs, sum(xs, w.cols()), x.scale(token), 0, w.rows(), null, y, yOff);
    }

    @Override
    public void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y) {
        ScalarTernaryOps.checkShapes(w, x);
        ScalarTernaryOps.checkOutput("y", y.length, 0, (long) x.rows() * w.rows(), w, x);
        for (int t = 0; t < x.rows(); t++) {
            short[] xs = widen(x, t);
            rows(w, xs, sum(xs, w.cols()), x.scale(t), 0, w.rows(), null, y, t * w.rows());
        }
    }

    /**
     * Token {@code token} of {@code x} as 16-bit values, zero-padded to a whole number of groups, in
     * this thread's scratch array (valid until the thread's next call).
     */
    static short[] widen(Int8Activations x, int token) {
        int cols = x.cols();
        int padded = PackedTernaryMatrix.paddedCols(cols);
        short[] xs = SCRATCH.get();
        if (xs.length < padded) {
            xs = new short[padded];
            SCRATCH.set(xs);
        }
        byte[] v = x.values();
        int off = token * cols;
        for (int c = 0; c < cols; c++) {
            xs[c] = v[off + c];
        }
        for (int c = cols; c < padded; c++) {
            xs[c] = 0;
        }
        return xs;
    }

    static int sum(short[] xs, int n) {
        int s = 0;
        for (int c = 0; c < n; c++) {
            s += xs[c];
        }
        return s;
    }

    /**
     * Rows {@code [rowFrom, rowTo)} against widened activations {@code xs} whose sum is {@code
     * sumX}: into {@code dots[r]} when {@code dots} is not null, else scaled into {@code y[yOff +
     * r]}. Arguments are already checked.
     */
    static void rows(
            PackedTernaryMatrix w,
            short[] xs,
            int sumX,
            float xScale,
            int rowFrom,
            int rowTo,
            int[] dots,
            float[] y,
            int yOff) {
        short[] words = w.words();
        int rowWords = w.rowWords();
        int groups = rowWords / GROUP_WORDS;
        for (int r = rowFrom; r < rowTo; r++) {
            int dot = sumCodesTimesX(words, r * rowWords, groups, xs) - sumX;
            if (dots != null) {
                dots[r] = dot;
            } else {
                y[yOff + r] = dot * (w.scale(r) * xScale);
            }
        }
    }

    /** {@code sum(q * x)} over {@code groups} groups of one row starting at word {@code base}. */
    private static int sumCodesTimesX(short[] words, int base, int groups, short[] xs) {
        ShortVector mask = ShortVector.broadcast(S, (short) 3);
        IntVector total = IntVector.zero(IS);
        int g = 0;
        while (g < groups) {
            int gEnd = Math.min(groups, g + FLUSH_GROUPS);
            ShortVector a0 = ShortVector.zero(S);
            ShortVector a1 = a0;
            for (; g < gEnd; g++) {
                for (int p = 0; p < PIECES; p++) {
                    ShortVector v = ShortVector.fromArray(S, words, base + g * GROUP_WORDS + p * L);
                    int x = g * GROUP + p * L;
                    // code j of each lane sits in bits [2j, 2j+2) and pairs with activations 32j..
                    a0 = a0.add(v.and(mask).mul(ShortVector.fromArray(S, xs, x)));
                    a1 = a1.add(shr(v, 2).and(mask).mul(ShortVector.fromArray(S, xs, x + 32)));
                    a0 = a0.add(shr(v, 4).and(mask).mul(ShortVector.fromArray(S, xs, x + 64)));
                    a1 = a1.add(shr(v, 6).and(mask).mul(ShortVector.fromArray(S, xs, x + 96)));
                    a0 = a0.add(shr(v, 8).and(mask).mul(ShortVector.fromArray(S, xs, x + 128)));
                    a1 = a1.add(shr(v, 10).and(mask).mul(ShortVector.fromArray(S, xs, x + 160)));
                    a0 = a0.add(shr(v, 12).and(mask).mul(ShortVector.fromArray(S, xs, x + 192)));
                    // the top code needs no mask: a logical shift brings in zeros
                    a1 = a1.add(shr(v, 14).mul(ShortVector.fromArray(S, xs, x + 224)));
                }
            }
            ShortVector a = a0.add(a1);
            total = total.add((IntVector) a.convertShape(VectorOperators.S2I, IS, 0))
                    .add((IntVector) a.convertShape(VectorOperators.S2I, IS, 1));
        }
        return total.reduceLanes(VectorOperators.ADD);
    }

    private static ShortVector shr(ShortVector v, int bits) {
        return v.lanewise(VectorOperators.LSHR, bits);
    }
}
