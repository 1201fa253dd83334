package dev.bitbench.kernels.packed;

import java.util.Arrays;
import java.util.Objects;

/**
 * A ternary weight matrix ({@code rows x cols}, values in {-1, 0, 1}) stored as 2-bit codes, four
 * per byte, with one scale for the whole tensor or one per row: the real weight at {@code (r, c)}
 * is {@code trit(r, c) * scale(r)}.
 *
 * <p><b>Layout ("I2 row-interleaved-32").</b> The code of a weight {@code w} is {@code q = w + 1},
 * so -1, 0, 1 are 0, 1, 2 (the convention of GGML's TQ2_0; code 3 never occurs). Rows are padded
 * with zero weights (code 1) to a multiple of {@link #BLOCK_ROWS} = 32 and columns to a multiple of
 * {@link #WORD_COLS} = 8. The codes live in 16-bit words, eight columns of one row per word: word
 * {@code ((r / 32) * colWords() + c / 8) * 32 + r % 32} holds row {@code r}, columns {@code 8 (c /
 * 8) ..} (so one 512-bit load is 32 consecutive rows times 8 columns). Within a word, the columns
 * form four pairs; pair {@code i} (columns {@code 2i} and {@code 2i + 1} of the eight) is the nibble
 * at bits {@code [4i, 4i + 4)}, the even column in its upper two bits and the odd column in its lower
 * two. A nibble is thus {@code 4 q_even + q_odd}, an index into a 16-entry table of the pair's
 * possible partial sums, which is what the table-lookup kernel uses; the multiply kernel shifts out
 * one code at a time. {@link #toBytes()} gives the words as little-endian bytes.
 *
 * <p>Instances are immutable by contract: {@link #words()} exposes the live array to kernels, which
 * must not modify it. Words are kept in a {@code short[]} because the Vector API reads {@code short}
 * arrays the same way on every JDK from 17 on (byte-array reinterpreting loads changed after 17).
 */
public final class PackedTernaryMatrix {
    /** Rows interleaved in one block; rows are padded to a multiple of this. */
    public static final int BLOCK_ROWS = 32;
    /** Columns per 16-bit word; columns are padded to a multiple of this. */
    public static final int WORD_COLS = 8;

    private final int rows;
    private final int cols;
    private final int colWords;
    private final short[] words;
    private final float[] scales;

    private PackedTernaryMatrix(int rows, int cols, short[] words, float[] scales) {
        this.rows = rows;
        this.cols = cols;
        this.colWords = paddedCols(cols) / WORD_COLS;
        this.words = words;
        this.scales = scales;
    }

    /**
     * Packs row-major ternary values.
     *
     * @param trits {@code rows * cols} values, each -1, 0 or 1 (row-major; extra elements ignored)
     * @param scales one scale (per tensor) or {@code rows} scales (per row); copied
     * @throws IllegalArgumentException on negative dimensions, a short array, a value outside
     *     {-1, 0, 1} (naming its position) or a scale count that is neither 1 nor {@code rows}
     */
    public static PackedTernaryMatrix pack(byte[] trits, int rows, int cols, float... scales) {
        Objects.requireNonNull(trits, "trits");
        Objects.requireNonNull(scales, "scales");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0, got [" + rows + " x " + cols + "]");
        }
        if (trits.length < (long) rows * cols) {
            throw new IllegalArgumentException("trits has " + trits.length + " values, shape [" + rows + " x " + cols
                    + "] needs " + (long) rows * cols);
        }
        if (scales.length != 1 && scales.length != rows) {
            throw new IllegalArgumentException(
                    "scales must have 1 (per tensor) or " + rows + " (per row) values, got " + scales.length);
        }
        int colWords = paddedCols(cols) / WORD_COLS;
        short[] words = new short[Math.multiplyExact(paddedRows(rows), colWords)];
        // every code starts as 1 (weight 0), so the padding reads as zeros
        Arrays.fill(words, (short) 0x5555);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int w = trits[r * cols + c];
                if (w < -1 || w > 1) {
                    throw new IllegalArgumentException(
                            "trit at [" + r + ", " + c + "] is " + w + ", expected -1, 0 or 1");
                }
                int at = wordIndex(r, c, colWords);
                int shift = bitShift(c);
                words[at] = (short) ((words[at] & ~(3 << shift)) | ((w + 1) << shift));
            }
        }
        return new PackedTernaryMatrix(rows, cols, words, scales.clone());
    }

    /** Returns the values as row-major trits in {-1, 0, 1}: the inverse of {@link #pack}. */
    public byte[] unpack() {
        byte[] trits = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                trits[r * cols + c] = (byte) trit(r, c);
            }
        }
        return trits;
    }

    /** Returns the real weights {@code trit(r, c) * scale(r)}, row-major. */
    public float[] dequantize() {
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            float s = scale(r);
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = trit(r, c) * s;
            }
        }
        return out;
    }

    /** The ternary value at {@code (row, col)}: -1, 0 or 1. */
    public int trit(int row, int col) {
        return code(row, col) - 1;
    }

    /** The 2-bit code {@code trit + 1} at {@code (row, col)}: 0, 1 or 2. */
    public int code(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return (words[wordIndex(row, col, colWords)] >>> bitShift(col)) & 3;
    }

    /** Index of the word holding the code of {@code (row, col)}. */
    static int wordIndex(int row, int col, int colWords) {
        return ((row >>> 5) * colWords + (col >>> 3)) * BLOCK_ROWS + (row & (BLOCK_ROWS - 1));
    }

    /**
     * Bit position of column {@code col}'s code within its word: pair {@code i = (col mod 8) / 2}
     * starts at bit {@code 4i}; the even column sits 2 bits higher than the odd one.
     */
    public static int bitShift(int col) {
        return 4 * ((col & 7) >>> 1) + ((col & 1) == 0 ? 2 : 0);
    }

    /** {@code cols} rounded up to a multiple of {@link #WORD_COLS}. */
    public static int paddedCols(int cols) {
        return (cols + WORD_COLS - 1) / WORD_COLS * WORD_COLS;
    }

    /** {@code rows} rounded up to a multiple of {@link #BLOCK_ROWS}. */
    public static int paddedRows(int rows) {
        return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS * BLOCK_ROWS;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Words per row, {@code paddedCols(cols) / 8}: a block of 32 rows spans {@code 32 * colWords()} words. */
    public int colWords() {
        return colWords;
    }

    /** Blocks of 32 rows: {@code paddedRows(rows) / 32}. */
    public int rowBlocks() {
        return paddedRows(rows) / BLOCK_ROWS;
    }

    /** The scale of row {@code row}. */
    public float scale(int row) {
        Objects.checkIndex(row, rows);
        return scales.length == 1 ? scales[0] : scales[row];
    }

    /** The number of stored scales: 1 (per tensor) or {@code rows} (per row). */
    public int scaleCount() {
        return scales.length;
    }

    /**
     * The packed codes, {@code rowBlocks() * 32 * colWords()} words in the layout described above. This is the
     * live array, exposed so kernels can read it without copying: never modify it.
     */
    public short[] words() {
        return words;
    }

    /** The packed codes as little-endian bytes, two per word (a copy). */
    public byte[] toBytes() {
        byte[] out = new byte[words.length * 2];
        for (int i = 0; i < words.length; i++) {
            out[2 * i] = (byte) words[i];
            out[2 * i + 1] = (byte) (words[i] >>> 8);
        }
        return out;
    }

    /** Bytes of storage: packed codes plus 4 bytes per stored scale. */
    public long bytesUsed() {
        return 2L * words.length + 4L * scales.length;
    }

    /** The shape as {@code [rows x cols]}, as error messages print it. */
    public String shape() {
        return "[" + rows + " x " + cols + "]";
    }

    @Override
    public String toString() {
        return "PackedTernaryMatrix" + shape();
    }
}
