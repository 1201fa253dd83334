package dev.bitbench.kernels.bitlinear;

import java.util.Objects;

/**
 * Int8 activations of {@code rows} tokens by {@code cols} features with one scale per token: the
 * real activation at {@code (t, c)} is {@code values[t * cols + c] * scales[t]}.
 *
 * <p>Values are expected in {@code [-127, 127]} (what {@link ActivationQuantizer} produces); the
 * kernels stay exact for -128 too. The arrays are held, not copied, so a buffer can be refilled in
 * place between calls (see {@link ActivationQuantizer#quantize(float[], int, Int8Activations)}).
 *
 * @param values row-major codes, at least {@code rows * cols} of them
 * @param scales per-token scales ({@code absmax / 127}; 0 for an all-zero token), at least {@code
 *     rows} of them
 * @param rows tokens, {@code >= 0}
 * @param cols features per token, {@code >= 0}
 */
public record Int8Activations(byte[] values, float[] scales, int rows, int cols) {
    public Int8Activations {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(scales, "scales");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0, got [" + rows + " x " + cols + "]");
        }
        if (values.length < (long) rows * cols) {
            throw new IllegalArgumentException("values has " + values.length + " elements, shape [" + rows + " x "
                    + cols + "] needs " + (long) rows * cols);
        }
        if (scales.length < rows) {
            throw new IllegalArgumentException("scales has " + scales.length + " elements, " + rows + " tokens");
        }
    }

    /** Zeroed activations of the given shape, to be filled by a quantizer. */
    public static Int8Activations allocate(int rows, int cols) {
        return new Int8Activations(new byte[Math.multiplyExact(rows, cols)], new float[rows], rows, cols);
    }

    /** The scale of token {@code row}. */
    public float scale(int row) {
        Objects.checkIndex(row, rows);
        return scales[row];
    }

    /** The code at {@code (row, col)}. */
    public int value(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return values[row * cols + col];
    }

    /** Returns {@code values * scale} per token, row-major. */
    public float[] dequantize() {
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = values[r * cols + c] * scales[r];
            }
        }
        return out;
    }

    /** The shape as {@code [rows x cols]}, as error messages print it. */
    public String shape() {
        return "[" + rows + " x " + cols + "]";
    }
}
