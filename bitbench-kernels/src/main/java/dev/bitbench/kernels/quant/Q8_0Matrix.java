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
 * <p>Immutable by contract: {@link #codes()} and {@link #scales()} are the live arrays, for
 * kernels, which must not modify them.
 */
public final class Q8_0Matrix {
    /** Values per block. */
    public static final int BLOCK = 32;

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
            quantizeRow(row, r, cols, codes, scales);
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
            quantizeRow(row, r, cols, codes, scales);
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

    private static void quantizeRow(float[] row, int r, int cols, byte[] codes, float[] scales) {
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
            int at = r * cols + b * BLOCK;
            for (int j = 0; j < BLOCK; j++) {
                float scaled = row[b * BLOCK + j] * inverse;
                // C's roundf, as ggml: halves away from zero
                int q = (int) Math.copySign(Math.floor(Math.abs(scaled) + 0.5f), scaled);
                codes[at + j] = (byte) Math.max(-127, Math.min(127, q));
            }
            scales[r * blocks + b] = d;
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

    /** Row-major codes, {@code rows * cols}; live array, do not modify. */
    public byte[] codes() {
        return codes;
    }

    /** Block scales, row-major {@code [rows x cols / 32]}; live array, do not modify. */
    public float[] scales() {
        return scales;
    }

    /** The value {@code (r, c)} stands for. */
    public float value(int r, int c) {
        Objects.checkIndex(r, rows);
        Objects.checkIndex(c, cols);
        return codes[r * cols + c] * scales[r * blocksPerRow() + c / BLOCK];
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
