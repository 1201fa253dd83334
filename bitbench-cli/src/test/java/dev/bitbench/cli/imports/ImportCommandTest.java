package dev.bitbench.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.cli.BitBench;
import dev.bitbench.cli.ExitCodes;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line: exit code, stdout, stderr and the files written. */
class ImportCommandTest {

    @TempDir
    Path tmp;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BitBench.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private static final String HYPERFINE = """
            { "results": [
              { "command": "sleep 0.01", "mean": 0.0125, "stddev": 0.001, "median": 0.012,
                "min": 0.011, "max": 0.014, "times": [0.011, 0.012, 0.014, 0.013], "parameters": {} },
              { "command": "sleep 0.02", "mean": 0.0225, "stddev": 0.001, "median": 0.022,
                "min": 0.021, "max": 0.024, "times": [0.021, 0.022, 0.024, 0.023] } ] }
            """;

    @Test
    void importsIntoAJsonFileAndPrintsASummary() throws IOException {
        Path input = write("hf.json", HYPERFINE);
        Path target = tmp.resolve("out/base.json");
        Outcome o = run("import", "hyperfine", input.toString(), "--output", target.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
        assertThat(o.err()).isEmpty();
        assertThat(o.out())
                .contains("Imported 2 benchmarks from " + input + " (hyperfine)")
                .contains("hyperfine.sleep 0.01")
                .contains("median 0.0125 s (lower is better, n=4)")
                .contains("Wrote " + target);
        RunResult run = RunResultJson.read(target);
        assertThat(run.benchmarks()).hasSize(2);
        assertThat(run.benchmark("hyperfine.sleep 0.02").metrics().get("time").samples())
                .containsExactly(0.021, 0.022, 0.024, 0.023);
        assertThat(run.benchmark("hyperfine.sleep 0.02").metrics().get("time").better())
                .isEqualTo(Direction.LOWER);
    }

    @Test
    void withADirectoryWritesARunDirectoryWithSystemInfo() throws IOException {
        Path input = write("lb.json", """
                [ { "model_type": "m 1B", "n_prompt": 0, "n_gen": 16, "cpu_info": "Some CPU",
                    "test_time": "2026-11-23T09:00:00Z", "samples_ts": [10.0, 12.0], "samples_ns": [1.6e9, 1.3e9] } ]
                """);
        Path results = tmp.resolve("results");
        Outcome o = run(
                "import",
                "llama-bench",
                input.toString(),
                "--output",
                results.toString(),
                "--platform",
                "linux-aarch64");
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
        Path dir = results.resolve("20261123T090000Z-llama-bench");
        assertThat(dir.resolve("system-info.json")).exists();
        RunResult run = RunResultJson.read(dir.resolve("performance-report.json"));
        assertThat(run.system().platform()).isEqualTo("linux-aarch64");
        assertThat(run.system().cpu().model()).isEqualTo("Some CPU");
        assertThat(run.benchmark("llama-bench.m 1B/tg16")
                        .metrics()
                        .get("throughput")
                        .better())
                .isEqualTo(Direction.HIGHER);
        assertThat(RunResultJson.readSystemInfo(dir.resolve("system-info.json")))
                .isEqualTo(run.system());
        assertThat(o.out()).contains("Wrote " + dir.resolve("performance-report.json"));
    }

    @Test
    void criterionReadsTheRequestedBaseline() throws IOException {
        Path bench = tmp.resolve("criterion/sort/main");
        Files.createDirectories(bench);
        Files.writeString(bench.resolve("benchmark.json"), """
                {"group_id":"sort","function_id":null,"value_str":null,"throughput":{"Elements":100},
                 "full_id":"sort","directory_name":"sort","title":"sort"}""");
        Files.writeString(bench.resolve("sample.json"), """
                {"sampling_mode":"Flat","iters":[10.0,10.0],"times":[1000.0,3000.0]}""");
        String estimate = """
                {"confidence_interval":{"confidence_level":0.95,"lower_bound":100.0,"upper_bound":300.0},\
                "point_estimate":%s,"standard_error":1.0}""";
        Files.writeString(
                bench.resolve("estimates.json"),
                "{\"mean\":" + estimate.formatted("200.0") + ",\"median\":"
                        + estimate.formatted("200.0") + ",\"median_abs_dev\":" + estimate.formatted("100.0")
                        + ",\"slope\":null,\"std_dev\":" + estimate.formatted("141.4") + "}");
        Path target = tmp.resolve("c.json");

        Outcome missing =
                run("import", "criterion", tmp.resolve("criterion").toString(), "--output", target.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("'new/'").contains("baselines present: main");

        Outcome o = run(
                "import",
                "criterion",
                tmp.resolve("criterion").toString(),
                "--criterion-baseline",
                "main",
                "--output",
                target.toString());
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.OK);
        RunResult run = RunResultJson.read(target);
        assertThat(run.benchmark("criterion.sort").metrics().get("time").samples())
                .containsExactly(100.0, 300.0);
        // 100 elements in 100 ns and in 300 ns
        double[] rates =
                run.benchmark("criterion.sort").metrics().get("throughput").samples();
        assertThat(rates[0]).isEqualTo(1e9);
        assertThat(rates[1]).isCloseTo(1e9 / 3, within(1e-3));
    }

    @Test
    void malformedInputExitsTwoWithOneLineAndWritesNothing() throws IOException {
        Map<String, String> inputs = Map.of(
                "not-json.json", "this is not json",
                "wrong.json", "{\"benchmarks\": 3}",
                "nan.json", "{\"results\": [{\"command\": \"x\", \"mean\": 1, \"median\": 1, \"times\": [NaN]}]}",
                "empty.json", "{\"results\": [{\"command\": \"x\", \"mean\": 1, \"median\": 1, \"times\": []}]}",
                "missing.json", "{\"results\": [{\"mean\": 1, \"median\": 1, \"times\": [1.0]}]}");
        Path outDir = tmp.resolve("never");
        for (Map.Entry<String, String> e : inputs.entrySet()) {
            Path input = write(e.getKey(), e.getValue());
            Outcome o = run("import", "hyperfine", input.toString(), "--output", outDir.toString());
            assertThat(o.code()).as(e.getKey()).isEqualTo(ExitCodes.USAGE);
            assertThat(o.out()).as(e.getKey()).isEmpty();
            assertThat(o.err().lines().toList()).as(e.getKey()).hasSize(1);
            assertThat(o.err())
                    .as(e.getKey())
                    .startsWith("bitbench: " + input + ": $")
                    .contains("expected");
        }
        assertThat(outDir).doesNotExist();
    }

    @Test
    void malformedInputLeavesAnExistingOutputFileUntouched() throws IOException {
        Path target = write("keep.json", "previous content");
        Path input = write("bad.json", "[{\"benchmark\": \"a.b\", \"mode\": \"avgt\"}]");
        Outcome o = run("import", "jmh", input.toString(), "--output", target.toString());
        assertThat(o.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(o.err()).contains("$[0].primaryMetric");
        assertThat(Files.readString(target)).isEqualTo("previous content");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("keep.json", "bad.json");
        }
    }

    @Test
    void usageErrorsNameTheArgument() throws IOException {
        Outcome unknown = run("import", "pytest", "x.json");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("'pytest'").contains("jmh, criterion, gbench, hyperfine or llama-bench");

        Outcome missing = run("import", "jmh", tmp.resolve("absent.json").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("absent.json: no such file or directory");

        Path input = write("hf.json", HYPERFINE);
        Outcome platform = run("import", "hyperfine", input.toString(), "--platform", "Linux x86");
        assertThat(platform.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(platform.err()).contains("--platform").contains("linux-x86_64");
    }

    @Test
    void helpListsFormatsAndExamples() {
        Outcome o = run("import", "--help");
        assertThat(o.code()).isEqualTo(ExitCodes.OK);
        assertThat(o.out())
                .contains("jmh | criterion | gbench | hyperfine | llama-bench", "--criterion-baseline", "Examples:");
        assertThat(run("--help").out()).contains("import");
        assertThat(List.of(o.err())).containsExactly("");
    }

    @Test
    void summaryNumbersHaveSixSignificantDigitsWithoutExponentInTheUsualRange() {
        assertThat(ImportCommand.sixDigits(0.0125)).isEqualTo("0.0125");
        assertThat(ImportCommand.sixDigits(1000.0)).isEqualTo("1000");
        assertThat(ImportCommand.sixDigits(26025.0)).isEqualTo("26025");
        assertThat(ImportCommand.sixDigits(1.0 / 3)).isEqualTo("0.333333");
        assertThat(ImportCommand.sixDigits(1.234567e9)).isEqualTo("1234570000");
        assertThat(ImportCommand.sixDigits(2.5e-9)).isEqualTo("2.5E-9");
        assertThat(ImportCommand.sixDigits(0)).isEqualTo("0");
    }
}
