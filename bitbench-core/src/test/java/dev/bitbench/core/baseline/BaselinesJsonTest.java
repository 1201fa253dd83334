package dev.bitbench.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.MetricKind;
import dev.bitbench.core.detect.MetricSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BaselinesJsonTest {

    private static final String FLAT = """
            { "baselines": { "linux-x86_64": { "rust_implementation": {
                  "throughput_tokens_per_second": 125.3, "latency_p50_ms": 89.2,
                  "memory_usage_mb": 1024.5, "accuracy_score": 0.9987 } } },
              "thresholds": { "critical": { "throughput_decrease_percent": 15, "latency_increase_percent": 25 },
                              "warning": { "throughput_decrease_percent": 8, "latency_increase_percent": 15 } } }
            """;

    static Baselines sample() throws IOException {
        Map<String, BaselineMetric> metrics = new LinkedHashMap<>();
        metrics.put("time", BaselineMetric.ofSamples("ms/op", Direction.LOWER, 1.5, 1.25, 1.0, 2.0));
        metrics.put("throughput", BaselineMetric.ofValue("GFLOPS", Direction.HIGHER, 42.0));
        BenchmarkBaseline matmul = new BenchmarkBaseline(
                Instant.parse("2026-11-23T11:00:00Z"), "f8fe249", "17.0.15+6", List.of("r1", "r2"), metrics);
        return new Baselines(
                Map.of("linux-x86_64", new PlatformBaseline(Map.of("kernels.matmul/simd/f32/64x64", matmul))),
                new ObjectMapper().readTree("{\"metrics\": {\"memory\": {\"blocking\": false}}}"));
    }

    @Test
    void writesAndReadsBackTheSameBaselines(@TempDir Path dir) throws IOException {
        Baselines original = sample();
        Path file = dir.resolve("baselines.json");

        BaselinesJson.write(original, file);
        Baselines read = BaselinesJson.read(file);

        assertThat(read).isEqualTo(original);
        assertThat(Files.readString(file)).startsWith("{\n  \"schema\" : \"bitbench/baselines/v1\"");
        BaselineMetric time = read.platform("linux-x86_64")
                .orElseThrow()
                .benchmarks()
                .get("kernels.matmul/simd/f32/64x64")
                .metrics()
                .get("time");
        assertThat(time.median()).isEqualTo(1.375);
        assertThat(time.samples()).containsExactly(1.5, 1.25, 1.0, 2.0);
    }

    @Test
    void givesTheDetectorSamplesOrASingleNumber() throws IOException {
        List<MetricSamples> samples =
                sample().platform("linux-x86_64").orElseThrow().toMetricSamples();

        assertThat(samples).hasSize(2);
        MetricSamples time = samples.stream()
                .filter(s -> s.metric().equals("time"))
                .findFirst()
                .orElseThrow();
        MetricSamples thr = samples.stream()
                .filter(s -> s.metric().equals("throughput"))
                .findFirst()
                .orElseThrow();
        assertThat(time.sampleCount()).isEqualTo(4);
        assertThat(time.median()).isEqualTo(1.375);
        assertThat(thr.sampleCount()).isZero();
        assertThat(thr.median()).isEqualTo(42.0);
        assertThat(thr.direction()).isEqualTo(Direction.HIGHER);
    }

    @Test
    void readsTheBitnetStyleFileInferringUnitsAndDirections() {
        Baselines baselines = BaselinesJson.parse(FLAT, "bitnet.json");

        Map<String, BaselineMetric> metrics = baselines
                .platform("linux-x86_64")
                .orElseThrow()
                .benchmarks()
                .get("rust_implementation")
                .metrics();
        assertThat(metrics.get("throughput_tokens_per_second"))
                .isEqualTo(BaselineMetric.ofValue("tokens/s", Direction.HIGHER, 125.3));
        assertThat(metrics.get("latency_p50_ms")).isEqualTo(BaselineMetric.ofValue("ms", Direction.LOWER, 89.2));
        assertThat(metrics.get("memory_usage_mb")).isEqualTo(BaselineMetric.ofValue("MB", Direction.LOWER, 1024.5));
        assertThat(metrics.get("accuracy_score")).isEqualTo(BaselineMetric.ofValue("", Direction.HIGHER, 0.9987));
        var rule = baselines
                .parsedThresholds()
                .resolve("rust_implementation", "throughput_tokens_per_second", MetricKind.THROUGHPUT);
        assertThat(rule.criticalPercent()).isEqualTo(15.0);
        assertThat(rule.warningPercent()).isEqualTo(8.0);
    }

    @Test
    void aUnitlessFlatMetricTakesTheUnitOfTheCurrentOne() {
        PlatformBaseline linux = BaselinesJson.parse(FLAT, "bitnet.json")
                .platform("linux-x86_64")
                .orElseThrow();
        MetricSamples current =
                MetricSamples.of("rust_implementation", "accuracy_score", "score", Direction.HIGHER, 0.99, 0.98);

        List<MetricSamples> base = linux.toMetricSamples(List.of(current));

        assertThat(base.stream()
                        .filter(m -> m.metric().equals("accuracy_score"))
                        .findFirst()
                        .orElseThrow()
                        .unit())
                .isEqualTo("score");
        assertThat(base.stream()
                        .filter(m -> m.metric().equals("latency_p50_ms"))
                        .findFirst()
                        .orElseThrow()
                        .unit())
                .isEqualTo("ms");
    }

    @Test
    void aConvertedFlatFileReadsBackWithoutACreationTime() {
        Baselines flat = BaselinesJson.parse(FLAT, "bitnet.json");

        Baselines again = BaselinesJson.parse(BaselinesJson.toJson(flat), "converted.json");

        assertThat(again).isEqualTo(flat);
        assertThat(again.platform("linux-x86_64")
                        .orElseThrow()
                        .benchmarks()
                        .get("rust_implementation")
                        .created())
                .isNull();
    }

    static Stream<Arguments> malformed() {
        String valid = BaselinesJson.toJson(uncheckedSample());
        return Stream.of(
                Arguments.of("not JSON", "[1, 2", "$: expected a JSON document"),
                Arguments.of("empty", "", "$: expected a JSON object"),
                Arguments.of("array root", "[]", "$: expected an object"),
                Arguments.of(
                        "wrong schema",
                        valid.replace("bitbench/baselines/v1", "bitbench/baselines/v2"),
                        "$.schema: expected \"bitbench/baselines/v1\""),
                Arguments.of(
                        "missing median",
                        valid.replaceFirst("\"median\" : [0-9.]+,", ""),
                        ".metrics.time.median: expected a value"),
                Arguments.of(
                        "string median",
                        valid.replaceFirst("\"median\" : [0-9.]+", "\"median\" : \"fast\""),
                        ".metrics.time.median: expected a finite number, found \"fast\""),
                Arguments.of("NaN token", valid.replaceFirst("\"median\" : [0-9.]+", "\"median\" : NaN"), "NaN"),
                Arguments.of(
                        "sample not a number",
                        valid.replaceFirst("1\\.5,", "null,"),
                        ".metrics.time.samples[0]: expected a finite number, found null"),
                Arguments.of(
                        "unknown direction",
                        valid.replace("\"lower\"", "\"smaller\""),
                        ".better: expected \"higher\" or \"lower\", found \"smaller\""),
                Arguments.of(
                        "unknown member",
                        valid.replace("\"jdk\"", "\"jvm\" : 1, \"jdk\""),
                        ".jvm: expected one of the members [created, git_sha, jdk, metrics, runs], found an unknown"),
                Arguments.of(
                        "bad platform key",
                        valid.replace("linux-x86_64", "Linux x86"),
                        "$.platforms[\"Linux x86\"]: expected a platform key"),
                Arguments.of(
                        "bad created",
                        valid.replace("2026-11-23T11:00:00Z", "yesterday"),
                        ".created: expected an ISO-8601 instant"),
                Arguments.of(
                        "bad thresholds",
                        valid.replace("\"blocking\" : false", "\"blocking\" : \"no\""),
                        "$.thresholds.metrics[\"memory\"].blocking"),
                Arguments.of(
                        "flat metric without a direction",
                        "{\"baselines\": {\"linux-x86_64\": {\"impl\": {\"mystery\": 1}}}}",
                        "$.baselines[\"linux-x86_64\"].impl.mystery: expected a metric name that says its direction"),
                Arguments.of(
                        "flat unknown root member",
                        "{\"baselines\": {}, \"extra\": 1}",
                        "$.extra: expected one of the members"));
    }

    private static Baselines uncheckedSample() {
        try {
            return sample();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedDocumentsNamingTheFileAndField(String name, String json, String message) {
        assertThatThrownBy(() -> BaselinesJson.parse(json, "b.json"))
                .isInstanceOf(InvalidBaselinesException.class)
                .hasMessageStartingWith("b.json: ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
