package dev.bitbench.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetricNameInferenceTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "throughput_tokens_per_second | tokens/s | HIGHER",
                "tokens_per_second            | tokens/s | HIGHER",
                "prompt_tps                   | ''       | HIGHER",
                "requests_per_sec             | requests/s | HIGHER",
                "latency_p50_ms               | ms       | LOWER",
                "latency_p99_us               | us       | LOWER",
                "first_token_latency_seconds  | s        | LOWER",
                "load_time_s                  | s        | LOWER",
                "memory_usage_mb              | MB       | LOWER",
                "peak_rss_gib                 | GiB      | LOWER",
                "heap_bytes                   | B        | LOWER",
                "accuracy_score               | ''       | HIGHER",
                "cosine_similarity            | ''       | HIGHER",
                "top1_accuracy_percent        | %        | HIGHER",
                "matmul_gflops                | GFLOPS   | HIGHER",
                "error_rate                   | ''       | LOWER",
                "perplexity                   | ''       | LOWER",
                "quantization_mse             | ''       | LOWER",
            })
    void infersUnitAndDirectionFromTheName(String name, String unit, Direction direction) {
        MetricNameInference.Inferred inferred = MetricNameInference.infer(name).orElseThrow();

        assertThat(inferred.unit()).isEqualTo(unit);
        assertThat(inferred.direction()).isEqualTo(direction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mystery", "rust_implementation_value", "count"})
    void infersNothingFromANameThatSaysNeither(String name) {
        assertThat(MetricNameInference.infer(name)).isEmpty();
    }
}
