package dev.bitbench.kernels;

import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * BitLinear with the Vector API on the I2 row-interleaved-32 layout of {@link PackedTernaryMatrix}:
 * one load of 32 words is 32 rows times 8 columns, and the 32 row sums build up in the lanes of one
 * accumulator, so no horizontal reduction is needed per row.
 *
 * <p>Two kernels, chosen by JDK (or by the system property {@code bitbench.ternary.kernel} = {@code
 * multiply} | {@code lookup}); both are exact and give the same integers:
 *
 * <ul>
 *   <li><b>lookup</b> (default on JDK 25 and later): per token, a 16-entry table per column pair
 *       holds every possible {@code w_a x_a + w_b x_b}; each 4-bit pair nibble of 32 rows indexes it
 *       with one {@code selectFrom} (a single permute instruction on AVX-512). 4 lookups and adds per
 *       256 weights.
 *   <li><b>multiply</b> (default before JDK 25, whose {@code selectFrom} costs several
 *       instructions): each code is shifted and masked out, multiplied by the broadcast activation
 *       and added; {@code sum(q * x) - sum(x)} gives the dot product since {@code W = q - 1}.
 * </ul>
 *
 * <p>Activations are first widened into a zero-padded {@code short[]} (and, for lookup, the tables
 * built) in per-thread scratch, so the hot loops allocate nothing. Partial sums run in 16-bit lanes
 * and are widened into int lanes every {@link #FLUSH_WORDS} words.
 */
final class SimdTernaryOps implements TernaryOps {
    /** The inner loop a {@link SimdTernaryOps} runs. */
    enum Kernel {
        MULTIPLY,
        LOOKUP
    }

    /** 16-bit lanes: at most 32 (a block is 32 rows), at least 8. */
    static final VectorSpecies<Short> S = pickSpecies();

    static final int L = S.length();
    /** Int lanes of the same width as {@link #S}: half its lane count. */
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, S.vectorShape());
    /** Sixteen 16-bit lanes, the size of one pair table. */
    private static final VectorSpecies<Short> TABLE = ShortVector.SPECIES_256;

    private static final int PIECES = PackedTernaryMatrix.BLOCK_ROWS / L;
    private static final int BLOCK_ROWS = PackedTernaryMatrix.BLOCK_ROWS;

    /**
     * Words accumulated in 16-bit lanes before widening. Overflow bound: codes are at most 2 and
     * activations within {@code [-128, 127]}, so a code times an activation has magnitude at most
     * 256, and a pair table entry (two weights in {-1, 0, 1} times two activations) at most 256 as
     * well. Per word (8 columns) the two accumulators of a lane together take at most {@code 8 * 256
     * = 2048} (multiply) or {@code 4 * 256} (lookup); {@code 15} words keep that within {@code 32767}
     * (30720). The tests drive all-(+1) and all-(-1) rows against 127 and -128 activations over 40
     * groups of 256 columns, which would overflow without this flush.
     */
    static final int FLUSH_WORDS = Short.MAX_VALUE / (8 * 256);

    /** {@code (e >> 2) - 1} and {@code (e & 3) - 1}: the weights a table entry {@code e} stands for. */
    private static final short[] EVEN_WEIGHT = new short[16];

    private static final short[] ODD_WEIGHT = new short[16];

    static {
        for (int e = 0; e < 16; e++) {
            EVEN_WEIGHT[e] = (short) ((e >> 2) - 1);
            ODD_WEIGHT[e] = (short) ((e & 3) - 1);
        }
    }

    private static final ThreadLocal<Prepared> PREPARED = ThreadLocal.withInitial(Prepared::new);
    private static final ThreadLocal<int[]> LANES = ThreadLocal.withInitial(() -> new int[BLOCK_ROWS]);

    private final Kernel kernel;

    SimdTernaryOps() {
        this(defaultKernel());
    }

    /** @param kernel the inner loop; lookup needs at least 16 short lanes and falls back otherwise */
    SimdTernaryOps(Kernel kernel) {
        this.kernel = kernel == Kernel.LOOKUP && L < 16 ? Kernel.MULTIPLY : kernel;
    }

    static Kernel defaultKernel() {
        String forced = System.getProperty("bitbench.ternary.kernel", "");
        if (forced.equalsIgnoreCase("multiply")) {
            return Kernel.MULTIPLY;
        }
        if (forced.equalsIgnoreCase("lookup")) {
            return Kernel.LOOKUP;
        }
        return Runtime.version().feature() >= 25 ? Kernel.LOOKUP : Kernel.MULTIPLY;
    }

    Kernel kernel() {
        return kernel;
    }

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
        Prepared p = prepare(kernel, x, token);
        blocks(kernel, w, p, 0f, 0, w.rowBlocks(), dots, null, 0);
    }

    @Override
    public void bitLinearGemv(PackedTernaryMatrix w, Int8Activations x, int token, float[] y, int yOff) {
        ScalarTernaryOps.checkToken(w, x, token);
        ScalarTernaryOps.checkOutput("y", y.length, yOff, w.rows(), w, x);
        Prepared p = prepare(kernel, x, token);
        blocks(kernel, w, p, x.scale(token), 0, w.rowBlocks(), null, y, yOff);
    }

    @Override
    public void bitLinearGemm(PackedTernaryMatrix w, Int8Activations x, float[] y) {
        ScalarTernaryOps.checkShapes(w, x);
        ScalarTernaryOps.checkOutput("y", y.length, 0, (long) x.rows() * w.rows(), w, x);
        for (int t = 0; t < x.rows(); t++) {
            Prepared p = prepare(kernel, x, t);
            blocks(kernel, w, p, x.scale(t), 0, w.rowBlocks(), null, y, t * w.rows());
        }
    }

    /** One token made ready for a kernel; lives in per-thread scratch. */
    static final class Prepared {
        short[] xs = new short[0];
        short[] tables = new short[0];
        int sumX;
    }

    /**
     * Token {@code token} widened to 16 bits and zero-padded to whole words, its sum, and for the
     * lookup kernel the pair tables, in this thread's scratch (valid until its next call).
     */
    static Prepared prepare(Kernel kernel, Int8Activations x, int token) {
        Prepared p = PREPARED.get();
        int cols = x.cols();
        int padded = PackedTernaryMatrix.paddedCols(cols);
        if (p.xs.length < padded) {
            p.xs = new short[padded];
        }
        byte[] v = x.values();
        int off = token * cols;
        int sum = 0;
        for (int c = 0; c < cols; c++) {
            p.xs[c] = v[off + c];
            sum += v[off + c];
        }
        for (int c = cols; c < padded; c++) {
            p.xs[c] = 0;
        }
        p.sumX = sum;
        if (kernel == Kernel.LOOKUP) {
            buildTables(p, padded / 2);
        }
        return p;
    }

    /** {@code tables[16 p + e] = w_even(e) * x[2p] + w_odd(e) * x[2p + 1]}, plus 16 spare zeros. */
    private static void buildTables(Prepared p, int pairs) {
        int size = 16 * pairs + 16;
        if (p.tables.length < size) {
            p.tables = new short[size];
        }
        ShortVector even = ShortVector.fromArray(TABLE, EVEN_WEIGHT, 0);
        ShortVector odd = ShortVector.fromArray(TABLE, ODD_WEIGHT, 0);
        short[] xs = p.xs;
        for (int pair = 0; pair < pairs; pair++) {
            ShortVector xa = ShortVector.broadcast(TABLE, xs[2 * pair]);
            ShortVector xb = ShortVector.broadcast(TABLE, xs[2 * pair + 1]);
            even.mul(xa).add(odd.mul(xb)).intoArray(p.tables, 16 * pair);
        }
    }

    /**
     * Row blocks {@code [blockFrom, blockTo)} of {@code w} against a prepared token: into {@code
     * dots[r]} when {@code dots} is not null, else scaled into {@code y[yOff + r]}; rows past {@code
     * w.rows()} (padding) are not written. Arguments are already checked.
     */
    static void blocks(
            Kernel kernel,
            PackedTernaryMatrix w,
            Prepared p,
            float xScale,
            int blockFrom,
            int blockTo,
            int[] dots,
            float[] y,
            int yOff) {
        int[] lanes = LANES.get();
        for (int b = blockFrom; b < blockTo; b++) {
            for (int piece = 0; piece < PIECES; piece++) {
                if (kernel == Kernel.LOOKUP) {
                    lookupBlock(w, p.tables, b, piece, lanes);
                } else {
                    multiplyBlock(w, p.xs, p.sumX, b, piece, lanes);
                }
                int r0 = b * BLOCK_ROWS + piece * L;
                int n = Math.min(L, w.rows() - r0);
                for (int i = 0; i < n; i++) {
                    int r = r0 + i;
                    if (dots != null) {
                        dots[r] = lanes[i];
                    } else {
                        y[yOff + r] = lanes[i] * (w.scale(r) * xScale);
                    }
                }
            }
        }
    }

    /** Dot products of {@code L} rows of block {@code b} by shift, mask and multiply. */
    private static void multiplyBlock(PackedTernaryMatrix w, short[] xs, int sumX, int b, int piece, int[] lanes) {
        short[] words = w.words();
        int colWords = w.colWords();
        int base = b * colWords * BLOCK_ROWS + piece * L;
        ShortVector mask = ShortVector.broadcast(S, (short) 3);
        // int sums live in lanes[] rather than in vectors carried across the flush loop: JDK 17
        // boxed such loop-carried vectors (allocating per block)
        for (int i = 0; i < L; i++) {
            lanes[i] = -sumX;
        }
        int k = 0;
        while (k < colWords) {
            int kEnd = Math.min(colWords, k + FLUSH_WORDS);
            ShortVector a0 = ShortVector.zero(S);
            ShortVector a1 = a0;
            for (; k < kEnd; k++) {
                ShortVector v = ShortVector.fromArray(S, words, base + k * BLOCK_ROWS);
                int c = 8 * k;
                // pair i holds the even column in bits 4i+2.., the odd one in bits 4i..
                a0 = a0.add(shr(v, 2).and(mask).mul(xs[c]));
                a1 = a1.add(v.and(mask).mul(xs[c + 1]));
                a0 = a0.add(shr(v, 6).and(mask).mul(xs[c + 2]));
                a1 = a1.add(shr(v, 4).and(mask).mul(xs[c + 3]));
                a0 = a0.add(shr(v, 10).and(mask).mul(xs[c + 4]));
                a1 = a1.add(shr(v, 8).and(mask).mul(xs[c + 5]));
                // the top code needs no mask: a logical shift brings in zeros
                a0 = a0.add(shr(v, 14).mul(xs[c + 6]));
                a1 = a1.add(shr(v, 12).and(mask).mul(xs[c + 7]));
            }
            flush(a0.add(a1), lanes);
        }
    }

    /** Adds the 16-bit lanes of {@code a}, widened, to {@code lanes[0 .. L)}. */
    private static void flush(ShortVector a, int[] lanes) {
        IntVector.fromArray(IS, lanes, 0)
                .add((IntVector) a.convertShape(VectorOperators.S2I, IS, 0))
                .intoArray(lanes, 0);
        IntVector.fromArray(IS, lanes, L / 2)
                .add((IntVector) a.convertShape(VectorOperators.S2I, IS, 1))
                .intoArray(lanes, L / 2);
    }

    /** Dot products of {@code L} rows of block {@code b} by looking up pair sums. */
    private static void lookupBlock(PackedTernaryMatrix w, short[] tables, int b, int piece, int[] lanes) {
        short[] words = w.words();
        int colWords = w.colWords();
        int base = b * colWords * BLOCK_ROWS + piece * L;
        ShortVector nibble = ShortVector.broadcast(S, (short) 15);
        IntVector lo = IntVector.zero(IS);
        IntVector hi = lo;
        int k = 0;
        while (k < colWords) {
            int kEnd = Math.min(colWords, k + FLUSH_WORDS);
            ShortVector a0 = ShortVector.zero(S);
            ShortVector a1 = a0;
            for (; k < kEnd; k++) {
                ShortVector v = ShortVector.fromArray(S, words, base + k * BLOCK_ROWS);
                int t = 64 * k; // four pair tables of 16 entries per word
                a0 = a0.add(v.and(nibble).selectFrom(ShortVector.fromArray(S, tables, t)));
                a1 = a1.add(shr(v, 4).and(nibble).selectFrom(ShortVector.fromArray(S, tables, t + 16)));
                a0 = a0.add(shr(v, 8).and(nibble).selectFrom(ShortVector.fromArray(S, tables, t + 32)));
                a1 = a1.add(shr(v, 12).selectFrom(ShortVector.fromArray(S, tables, t + 48)));
            }
            ShortVector a = a0.add(a1);
            lo = lo.add((IntVector) a.convertShape(VectorOperators.S2I, IS, 0));
            hi = hi.add((IntVector) a.convertShape(VectorOperators.S2I, IS, 1));
        }
        lo.intoArray(lanes, 0);
        hi.intoArray(lanes, L / 2);
    }

    private static ShortVector shr(ShortVector v, int bits) {
        return v.lanewise(VectorOperators.LSHR, bits);
    }
}
