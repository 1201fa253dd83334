package dev.bitbench.suite.quant;

import dev.bitbench.kernels.quant.Granularity;
import dev.bitbench.kernels.quant.QuantReport;
import dev.bitbench.kernels.quant.QuantScheme;
import dev.bitbench.suite.SeededInputs;
import java.util.Locale;

/**
 * The weights the quantization benchmarks quantize, and the accuracy of each scheme on them. The
 * runner calls {@link #report} once per quantization benchmark, in its own JVM, on exactly the data
 * the benchmark measured (same seed, same stream), to record MSE, max abs error, cosine similarity
 * and memory reduction next to the timings.
 */
public final class QuantizationInputs {
    private QuantizationInputs() {}

    /**
     * The weights of a square {@code size x size} matrix: seeded Gaussian values with a few rows
     * scaled up, so per-channel scales have something to gain over per-tensor ones.
     */
    public static float[] weights(long seed, int size) {
        float[] w = SeededInputs.gaussian(seed, "quant.weights", size * size);
        float[] rowGain = SeededInputs.uniform(seed, "quant.row_gain", size, 0.25f, 4f);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                w[r * size + c] *= rowGain[r];
            }
        }
        return w;
    }

    /** The granularity named by a benchmark parameter: {@code per_tensor} or {@code per_channel}. */
    public static Granularity granularity(String name) {
        return switch (name) {
            case "per_tensor" -> Granularity.PER_TENSOR;
            case "per_channel" -> Granularity.PER_CHANNEL;
            default ->
                throw new IllegalArgumentException("granularity must be per_tensor or per_channel, got '" + name + "'");
        };
    }

    /**
     * Quantizes the benchmark's weights once and reports storage and error.
     *
     * @param scheme a {@link QuantScheme#id()}, e.g. {@code int8_sym}
     * @param granularity {@code per_tensor} or {@code per_channel}
     */
    public static QuantReport report(long seed, String scheme, String granularity, int size) {
        return QuantScheme.byId(scheme.toLowerCase(Locale.ROOT))
                .quantizer()
                .report(weights(seed, size), size, size, granularity(granularity));
    }
}
