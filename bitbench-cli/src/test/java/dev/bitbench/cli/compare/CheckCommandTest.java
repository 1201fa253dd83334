package dev.bitbench.cli.compare;

import static dev.bitbench.cli.compare.TestRuns.MATMUL;
import static dev.bitbench.cli.compare.TestRuns.bitbench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.compare.TestRuns.Outcome;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The BitNet.rs-style file of the issue, with its thresholds: throughput critical at 10 %. */
    private static final String FLAT_BASELINES = """
            { "baselines": {
                "linux-x86_64": { "rust_implementation": {
                    "throughput_tokens_per_second": 125.3, "latency_p50_ms": 89.2,
                    "memory_usage_mb": 1024.5, "accuracy_score": 0.9987 } },
                "macos-aarch64": { "rust_implementation": { "throughput_tokens_per_second": 200.0 } } },
              "thresholds": {
                "critical": { "throughput_decrease_percent": 10, "latency_increase_percent": 25 },
                "warning":  { "throughput_decrease_percent": 5,  "latency_increase_percent": 15 } } }
            """;

    @TempDir
    Path dir;

    private Path baselinesFrom(Path run) throws IOException {
        Path file = dir.resolve("baselines.json");
        Outcome generated = bitbench("baseline", "generate", "--from", run.toString(), "--file", file.toString());
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        return file;
    }

    private static JsonNode level(JsonNode doc, String id, String metric) {
        for (JsonNode r : doc.get("results")) {
            if (r.get("id").asText().equals(id) && r.get("metric").asText().equals(metric)) {
                return r.get("level");
            }
        }
        throw new AssertionError("no " + id + " " + metric);
    }

    @Test
    void failsARunThatRegressedAgainstItsPlatformBaselineAndWritesTheAnalysis() throws IOException {
        Path file = baselinesFrom(TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base")));
        Path run = TestRuns.run().suite(101, 1.2, 0.8).writeTo(dir.resolve("run"));

        Outcome outcome = bitbench("check", run.toString(), "--baselines", file.toString(), "--fail-on-regression");

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.out()).contains("CRITICAL");
        JsonNode analysis =
                JSON.readTree(run.resolve(CheckCommand.ANALYSIS_FILE).toFile());
        assertThat(analysis.get("schema").asText()).isEqualTo("bitbench/comparison/v1");
        assertThat(level(analysis, MATMUL, "throughput").asText()).isEqualTo("CRITICAL");
        assertThat(level(analysis, MATMUL, "time").asText()).isEqualTo("WARNING");
    }

    @Test
    void passesARunMeasuredLikeItsBaseline() throws IOException {
        Path file = baselinesFrom(TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base")));
        Path run = TestRuns.run().suite(101, 1.0, 1.0).writeTo(dir.resolve("run"));

        Outcome outcome = bitbench("check", run.toString(), "--baselines", file.toString(), "--fail-on", "warning");

        assertThat(outcome.exitCode()).as(outcome.out()).isZero();
        assertThat(run.resolve(CheckCommand.ANALYSIS_FILE)).exists();
    }

    private Path rustRun(double throughput, String platform) throws IOException {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(
                "throughput_tokens_per_second",
                Metric.of("tokens/s", Direction.HIGHER, TestRuns.samples(5, throughput, 0.01, 10)));
        metrics.put("latency_p50_ms", Metric.of("ms", Direction.LOWER, TestRuns.samples(6, 89.0, 0.01, 10)));
        metrics.put("memory_usage_mb", Metric.of("MB", Direction.LOWER, 1024.0, 1025.0, 1024.5));
        metrics.put("accuracy_score", Metric.of("score", Direction.HIGHER, 0.9987));
        return TestRuns.run()
                .platform(platform)
                .benchmark("rust_implementation", metrics)
                .writeTo(dir.resolve("rust-" + throughput + "-" + platform));
    }

    @Test
    void readsTheBitnetStyleBaselinesFileWithItsThresholds() throws IOException {
        Path file = Files.writeString(dir.resolve("bitnet-baselines.json"), FLAT_BASELINES);
        // 12 % fewer tokens/s: a WARNING under the default 15 % critical, CRITICAL under the file's 10 %
        Path slower = rustRun(125.3 * 0.88, "linux-x86_64");

        Outcome outcome = bitbench(
                "check", slower.toString(), "--baselines", file.toString(), "--format", "json", "--fail-on-regression");

        assertThat(outcome.exitCode()).isEqualTo(3);
        JsonNode doc = JSON.readTree(outcome.out());
        assertThat(level(doc, "rust_implementation", "throughput_tokens_per_second")
                        .asText())
                .isEqualTo("CRITICAL");
        assertThat(level(doc, "rust_implementation", "latency_p50_ms").asText()).isEqualTo("STABLE");
        assertThat(level(doc, "rust_implementation", "memory_usage_mb").asText())
                .isEqualTo("STABLE");
        assertThat(level(doc, "rust_implementation", "accuracy_score").asText()).isEqualTo("STABLE");
        for (JsonNode r : doc.get("results")) {
            assertThat(r.get("method").asText()).isEqualTo("threshold");
        }
    }

    @Test
    void aPlatformMissingFromTheBaselinesIsExitTwoListingThePlatformsItHas() throws IOException {
        Path file = Files.writeString(dir.resolve("bitnet-baselines.json"), FLAT_BASELINES);
        Path run = rustRun(125.3, "windows-x86_64");

        Outcome outcome = bitbench("check", run.toString(), "--baselines", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines().count()).isEqualTo(1);
        assertThat(outcome.err())
                .contains("windows-x86_64")
                .contains("linux-x86_64, macos-aarch64")
                .contains(file.toString());
        assertThat(run.resolve(CheckCommand.ANALYSIS_FILE)).doesNotExist();
    }

    @Test
    void platformOptionChoosesAnotherPlatformsBaselines() throws IOException {
        Path file = Files.writeString(dir.resolve("bitnet-baselines.json"), FLAT_BASELINES);
        Path run = rustRun(125.3, "windows-x86_64");

        Outcome outcome = bitbench(
                "check",
                run.toString(),
                "--baselines",
                file.toString(),
                "--platform",
                "macos-aarch64",
                "--format",
                "json");

        assertThat(outcome.exitCode()).isZero();
        JsonNode doc = JSON.readTree(outcome.out());
        // macos has 200 tokens/s: 125.3 is a 37 % drop there
        assertThat(level(doc, "rust_implementation", "throughput_tokens_per_second")
                        .asText())
                .isEqualTo("CRITICAL");
        assertThat(level(doc, "rust_implementation", "latency_p50_ms").asText()).isEqualTo("NEW");
    }

    @Test
    void checksAgainstAnotherRun() throws IOException {
        Path base = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base"));
        Path run = TestRuns.run().suite(101, 1.0, 0.8).writeTo(dir.resolve("run"));

        Outcome outcome = bitbench("check", run.toString(), "--against", base.toString(), "--fail-on-regression");

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(run.resolve(CheckCommand.ANALYSIS_FILE)).exists();
    }

    @Test
    void againstAnEmptyHistoryIsExitTwoAndCreatesNoDatabase() throws IOException {
        Path run = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("run"));
        Path db = dir.resolve("history.db");

        Outcome outcome = bitbench("check", run.toString(), "--against", "history", "--db", "jdbc:sqlite:" + db);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("history").contains("holds no run of platform linux-x86_64");
        assertThat(db).doesNotExist();
    }

    @Test
    void aMissingBaselinesFileIsExitTwo() throws IOException {
        Path run = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("run"));

        Outcome outcome = bitbench(
                "check", run.toString(), "--baselines", dir.resolve("none.json").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("none.json").contains("baseline generate");
    }

    @Test
    void malformedBaselinesAreExitTwoNamingTheFieldAndWriteNothing() throws IOException {
        Path run = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("run"));
        String[][] cases = {
            {"not json", "$"},
            {"{\"schema\": \"bitbench/baselines/v2\", \"platforms\": {}}", "$.schema"},
            {"{\"baselines\": {\"linux-x86_64\": {\"impl\": {\"mystery\": 1.0}}}}", "mystery"},
            {"{\"baselines\": {\"linux-x86_64\": {\"impl\": {\"latency_ms\": \"fast\"}}}}", "latency_ms"},
            {"{\"baselines\": {\"linux-x86_64\": {\"impl\": {}}}}", "at least one metric"},
            {"{\"baselines\": {\"linux-x86_64\": {\"impl\": {\"latency_ms\": NaN}}}}", "NaN"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("bad-baselines.json"), c[0]);

            Outcome outcome = bitbench("check", run.toString(), "--baselines", file.toString());

            assertThat(outcome.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(outcome.err().lines().count()).as(c[0]).isEqualTo(1);
            assertThat(outcome.err()).contains(file.toString()).contains(c[1]);
            assertThat(run.resolve(CheckCommand.ANALYSIS_FILE)).doesNotExist();
        }
    }
}
