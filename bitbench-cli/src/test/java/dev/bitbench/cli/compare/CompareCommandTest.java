package dev.bitbench.cli.compare;

import static dev.bitbench.cli.compare.TestRuns.ADD;
import static dev.bitbench.cli.compare.TestRuns.MATMUL;
import static dev.bitbench.cli.compare.TestRuns.bitbench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.compare.TestRuns.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path base() throws IOException {
        return TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base"));
    }

    private Path current(double timeFactor, double throughputFactor) throws IOException {
        return TestRuns.run()
                .id("20261123T110000Z-abcdef2")
                .suite(101, timeFactor, throughputFactor)
                .writeTo(dir.resolve("current"));
    }

    private static JsonNode result(JsonNode doc, String id, String metric) {
        for (JsonNode r : doc.get("results")) {
            if (r.get("id").asText().equals(id) && r.get("metric").asText().equals(metric)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + id + " " + metric + " in " + doc);
    }

    private JsonNode json(Outcome outcome) throws IOException {
        return JSON.readTree(outcome.out());
    }

    @Test
    void flagsAnInjectedTwentyPercentSlowdownAsCriticalAndExitsThreeWithTheFlag() throws IOException {
        // 20 % slower: throughput x 0.8 (critical at 15 %) and time x 1.2 (warning 15 %, critical 25 %)
        Path base = base();
        Path cur = current(1.2, 0.8);

        Outcome gated = bitbench("compare", base.toString(), cur.toString(), "--fail-on-regression");

        assertThat(gated.exitCode()).isEqualTo(3);
        assertThat(gated.out()).contains("CRITICAL").contains(MATMUL);
        assertThat(gated.err()).contains("1 blocking regression").contains(MATMUL + " [throughput]");
        JsonNode doc = json(bitbench("compare", base.toString(), cur.toString(), "--format", "json"));
        JsonNode throughput = result(doc, MATMUL, "throughput");
        assertThat(throughput.get("level").asText()).isEqualTo("CRITICAL");
        assertThat(throughput.get("regression_pct").asDouble()).isBetween(15.0, 25.0);
        assertThat(throughput.get("method").asText()).isEqualTo("statistical");
        JsonNode time = result(doc, MATMUL, "time");
        assertThat(time.get("level").asText()).isEqualTo("WARNING");
        assertThat(time.get("regression_pct").asDouble()).isBetween(15.0, 25.0);
        assertThat(result(doc, ADD, "time").get("level").asText()).isEqualTo("STABLE");
        assertThat(doc.get("summary").get("CRITICAL").asInt()).isEqualTo(1);
    }

    @Test
    void flagsATimeIncreaseBeyondTheCriticalThresholdAsCritical() throws IOException {
        JsonNode doc =
                json(bitbench("compare", base().toString(), current(1.4, 1.0).toString(), "--format", "json"));

        assertThat(result(doc, MATMUL, "time").get("level").asText()).isEqualTo("CRITICAL");
        assertThat(result(doc, MATMUL, "throughput").get("level").asText()).isEqualTo("STABLE");
    }

    @Test
    void reportsButExitsZeroWithoutTheFlag() throws IOException {
        Outcome outcome =
                bitbench("compare", base().toString(), current(1.2, 0.8).toString());

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("CRITICAL");
    }

    @Test
    void identicalDistributionsExitZeroWithTheFlag() throws IOException {
        Outcome outcome = bitbench(
                "compare", base().toString(), current(1.0, 1.0).toString(), "--fail-on-regression", "--format", "json");

        assertThat(outcome.exitCode()).isZero();
        JsonNode summary = json(outcome).get("summary");
        assertThat(summary.get("CRITICAL").asInt()).isZero();
        assertThat(summary.get("WARNING").asInt()).isZero();
        assertThat(summary.get("total").asInt()).isEqualTo(3);
    }

    @Test
    void readsAThroughputDropAsARegressionAndARiseAsAnImprovement() throws IOException {
        Path base = base();
        Outcome drop = bitbench(
                "compare", base.toString(), current(1.0, 0.8).toString(), "--format", "json", "--fail-on-regression");

        assertThat(drop.exitCode()).isEqualTo(3);
        JsonNode dropped = result(json(drop), MATMUL, "throughput");
        assertThat(dropped.get("level").asText()).isEqualTo("CRITICAL");
        assertThat(dropped.get("direction").asText()).isEqualTo("higher");
        assertThat(dropped.get("change_pct").asDouble()).isNegative();
        assertThat(dropped.get("regression_pct").asDouble()).isBetween(15.0, 25.0);

        Path faster = TestRuns.run().suite(101, 1.0, 1.2).writeTo(dir.resolve("faster"));
        Outcome rise =
                bitbench("compare", base.toString(), faster.toString(), "--format", "json", "--fail-on-regression");

        assertThat(rise.exitCode()).isZero();
        JsonNode risen = result(json(rise), MATMUL, "throughput");
        assertThat(risen.get("level").asText()).isEqualTo("IMPROVEMENT");
        assertThat(risen.get("regression_pct").asDouble()).isNegative();
    }

    @Test
    void failOnWarningAlsoFailsOnAWarning() throws IOException {
        Path base = base();
        Path cur = current(1.2, 1.0);
        String thresholds = "{\"warning\": {\"latency_increase_percent\": 10}, "
                + "\"critical\": {\"latency_increase_percent\": 40}}";
        Path file = Files.writeString(dir.resolve("thresholds.json"), thresholds);

        Outcome critical = bitbench(
                "compare", base.toString(), cur.toString(), "--thresholds", file.toString(), "--fail-on-regression");
        Outcome warning = bitbench(
                "compare", base.toString(), cur.toString(), "--thresholds", file.toString(), "--fail-on", "warning");

        assertThat(critical.exitCode()).isZero();
        assertThat(critical.out()).contains("WARNING").doesNotContain("CRITICAL ");
        assertThat(warning.exitCode()).isEqualTo(3);
    }

    @Test
    void thresholdFractionLowersTheWarningLevelForEveryMetric() throws IOException {
        Path base = base();
        Path cur = current(1.1, 1.0);

        JsonNode defaults = json(bitbench("compare", base.toString(), cur.toString(), "--format", "json"));
        JsonNode lowered =
                json(bitbench("compare", base.toString(), cur.toString(), "--format", "json", "--threshold", "0.05"));

        assertThat(result(defaults, MATMUL, "time").get("level").asText()).isNotIn("WARNING", "CRITICAL");
        JsonNode time = result(lowered, MATMUL, "time");
        assertThat(time.get("level").asText()).isEqualTo("WARNING");
        assertThat(time.get("thresholds").get("warning_percent").asDouble()).isEqualTo(5.0);
    }

    @Test
    void nonBlockingMetricsAreReportedButNeverFail() throws IOException {
        Path file =
                Files.writeString(dir.resolve("thresholds.json"), "{\"metrics\": {\"time\": {\"blocking\": false}}}");

        Outcome outcome = bitbench(
                "compare",
                base().toString(),
                current(1.4, 1.0).toString(),
                "--thresholds",
                file.toString(),
                "--fail-on",
                "warning");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("CRITICAL*");
    }

    @Test
    void theSameSeedGivesTheSameReport() throws IOException {
        Path base = base();
        Path cur = current(1.05, 0.97);

        Outcome first = bitbench("compare", base.toString(), cur.toString(), "--format", "json", "--seed", "7");
        Outcome second = bitbench("compare", base.toString(), cur.toString(), "--format", "json", "--seed", "7");

        assertThat(first.out()).isEqualTo(second.out());
        assertThat(json(first).get("settings").get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void writesMarkdownWithACollapsedTableOfStableRows() throws IOException {
        Path out = dir.resolve("comment.md");

        Outcome outcome = bitbench(
                "compare",
                base().toString(),
                current(1.2, 0.8).toString(),
                "--format",
                "markdown",
                "-o",
                out.toString());

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("wrote " + out).contains("1 CRITICAL");
        String md = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(md).startsWith("### BitBench regression check: 1 blocking CRITICAL regression");
        assertThat(md.indexOf("CRITICAL** | `" + MATMUL + "` | throughput")).isPositive();
        assertThat(md.indexOf("WARNING** | `" + MATMUL + "` | time"))
                .isGreaterThan(md.indexOf("CRITICAL** | `" + MATMUL));
        assertThat(md.indexOf("<details><summary>1 stable comparison</summary>"))
                .isGreaterThan(md.indexOf("CRITICAL** | `" + MATMUL));
    }

    @Test
    void writesJunitWithTheRegressionAsAFailure() throws IOException {
        Outcome outcome =
                bitbench("compare", base().toString(), current(1.2, 0.8).toString(), "--format", "junit");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out())
                .contains("<testsuite")
                .contains("failures=\"2\"")
                .contains("<failure");
    }

    @Test
    void humanOutputHasALegendAndNoColourWithoutATerminal() throws IOException {
        Outcome outcome =
                bitbench("compare", base().toString(), current(1.2, 0.8).toString());

        assertThat(outcome.out()).contains("Legend:").contains("WORSE BY").doesNotContain("\u001b[");
        String criticalRow = outcome.out()
                .lines()
                .filter(l -> l.startsWith("CRITICAL"))
                .findFirst()
                .orElseThrow();
        String header = outcome.out()
                .lines()
                .filter(l -> l.startsWith("LEVEL"))
                .findFirst()
                .orElseThrow();
        assertThat(criticalRow.indexOf(MATMUL)).isEqualTo(header.indexOf("BENCHMARK"));
    }

    @Test
    void listsBenchmarksOnlyOnOneSideAsNewAndMissing() throws IOException {
        Path base = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base"));
        Path cur = TestRuns.run()
                .benchmark(
                        "kernels.relu/simd/f32/4096",
                        java.util.Map.of(
                                "time",
                                dev.bitbench.core.result.Metric.of(
                                        "ns/op", dev.bitbench.core.Direction.LOWER, 1, 2, 3, 4, 5)))
                .writeTo(dir.resolve("other"));

        JsonNode summary = json(bitbench("compare", base.toString(), cur.toString(), "--format", "json"))
                .get("summary");

        assertThat(summary.get("NEW").asInt()).isEqualTo(1);
        assertThat(summary.get("MISSING").asInt()).isEqualTo(3);
        Outcome human = bitbench("compare", base.toString(), cur.toString(), "--fail-on-regression");
        assertThat(human.exitCode()).isZero();
        assertThat(human.err()).contains("warning: no benchmark metric is on both sides (1 NEW, 3 MISSING)");
    }

    @Test
    void listsAtMostTwentyFailingComparisonsOnStderr() throws IOException {
        TestRuns before = TestRuns.run();
        TestRuns after = TestRuns.run();
        for (int i = 0; i < 25; i++) {
            String id = "kernels.op" + i + "/simd/f32/64";
            before.benchmark(
                    id,
                    java.util.Map.of(
                            "time",
                            dev.bitbench.core.result.Metric.of(
                                    "ms/op", dev.bitbench.core.Direction.LOWER, TestRuns.samples(i, 1.0, 0.02, 10))));
            after.benchmark(
                    id,
                    java.util.Map.of(
                            "time",
                            dev.bitbench.core.result.Metric.of(
                                    "ms/op",
                                    dev.bitbench.core.Direction.LOWER,
                                    TestRuns.samples(100 + i, 2.0, 0.02, 10))));
        }
        Path base = before.writeTo(dir.resolve("many-base"));
        Path cur = after.writeTo(dir.resolve("many-current"));

        Outcome outcome = bitbench("compare", base.toString(), cur.toString(), "--fail-on-regression");

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.err().lines().toList())
                .hasSize(22)
                .startsWith("bitbench: 25 blocking regressions at or above CRITICAL:")
                .endsWith("  ... and 5 more (see the report)");
    }
}
