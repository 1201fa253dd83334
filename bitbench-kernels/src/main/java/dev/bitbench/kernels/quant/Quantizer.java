package dev.bitbench.kernels.quant;

/**
 * Turns a row-major float matrix into a {@link QuantizedMatrix} of one scheme.
 *
 * <p>Implementations are stateless and thread-safe; get one with {@link QuantScheme#quantizer()} or
 * construct the concrete class to get its precise matrix type (e.g. {@link
 * TernaryQuantizer#quantize} returns a {@link TernaryMatrix}). The input array is only read.
 */
public interface Quantizer {

    /** The scheme this quantizer produces. */
    QuantScheme scheme();

    /**
     * Quantizes {@code weights}, a row-major {@code [rows x cols]} matrix.
     *
     * @param granularity one scale for the whole matrix, or one per row
     * @throws IllegalArgumentException if {@code weights.length != rows * cols} (the message names
     *     both), a dimension is negative, or a weight is NaN or infinite (the message names the
     *     first such index)
     * @throws NullPointerException if {@code weights} or {@code granularity} is null
     */
    QuantizedMatrix quantize(float[] weights, int rows, int cols, Granularity granularity);

    /**
     * Quantizes {@code weights}, dequantizes the result and reports storage and error.
     *
     * @throws IllegalArgumentException as {@link #quantize}
     */
    default QuantReport report(float[] weights, int rows, int cols, Granularity granularity) {
        return QuantReport.of(weights, quantize(weights, rows, cols, granularity));
    }
}
