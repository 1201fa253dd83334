package dev.bitbench.cli;

import dev.bitbench.cli.run.CaseOutcome;
import dev.bitbench.core.result.Metric;
import java.util.Map;

/**
 * Accuracy metrics of quantization benchmarks (MSE, max abs error, cosine, memory ratio), computed
 * once in process on the benchmark's seeded data. No quantization benchmark exists yet, so there is
 * nothing to compute.
 */
final class QuantizationAccuracy {
    Map<String, Metric> metricsFor(CaseOutcome outcome) {
        return Map.of();
    }
}
