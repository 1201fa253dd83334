package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsFileTest {

    @Test
    void readsTheSeedForm() {
        Thresholds t = ThresholdsFile.parse("""
                {"critical": {"throughput_decrease_percent": 12, "latency_increase_percent": 30},
                 "warning":  {"throughput_decrease_percent": 5,  "latency_increase_percent": 10,
                              "memory_increase_percent": 7, "accuracy_decrease_percent": 0.25}}
                """);
        assertThat(t.resolve("b", "throughput", MetricKind.THROUGHPUT)).isEqualTo(new ThresholdRule(5, 12, true));
        assertThat(t.resolve("b", "time", MetricKind.TIME)).isEqualTo(new ThresholdRule(10, 30, true));
        assertThat(t.resolve("b", "alloc", MetricKind.MEMORY)).isEqualTo(new ThresholdRule(7, 20, true));
        assertThat(t.resolve("b", "acc", MetricKind.ACCURACY)).isEqualTo(new ThresholdRule(0.25, 1, true));
    }

    @Test
    void emptyObjectKeepsTheDefaults() {
        Thresholds t = ThresholdsFile.parse("{}");
        for (MetricKind kind : MetricKind.values()) {
            assertThat(t.resolve("x", "m", kind))
                    .isEqualTo(new ThresholdRule(kind.defaultWarningPercent(), kind.defaultCriticalPercent(), true));
        }
    }

    @Test
    void benchmarkGlobsAndMetricEntriesOverrideInOrder() {
        Thresholds t = ThresholdsFile.parse("""
                {"schema": "bitbench/thresholds/v1",
                 "metrics": {"alloc": {"warning_percent": 3, "critical_percent": 6},
                             "memory": {"blocking": false, "warning_percent": 30, "critical_percent": 40}},
                 "benchmarks": {
                   "kernels.matmul/*": {"warning_percent": 4, "critical_percent": 9},
                   "kernels.matmul/simd/*": {"warning": {"latency_increase_percent": 2},
                                             "metrics": {"time": {"critical_percent": 50}}},
                   "inference.*": {"blocking": false}
                 }}
                """);
        // metric name beats kind: alloc keeps the name entry's numbers, blocking from the kind entry
        assertThat(t.resolve("any", "alloc", MetricKind.MEMORY)).isEqualTo(new ThresholdRule(3, 6, false));
        assertThat(t.resolve("any", "rss", MetricKind.MEMORY)).isEqualTo(new ThresholdRule(30, 40, false));
        assertThat(t.resolve("kernels.matmul/scalar/f32/64", "time", MetricKind.TIME))
                .isEqualTo(new ThresholdRule(4, 9, true));
        // later glob wins; its per-kind warning and its metric entry apply on top
        assertThat(t.resolve("kernels.matmul/simd/f32/64", "time", MetricKind.TIME))
                .isEqualTo(new ThresholdRule(2, 50, true));
        assertThat(t.resolve("kernels.matmul/simd/f32/64", "throughput", MetricKind.THROUGHPUT))
                .isEqualTo(new ThresholdRule(4, 9, true));
        assertThat(t.resolve("inference.decode", "time", MetricKind.TIME)).isEqualTo(new ThresholdRule(15, 25, false));
        assertThat(t.resolve("kernels.add/scalar", "time", MetricKind.TIME)).isEqualTo(new ThresholdRule(15, 25, true));
    }

    @Test
    void globStarCrossesSeparatorsAndQuestionMarkIsOneCharacter() {
        assertThat(Thresholds.glob("kernels.*")
                        .matcher("kernels.matmul/simd/f32/1024x1024")
                        .matches())
                .isTrue();
        assertThat(Thresholds.glob("kernels.*").matcher("kernelsXmatmul").matches())
                .isFalse();
        assertThat(Thresholds.glob("a?c").matcher("abc").matches()).isTrue();
        assertThat(Thresholds.glob("a?c").matcher("abbc").matches()).isFalse();
        assertThat(Thresholds.glob("x(y)+").matcher("x(y)+").matches()).isTrue();
    }

    @Test
    void warningFractionOverridesFileEntriesAndRaisesCriticalWhenNeeded() {
        Thresholds t = ThresholdsFile.parse(
                        "{\"benchmarks\": {\"*\": {\"warning_percent\": 1, \"critical_percent\": 2}}}")
                .withWarningFraction(0.05);
        assertThat(t.resolve("b", "time", MetricKind.TIME)).isEqualTo(new ThresholdRule(5, 5, true));
        assertThat(Thresholds.defaults().withWarningFraction(0.30).resolve("b", "time", MetricKind.TIME))
                .isEqualTo(new ThresholdRule(30, 30, true));
        assertThatThrownBy(() -> Thresholds.defaults().withWarningFraction(-0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction");
    }

    @Test
    void uniformThresholdsApplyToEveryKind() {
        Thresholds t = Thresholds.uniform(3, 7);
        for (MetricKind kind : MetricKind.values()) {
            assertThat(t.resolve("b", "m", kind)).isEqualTo(new ThresholdRule(3, 7, true));
        }
        assertThatThrownBy(() -> Thresholds.uniform(7, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json|{\"warning\": |$|not valid JSON",
                "trailing garbage|{} {}|$|not valid JSON",
                "empty text|'   '|$|expected a JSON object",
                "array root|[1, 2]|$|expected an object",
                "unknown root key|{\"warnings\": {}}|$.warnings|unknown key; expected one of",
                "wrong schema|{\"schema\": \"bitbench/run/v1\"}|$.schema|expected \"bitbench/thresholds/v1\"",
                "warning not an object|{\"warning\": 5}|$.warning|expected an object with members",
                "unknown kind key|{\"warning\": {\"speed_percent\": 5}}|$.warning.speed_percent|expected one of throughput_decrease_percent",
                "string percent|{\"critical\": {\"latency_increase_percent\": \"25\"}}|$.critical.latency_increase_percent|expected a number of percent >= 0",
                "negative percent|{\"warning\": {\"memory_increase_percent\": -1}}|$.warning.memory_increase_percent|expected a number of percent >= 0",
                "critical below warning|{\"warning\": {\"latency_increase_percent\": 30}}|$.critical.latency_increase_percent|expected critical >= warning",
                "metrics not an object|{\"metrics\": [\"memory\"]}|$.metrics|expected an object mapping metric",
                "unknown metric entry key|{\"metrics\": {\"alloc\": {\"warn\": 3}}}|$.metrics[\"alloc\"].warn|unknown key; expected one of [blocking, critical_percent, warning_percent]",
                "blocking not boolean|{\"metrics\": {\"memory\": {\"blocking\": \"no\"}}}|$.metrics[\"memory\"].blocking|expected true or false",
                "metric entry order|{\"metrics\": {\"alloc\": {\"warning_percent\": 9, \"critical_percent\": 3}}}|$.metrics[\"alloc\"].critical_percent|expected critical >= warning",
                "benchmarks as array|{\"benchmarks\": [{\"match\": \"*\"}]}|$.benchmarks|expected an object mapping benchmark globs",
                "blank glob|{\"benchmarks\": {\" \": {}}}|$.benchmarks[\" \"]|non-blank benchmark glob",
                "benchmark entry not object|{\"benchmarks\": {\"k.*\": 5}}|$.benchmarks[\"k.*\"]|expected an object with members",
                "unknown benchmark key|{\"benchmarks\": {\"k.*\": {\"match\": \"x\"}}}|$.benchmarks[\"k.*\"].match|unknown key",
                "benchmark kind value|{\"benchmarks\": {\"k.*\": {\"warning\": {\"latency_increase_percent\": true}}}}|$.benchmarks[\"k.*\"].warning.latency_increase_percent|expected a number",
                "duplicate key|{\"warning\": {}, \"warning\": {}}|$|not valid JSON",
                "alias duplicate|{\"warning\": {\"latency_increase_percent\": 1, \"time_increase_percent\": 2}}|$.warning.time_increase_percent|duplicate",
            })
    void malformedDocumentsNameTheFieldAndTheExpectedForm(String label, String json, String field, String message) {
        assertThatThrownBy(() -> ThresholdsFile.parse(json))
                .isInstanceOf(InvalidThresholdsException.class)
                .hasMessageStartingWith("thresholds " + field + ": ")
                .hasMessageContaining(message)
                .satisfies(e ->
                        assertThat(((InvalidThresholdsException) e).field()).isEqualTo(field))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
