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

        Outcome inject = run(new CalibrateCommand(), new FakeTrialExecutor(0.0), "--inject", "20");
        assertThat(inject.exit()).isEqualTo(2);
        assertThat(inject.err()).contains("--inject-benchmark");
    }

    @Test
    void calibrateWritesJsonAndMarkdownAndReportsTheInjectedBenchmarkApart() throws Exception {
        Outcome o = run(
                new CalibrateCommand(),
                new FakeTrialExecutor(0.30), // stands for the suite's hook slowing kernels.x in B
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
        assertThat(json.get("ab").get("candidate").get("jvm_options").get(0).asText())
                .isEqualTo("-Dbitbench.inject.slowdown=kernels.x:30.0");
        assertThat(Files.readString(dir.resolve("cal/calibration.md"))).contains("| `kernels.y` | time | 10 |");
        assertThat(o.out()).contains("Injected slowdown of 30.0% in B on `kernels.x`");
    }
}
