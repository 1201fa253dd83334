package dev.bitbench.kernels.packed;

import java.util.Arrays;
import java.util.Objects;

/**
 * A ternary weight matrix ({@code rows x cols}, values in {-1, 0, 1}) stored as 2-bit codes, four
 * per byte, with one scale for the whole tensor or one per row: the real weight at {@code (r, c)}
 * is {@code trit(r, c) * scale(r)}.
 *
 * <p><b>Layout ("I2 interleaved-256").</b> The code of a weight {@code w} is {@code q = w + 1}, so
 * -1, 0, 1 are 0, 1, 2 (the convention of GGML's TQ2_0; code 3 never occurs). Each row is padded
 * with zero weights (code 1) to a multiple of {@link #GROUP} = 256 columns and is stored in {@link
 * #rowWords()} = {@code paddedCols / 8} 16-bit words (four codes per byte). A group {@code g} of 256
 * columns occupies 32 words: bits {@code [2j, 2j + 2)} of word {@code l} hold the code of column
 * {@code 256 g + 32 j + l} ({@code j < 8}, {@code l < 32}). {@link #toBytes()} gives the words as
 * little-endian bytes. A 512-bit load of one group is thus 32
 * short lanes; shifting every lane right by {@code 2j} and masking with 3 gives the codes of 32
 * consecutive columns {@code 32j .. 32j + 31}, which line up with 32 consecutive activations. The
 * same layout serves narrower vectors, which read a group as 2, 4 or more consecutive pieces.
 *
 * <p>Instances are immutable by contract: {@link #words()} exposes the live array to kernels, which
 * must not modify it. Words are kept in a {@code short[]} because the Vector API reads {@code short}
 * arrays the same way on every JDK from 17 on (byte-array reinterpreting loads changed after 17).
 */
public final class PackedTernaryMatrix {
    /** Columns per interleaved group; rows are padded to a multiple of this. */
    public static final int GROUP = 256;
    /** 16-bit words per group of 256 codes. */
    public static final int GROUP_WORDS = GROUP / 8;

    private final int rows;
    private final int cols;
    private final int rowWords;
    private final short[] words;
    private final float[] scales;

    private PackedTernaryMatrix(int rows, int cols, short[] words, float[] scales) {
        this.rows = rows;
        this.cols = cols;
        this.rowWords = paddedCols(cols) / 8;
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
        int rowWords = paddedCols(cols) / 8;
        short[] words = new short[Math.multiplyExact(rows, rowWords)];
        // every code starts as 1 (weight 0), so the padding reads as zeros
        Arrays.fill(words, (short) 0x5555);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int w = trits[r * cols + c];
                if (w < -1 || w > 1) {
                    throw new IllegalArgumentException(
                            "trit at [" + r + ", " + c + "] is " + w + ", expected -1, 0 or 1");
                }
                int at = r * rowWords + wordIndex(c);
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
        return (words[row * rowWords + wordIndex(col)] >>> bitShift(col)) & 3;
    }

    /** Index of the word holding column {@code col}'s code, within its row. */
    static int wordIndex(int col) {
        return (col >>> 8) * GROUP_WORDS + (col & 31);
    }

    /** Bit position of column {@code col}'s code within its word: {@code 2j}, {@code j = (col mod 256) / 32}. */
    static int bitShift(int col) {
        return 2 * ((col & (GROUP - 1)) >>> 5);
    }

    /** {@code cols} rounded up to a multiple of {@link #GROUP}. */
    public static int paddedCols(int cols) {
        return (cols + GROUP - 1) / GROUP * GROUP;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** 16-bit words per stored row: {@code paddedCols(cols) / 8}. */
    public int rowWords() {
        return rowWords;
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
     * The packed codes, {@code rows * rowWords()} words in the layout described above. This is the
     * live array, exposed so kernels can read it without copying: never modify it.
     */
    public short[] words() {
        return words;
    }

    /** The packed codes as little-endian bytes, {@code rows * rowWords() * 2} of them (a copy). */
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
