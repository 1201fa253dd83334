package dev.bitbench.kernels.quant;

import java.util.Objects;

/**
 * What quantizing one matrix with one scheme costs and keeps: storage and reconstruction error.
 *
 * @param scheme the quantization scheme
 * @param shape the matrix shape and granularity
 * @param bytesUsed bytes of the stored form, codes plus scales and zero points ({@link
 *     QuantizedMatrix#bytesUsed()})
 * @param memoryReduction {@code 4 * size / bytesUsed}: how many times smaller than float32
 * @param error the reconstruction error of {@code dequantize(quantize(weights))}
 */
public record QuantReport(
        QuantScheme scheme, QuantShape shape, long bytesUsed, double memoryReduction, QuantError error) {
    public QuantReport {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(error, "error");
        if (bytesUsed < 0) {
            throw new IllegalArgumentException("bytesUsed must be >= 0, got " + bytesUsed);
        }
    }

    /**
     * Reports on {@code quantized}, which must have been made from {@code original}.
     *
     * @throws IllegalArgumentException if {@code original.length} is not the matrix size
     */
    public static QuantReport of(float[] original, QuantizedMatrix quantized) {
        Objects.requireNonNull(quantized, "quantized");
        QuantError error = QuantError.between(original, quantized.dequantize());
        return new QuantReport(
                quantized.scheme(), quantized.shape(), quantized.bytesUsed(), quantized.memoryReduction(), error);
    }
}
