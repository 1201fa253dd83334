package dev.bitbench.cli.ab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.BitBench;
import dev.bitbench.cli.ErrorHandlerAccess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AbCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {}

    private static Outcome run(Object command, TrialExecutor executor, String... args) {
        if (command instanceof AbCommand ab) {
            ab.executor = executor;
        } else if (command instanceof CalibrateCommand c) {
            c.executor = executor;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setExecutionExceptionHandler(ErrorHandlerAccess.handler());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    private Path jar(String name) throws Exception {
        return Files.write(dir.resolve(name), new byte[] {0x50, 0x4b});
    }

    @Test
    void regressionExitsThreeWithFailOnRegressionAndTheJsonListsEveryTrial() throws Exception {
        Path report = dir.resolve("ab.json");
        Outcome o = run(
                new AbCommand(),
                new FakeTrialExecutor(0.30),
                "--baseline",
                jar("a.jar").toString(),
                "--candidate",
                jar("b.jar").toString(),
                "--filter",
                "kernels",
                "--rounds",
                "8",
                "--format",
                "json",
                "--output",
                report.toString(),
                "--fail-on-regression");

        assertThat(o.exit()).as(o.err()).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("bitbench/ab/v1");
        assertThat(json.get("partial").asBoolean()).isFalse();
        assertThat(json.get("trials")).hasSize(8 * 2 * 2);
        JsonNode first = json.get("trials").get(0);
        assertThat(first.get("round").asInt()).isZero();
        assertThat(first.get("version").asText()).isIn("A", "B");
        assertThat(first.has("started_at")).isTrue();
        assertThat(first.get("values").get("time").asDouble()).isPositive();
        assertThat(json.get("comparisons").get(0).get("benchmark").asText()).isEqualTo("kernels.x");
        assertThat(json.get("comparisons").get(0).get("level").asText()).isEqualTo("CRITICAL");
        assertThat(json.get("comparisons").get(1).get("level").asText()).isEqualTo("STABLE");
    }

    @Test
    void withoutARegressionTheGatePassesAndTheHumanFormatNamesEachBenchmark() throws Exception {
        Outcome o = run(
                new AbCommand(),
                new FakeTrialExecutor(0.0),
                "--baseline",
                jar("a.jar").toString(),
                "--candidate",
                jar("b.jar").toString(),
                "--rounds",
                "8",
                "--fail-on-regression");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("STABLE       kernels.x [time]").contains("STABLE       kernels.y [time]");
        assertThat(o.out()).contains("8 of 8 rounds");
        assertThat(o.err()).contains("round 8/8");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int nothing = BitBench.execute(new PrintWriter(out), new PrintWriter(err), "ab");
        assertThat(nothing).isEqualTo(2);
        assertThat(err.toString()).contains("nothing to compare");

        Outcome mode = run(
                new AbCommand(),
                new FakeTrialExecutor(0.0),
                "--baseline",
                jar("a.jar").toString(),
                "--candidate",
                jar("b.jar").toString(),
                "--mode",
                "sideways");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("--mode sideways");

        Outcome missing =
                run(new AbCommand(), new FakeTrialExecutor(0.0), "--baseline", "nope.jar", "--candidate", "x");
        assertThat(missing.exit()).isEqualTo(2);

        Outcome inject = run(new CalibrateCommand(), new FakeTrialExecutor(0.0), "--inject-benchmark", "kernels.x");
        assertThat(inject.exit()).isEqualTo(2);
        assertThat(inject.err()).contains("--inject-benchmark needs --inject");

        Outcome regex = run(
                new CalibrateCommand(),
                new FakeTrialExecutor(0.0),
                "--jar",
                jar("a.jar").toString(),
                "--inject",
                "20",
                "--inject-benchmark",
                "kernels.(x");
        assertThat(regex.exit()).isEqualTo(2);
        assertThat(regex.err()).contains("not a regular expression");

        Outcome ref = run(new AbCommand(), new FakeTrialExecutor(0.0), "--baseline", "no-such-ref-xyz");
        assertThat(ref.exit()).isEqualTo(2);
        assertThat(ref.err()).contains("--baseline no-such-ref-xyz");

        Path badThresholds = Files.writeString(dir.resolve("t.json"), "{\"warning\": 5}");
        Outcome thresholds = run(
                new AbCommand(),
                new FakeTrialExecutor(0.0),
                "--baseline",
                jar("a.jar").toString(),
                "--candidate",
                jar("b.jar").toString(),
                "--thresholds",
                badThresholds.toString());
        assertThat(thresholds.exit()).isEqualTo(2);
        assertThat(thresholds.err()).contains("t.json");
    }

    @Test
    void calibrateWritesJsonAndMarkdownAndReportsTheInjectedBenchmarkApart() throws Exception {
        Outcome o = run(
                new CalibrateCommand(),
                new FakeTrialExecutor(0.0), // slows kernels.x down as the hook would, from B's environment
                "--jar",
                jar("a.jar").toString(),
                "--filter",
                "kernels",
                "--rounds",
                "10",
                "--inject",
                "30",
                "--inject-benchmark",
                "kernels.x",
                "--output",
                dir.resolve("cal").toString());

        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("cal/calibration.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo("bitbench/calibration/v1");
        assertThat(json.get("benchmarks")).hasSize(1);
        assertThat(json.get("benchmarks").get(0).get("benchmark").asText()).isEqualTo("kernels.y");
        assertThat(json.get("benchmarks").get(0).get("detection")).hasSize(6);
        assertThat(json.get("injected").get("verdicts").get(0).get("level").asText())
                .isEqualTo("CRITICAL");
        assertThat(json.get("injected").get("verdicts").get(0).get("benchmark").asText())
                .isEqualTo("kernels.x");
        assertThat(json.get("injected").get("verdicts").get(0).get("detected").asBoolean())
                .isTrue();
        assertThat(json.get("ab")
                        .get("candidate")
                        .get("environment")
                        .get("BITBENCH_INJECT_SLOWDOWN")
                        .asText())
                .isEqualTo("kernels.x:30.0");
        assertThat(json.get("ab").get("baseline").get("environment").size()).isZero();
        assertThat(Files.readString(dir.resolve("cal/calibration.md"))).contains("| `kernels.y` | time | 10 |");
        assertThat(o.out()).contains("Injected slowdown of 30.0% in B on `kernels.x`: 1 of 1 metrics flagged");
    }

    @Test
    void aThresholdsFileDecidesTheLevels() throws Exception {
        // a 12 % slowdown of kernels.x: below the default time warning (15 %), above this file's critical
        Path thresholds = Files.writeString(
                dir.resolve("thresholds.json"),
                "{\"warning\": {\"latency_increase_percent\": 5}, \"critical\": {\"latency_increase_percent\": 10}}");
        String[] common = {
            "--baseline",
            jar("a.jar").toString(),
            "--candidate",
            jar("b.jar").toString(),
            "--rounds",
            "10",
            "--fail-on-regression"
        };

        Outcome defaults = run(new AbCommand(), new FakeTrialExecutor(0.12), common);
        String[] withFile = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(common),
                        java.util.stream.Stream.of("--thresholds", thresholds.toString()))
                .toArray(String[]::new);
        Outcome strict = run(new AbCommand(), new FakeTrialExecutor(0.12), withFile);

        assertThat(defaults.exit()).as(defaults.err()).isZero();
        assertThat(defaults.out()).doesNotContain("CRITICAL     kernels.x");
        assertThat(strict.exit()).as(strict.err()).isEqualTo(3);
        assertThat(strict.out()).contains("CRITICAL     kernels.x [time]").contains("STABLE       kernels.y [time]");
    }

    @Test
    void warnsWhenAThresholdIsBelowTheCalibratedMdeOnStderrAndInMarkdown() throws Exception {
        Path calibration = Files.writeString(dir.resolve("calibration.json"), """
                {"schema": "bitbench/calibration/v1", "rounds": 10, "benchmarks": [
                  {"benchmark": "kernels.y", "metric": "time", "paired_cv_pct": 4.0, "mde_pct": 20.0,
                   "detection": [{"shift_pct": 20.0, "detected": 0.96}]}]}
                """);

        Outcome o = run(
                new AbCommand(),
                new FakeTrialExecutor(0.0),
                "--baseline",
                jar("a.jar").toString(),
                "--candidate",
                jar("b.jar").toString(),
                "--rounds",
                "8",
                "--format",
                "markdown",
                "--calibration",
                calibration.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        // 4 % paired CV, 15 % threshold: ((1.96 + 1.645) * 0.04 / ln 1.15)^2 * pi/3 = 1.1, at least 6
        assertThat(o.err())
                .contains("warning: 1 threshold is below what this machine resolved in calibration (10"
                        + " rounds): kernels.y time threshold 15% < MDE 20%, needs ~6 rounds");
        assertThat(o.out()).contains("| `kernels.y` | time | 15% | 20% | 6 |");
    }
}
