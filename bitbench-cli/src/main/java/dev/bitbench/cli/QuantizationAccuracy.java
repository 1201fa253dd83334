package dev.bitbench.cli;

import dev.bitbench.cli.run.CaseOutcome;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.Metric;
import dev.bitbench.kernels.quant.QuantReport;
import dev.bitbench.suite.BenchmarkDescriptor;
import dev.bitbench.suite.quant.QuantizationInputs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy metrics of the quantization benchmarks, computed once in this JVM on the same seeded
 * weights the benchmark quantized ({@link QuantizationInputs}): {@code mse} and {@code
 * max_abs_error} (lower is better), {@code cosine} similarity and {@code memory_reduction} against
 * float32 (higher is better). Each is a single exact value (one sample), attached to the {@code
 * quantize} benchmark of each scheme, granularity and size.
 */
final class QuantizationAccuracy {
    private final long seed;

    QuantizationAccuracy(long seed) {
        this.seed = seed;
    }

    Map<String, Metric> metricsFor(CaseOutcome outcome) {
        BenchmarkDescriptor d = outcome.benchmark().descriptor();
        if (!d.group().equals("quant") || !d.op().equals("quantize")) {
            return Map.of();
        }
        QuantReport report = QuantizationInputs.report(
                seed,
                d.dtype(),
                d.params().get("granularity"),
                Integer.parseInt(d.params().get("size")));
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(
                "mse",
                Metric.of("squared error", Direction.LOWER, report.error().mse()));
        metrics.put(
                "max_abs_error",
                Metric.of("abs error", Direction.LOWER, report.error().maxAbsError()));
        metrics.put(
                "cosine", Metric.of("cosine", Direction.HIGHER, report.error().cosineSimilarity()));
        metrics.put("memory_reduction", Metric.of("x vs f32", Direction.HIGHER, report.memoryReduction()));
        return metrics;
    }
}
