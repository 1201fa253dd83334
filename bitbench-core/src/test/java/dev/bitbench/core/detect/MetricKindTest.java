package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricKindTest {

    @ParameterizedTest(name = "{0} [{1}] {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "time|ms/op|LOWER|TIME",
                "throughput|ops/s|HIGHER|THROUGHPUT",
                "alloc|B/op|LOWER|MEMORY",
                "·gc.alloc.rate|MB/sec|LOWER|MEMORY",
                "·gc.alloc.rate.norm|B/op|LOWER|MEMORY",
                "throughput_tokens_per_second||HIGHER|THROUGHPUT",
                "latency_p50_ms||LOWER|TIME",
                "memory_usage_mb||LOWER|MEMORY",
                "accuracy_score||HIGHER|ACCURACY",
                "first_token_latency|ms|LOWER|TIME",
                "decode|tokens/s|HIGHER|THROUGHPUT",
                "matmul|GFLOPS|HIGHER|THROUGHPUT",
                "primary|us/op|LOWER|TIME",
                "primary|ops/ms|HIGHER|THROUGHPUT",
                "peak|MiB|LOWER|MEMORY",
                "mse||LOWER|TIME",
                "speedup|x|HIGHER|THROUGHPUT",
                "cosine_similarity||HIGHER|ACCURACY",
            })
    void infersKindFromNameThenUnitThenDirection(String metric, String unit, Direction direction, MetricKind expected) {
        assertThat(MetricKind.infer(metric, unit == null ? "" : unit, direction))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "throughput, THROUGHPUT",
        "time, TIME",
        "latency, TIME",
        "latency_increase_percent, TIME",
        "time_increase_percent, TIME",
        "memory_increase_percent, MEMORY",
        "accuracy, ACCURACY"
    })
    void readsThresholdKeysAndKindNames(String key, MetricKind expected) {
        assertThat(MetricKind.fromKeyOrName(key)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void defaultsAreThoseOfTheDesign() {
        assertThat(MetricKind.THROUGHPUT.defaultWarningPercent()).isEqualTo(8);
        assertThat(MetricKind.THROUGHPUT.defaultCriticalPercent()).isEqualTo(15);
        assertThat(MetricKind.TIME.defaultWarningPercent()).isEqualTo(15);
        assertThat(MetricKind.TIME.defaultCriticalPercent()).isEqualTo(25);
        assertThat(MetricKind.MEMORY.defaultWarningPercent()).isEqualTo(10);
        assertThat(MetricKind.MEMORY.defaultCriticalPercent()).isEqualTo(20);
        assertThat(MetricKind.ACCURACY.defaultWarningPercent()).isEqualTo(0.5);
        assertThat(MetricKind.ACCURACY.defaultCriticalPercent()).isEqualTo(1.0);
        assertThat(MetricKind.fromKeyOrName("bogus")).isNull();
    }
}
