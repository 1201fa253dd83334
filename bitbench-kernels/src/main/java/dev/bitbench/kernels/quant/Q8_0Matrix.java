package dev.bitbench.kernels.quant;

import dev.bitbench.kernels.Fp16;
import java.util.Objects;

/**
 * A matrix in ggml's {@code Q8_0} layout, for matrix-vector products: each row is cut into blocks
 * of {@link #BLOCK} = 32 values, and each block stores one scale {@code d = absmax / 127} and 32
 * signed codes {@code round(v * (1 / d))} (halves away from zero, as ggml's {@code
 * quantize_row_q8_0_ref}) in [-127, 127] (all zeros and {@code d = 0} for an all-zero
 * block). Value {@code (r, c)} stands for {@code code(r, c) * d(r, c / 32)}, so its error is at
 * most {@code d / 2}. Scales are kept in float (ggml rounds them to half precision; this class
 * does not, so its error bound is the tighter one).
 *
 * <p>Layout: rows are stored in groups of {@link #GROUP} = 4, and within a group the blocks are
 * interleaved ({@code row 0 block 0, row 1 block 0, …, row 3 block 0, row 0 block 1, …}; the
 * last group may have fewer rows), so a kernel that computes four rows at once reads the codes as
 * one sequential stream instead of four. {@link #blockOffset} and {@link #scaleIndex} give where
 * a block is; scales are interleaved the same way.
 *
 * <p>Immutable by contract: {@link #codes()} and {@link #scales()} are the live arrays, for
 * kernels, which must not modify them.
 */
public final class Q8_0Matrix {
    /** Values per block. */
    public static final int BLOCK = 32;
    /** Rows whose blocks are interleaved. */
    public static final int GROUP = 4;

    private final int rows;
    private final int cols;
    private final byte[] codes;
    private final float[] scales;

    private Q8_0Matrix(int rows, int cols, byte[] codes, float[] scales) {
        this.rows = rows;
        this.cols = cols;
        this.codes = codes;
        this.scales = scales;
    }

    /**
     * Quantizes a row-major matrix of IEEE 754 half-precision bits (see {@link Fp16}).
     *
     * @throws IllegalArgumentException if {@code cols} is not a positive multiple of 32, {@code
     *     rows} is negative, {@code half} is shorter than {@code rows * cols} or holds a value that
     *     is not finite
     */
    public static Q8_0Matrix fromHalf(short[] half, int rows, int cols) {
        Objects.requireNonNull(half, "half");
        checkShape(half.length, rows, cols);
        float[] row = new float[cols];
        byte[] codes = new byte[rows * cols];
        float[] scales = new float[rows * (cols / BLOCK)];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                row[c] = Fp16.toFloat(half[r * cols + c]);
            }
            quantizeRow(row, r, rows, cols, codes, scales);
        }
        return new Q8_0Matrix(rows, cols, codes, scales);
    }

    /**
     * Quantizes a row-major float matrix.
     *
     * @throws IllegalArgumentException as {@link #fromHalf}
     */
    public static Q8_0Matrix fromFloat(float[] values, int rows, int cols) {
        Objects.requireNonNull(values, "values");
        checkShape(values.length, rows, cols);
        float[] row = new float[cols];
        byte[] codes = new byte[rows * cols];
        float[] scales = new float[rows * (cols / BLOCK)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * cols, row, 0, cols);
            quantizeRow(row, r, rows, cols, codes, scales);
        }
        return new Q8_0Matrix(rows, cols, codes, scales);
    }

    private static void checkShape(int length, int rows, int cols) {
        if (rows < 0 || cols <= 0 || cols % BLOCK != 0) {
            throw new IllegalArgumentException(
                    "Q8_0 needs rows >= 0 and columns a positive multiple of 32, got [" + rows + " x " + cols + "]");
        }
        if (length < (long) rows * cols) {
            throw new IllegalArgumentException("matrix has " + length + " values, shape [" + rows + " x " + cols
                    + "] needs " + (long) rows * cols);
        }
    }

    private static void quantizeRow(float[] row, int r, int rows, int cols, byte[] codes, float[] scales) {
        int blocks = cols / BLOCK;
        for (int b = 0; b < blocks; b++) {
            float amax = 0f;
            for (int j = 0; j < BLOCK; j++) {
                float v = row[b * BLOCK + j];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException(
                            "value at [" + r + ", " + (b * BLOCK + j) + "] is " + v + ", Q8_0 needs finite values");
                }
                amax = Math.max(amax, Math.abs(v));
            }
            float d = amax / 127f;
            float inverse = d == 0f ? 0f : 1f / d;
            int at = BLOCK * scaleIndex(r, b, rows, blocks);
            for (int j = 0; j < BLOCK; j++) {
                float scaled = row[b * BLOCK + j] * inverse;
                // C's roundf, as ggml: halves away from zero
                int q = (int) Math.copySign(Math.floor(Math.abs(scaled) + 0.5f), scaled);
                codes[at + j] = (byte) Math.max(-127, Math.min(127, q));
            }
            scales[scaleIndex(r, b, rows, blocks)] = d;
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Blocks per row, {@code cols / 32}. */
    public int blocksPerRow() {
        return cols / BLOCK;
    }

    /** The codes, {@code rows * cols} in the layout of the class comment; live array, do not modify. */
    public byte[] codes() {
        return codes;
    }

    /** The block scales, {@code rows * cols / 32} interleaved as the codes; live array, do not modify. */
    public float[] scales() {
        return scales;
    }

    /** Where the 32 codes of block {@code b} of row {@code r} start in {@link #codes()}. */
    public int blockOffset(int r, int b) {
        return BLOCK * scaleIndex(r, b);
    }

    /** The index of the scale of block {@code b} of row {@code r} in {@link #scales()}. */
    public int scaleIndex(int r, int b) {
        Objects.checkIndex(r, rows);
        Objects.checkIndex(b, blocksPerRow());
        return scaleIndex(r, b, rows, blocksPerRow());
    }

    /** Block {@code (r, b)}'s index among all blocks: its group's blocks, then interleaved within it. */
    private static int scaleIndex(int r, int b, int rows, int blocks) {
        int first = r - r % GROUP;
        int inGroup = Math.min(GROUP, rows - first);
        return first * blocks + b * inGroup + (r - first);
    }

    /** The value {@code (r, c)} stands for. */
    public float value(int r, int c) {
        Objects.checkIndex(c, cols);
        int block = scaleIndex(r, c / BLOCK);
        return codes[BLOCK * block + c % BLOCK] * scales[block];
    }

    /** Bytes held: one per code and four per block scale. */
    public long bytesUsed() {
        return codes.length + 4L * scales.length;
    }

    /** The shape as {@code [rows x cols]}. */
    public String shape() {
        return "[" + rows + " x " + cols + "]";
    }
}
