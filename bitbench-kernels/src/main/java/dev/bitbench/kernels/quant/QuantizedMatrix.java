package dev.bitbench.kernels.quant;

/**
 * An immutable quantized {@code [rows x cols]} matrix: codes plus the scales (and zero points) to
 * turn them back into floats.
 *
 * <p>One implementation per storage format; each keeps its arrays private and hands out copies, so a
 * value cannot change after construction. {@link #dequantizeInto} allocates nothing.
 */
public sealed interface QuantizedMatrix
        permits TernaryMatrix, Int8SymmetricMatrix, Int8AsymmetricMatrix, Int4Matrix, Fp16Matrix {

    /** The scheme that produced (and can decode) this matrix. */
    QuantScheme scheme();

    /** Rows, columns and granularity. */
    QuantShape shape();

    /** Number of rows (output channels). */
    default int rows() {
        return shape().rows();
    }

    /** Number of columns. */
    default int cols() {
        return shape().cols();
    }

    /** Whether there is one scale or one per row. */
    default Granularity granularity() {
        return shape().granularity();
    }

    /** Number of elements, {@code rows * cols}. */
    default int size() {
        return shape().size();
    }

    /**
     * Bytes of the stored form: codes at the scheme's packed width plus 4 bytes per float scale and
     * 1 byte per zero point. The exact formula is on each implementation.
     */
    long bytesUsed();

    /**
     * How many times smaller than float32 storage: {@code 4 * size() / bytesUsed()}; 1 when nothing
     * is stored ({@code bytesUsed() == 0}).
     */
    default double memoryReduction() {
        long bytes = bytesUsed();
        return bytes == 0 ? 1.0 : 4.0 * size() / bytes;
    }

    /**
     * Writes the reconstructed values, row-major, into {@code out}.
     *
     * @throws IllegalArgumentException if {@code out.length != size()}; the message names both
     */
    void dequantizeInto(float[] out);

    /** Returns the reconstructed values, row-major, in a new array of {@code size()} floats. */
    default float[] dequantize() {
        float[] out = new float[size()];
        dequantizeInto(out);
        return out;
    }
}
