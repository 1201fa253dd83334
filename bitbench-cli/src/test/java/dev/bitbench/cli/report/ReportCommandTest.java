package dev.bitbench.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.cli.BitBench;
import dev.bitbench.cli.ExitCodes;
import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.ComparisonJsonFormat;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.MetricSamples;
import dev.bitbench.core.detect.RegressionDetector;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import dev.bitbench.report.CsvReportFormat;
import dev.bitbench.store.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path tmp;

    private Path runDir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static BenchmarkResult matmul(String backend, double... ms) {
        return new BenchmarkResult(
                "kernels.matmul/" + backend + "/f32/256x256",
                "kernels",
                "matmul",
                backend,
                "f32",
                Map.of("shape", "256x256"),
                BenchmarkStatus.OK,
                null,
                Map.of("time", Metric.of("ms/op", Direction.LOWER, ms)));
    }

    @BeforeEach
    void writeRunDirectory() throws Exception {
        RunResult run = new RunResult(
                new RunInfo(
                        "20261123T100000Z-0123456",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        Instant.parse("2026-11-23T10:01:00Z"),
                        "smoke",
                        42,
                        RunStatus.OK,
                        new GitInfo("0123456789abcdef0123456789abcdef01234567", "main", false),
                        Map.of(),
                        Map.of()),
                new SystemInfo(
                        "Linux",
                        null,
                        "amd64",
                        "linux-x86_64",
                        new CpuInfo("cpu", 2, 2, List.of()),
                        0,
                        new JvmInfo("vendor", "17", List.of(), 256),
                        null,
                        null,
                        Map.of(),
                        null),
                List.of(matmul("scalar", 8, 8.1, 7.9), matmul("simd", 2, 2.1, 1.9)));
        runDir = tmp.resolve("bitbench-results").resolve(run.run().id());
        RunResultJson.write(run, runDir.resolve("performance-report.json"));
        Files.writeString(
                tmp.resolve("bitbench-results").resolve("latest"), run.run().id() + "\n");
    }

    private int bitbench(String... args) {
        return BitBench.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path comparisonFile(double factor) throws Exception {
        double[] base = {10, 10.1, 9.9, 10.05, 9.95, 10.02, 9.98, 10.03, 9.97, 10.01};
        double[] cur = base.clone();
        for (int i = 0; i < cur.length; i++) {
            cur[i] *= factor;
        }
        var report = new RegressionDetector(DetectorConfig.defaults())
                .compare(
                        List.of(MetricSamples.of(
                                "kernels.matmul/simd/f32/256x256", "time", "ms/op", Direction.LOWER, base)),
                        List.of(MetricSamples.of(
                                "kernels.matmul/simd/f32/256x256", "time", "ms/op", Direction.LOWER, cur)));
        Path file = tmp.resolve("cmp-" + factor + ".json");
        Files.writeString(file, new ComparisonJsonFormat().format(report));
        return file;
    }

    @Test
    void htmlReportOfTheLatestRunGoesIntoItsDirectory() throws Exception {
        int code = bitbench("report", tmp.resolve("bitbench-results/latest").toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        Path html = runDir.resolve("report.html");
        assertThat(html).exists();
        assertThat(Files.readString(html))
                .contains("kernels.matmul/simd/f32/256x256")
                .contains("Content-Security-Policy");
        assertThat(out.toString()).contains("wrote " + html);
    }

    @Test
    void markdownToStdoutCarriesTheComparisonFromTheRunDirectory() throws Exception {
        Files.copy(comparisonFile(1.5), runDir.resolve("regression-analysis.json"));
        int code = bitbench("report", runDir.toString(), "--format", "md", "--output", "-");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("# BitBench run 20261123T100000Z-0123456")
                .contains("**1 critical**");
        assertThat(out.toString()).contains("| matmul | 256x256 | f32 | 4.00x |");
    }

    @Test
    void aRunIdIsReadFromTheHistory() throws Exception {
        String url = "jdbc:sqlite:" + tmp.resolve("history.db");
        try (RunStore store = RunStore.open(url)) {
            store.store(RunResultJson.read(runDir.resolve("performance-report.json")));
        }
        int code = bitbench("report", "20261123T100000Z-0123456", "--db", url, "--format", "md", "--output", "-");
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("# BitBench run 20261123T100000Z-0123456");

        int unknown = bitbench("report", "20991231T000000Z-nothing", "--db", url);
        assertThat(unknown).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("20991231T000000Z-nothing").contains("no such run");
    }

    @Test
    void csvAndBadgeWriteWhereTold() throws Exception {
        Path csv = tmp.resolve("out/results.csv");
        assertThat(bitbench(
                        "report",
                        runDir.resolve("performance-report.json").toString(),
                        "--format",
                        "csv",
                        "-o",
                        csv.toString()))
                .isZero();
        assertThat(Files.readAllLines(csv)).first().isEqualTo(CsvReportFormat.HEADER);
        Path badge = tmp.resolve("perf.svg");
        assertThat(bitbench("report", comparisonFile(1.5).toString(), "--format", "badge", "-o", badge.toString()))
                .isZero();
        assertThat(Files.readString(badge)).contains("perf: 1 critical");
        assertThat(bitbench("report", comparisonFile(1.0).toString(), "--format", "badge", "-o", badge.toString()))
                .isZero();
        assertThat(Files.readString(badge)).contains("perf: 0 regressions");
    }

    @Test
    void chartExportNeedsAChartName() throws Exception {
        assertThat(bitbench("report", runDir.toString(), "--format", "png")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("needs --chart NAME").contains("speedup");
        Path png = tmp.resolve("speedup.png");
        assertThat(bitbench("report", runDir.toString(), "--format", "png", "--chart", "speedup", "-o", png.toString()))
                .isZero();
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void badInputsAreOneLineUsageErrors() throws Exception {
        assertThat(bitbench("report", tmp.resolve("nope").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope: no such file or directory").doesNotContain("Exception");
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"schema\":\"something/else\"}");
        assertThat(bitbench("report", other.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("other.json: field schema: expected \"bitbench/run/v1\"");
        Files.writeString(other, "{not json");
        assertThat(bitbench("report", other.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("other.json: not JSON");
        assertThat(bitbench("report", runDir.toString(), runDir.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("a second run");
    }

    @Test
    void appendsTheMarkdownSummaryWhenGithubStepSummaryIsSet() throws Exception {
        Path summary = tmp.resolve("step-summary.md");
        CommandLine cmd = new CommandLine(new ReportCommand(Map.of("GITHUB_STEP_SUMMARY", summary.toString())));
        cmd.setOut(new PrintWriter(out, true));
        assertThat(cmd.execute(runDir.toString(), "-o", tmp.resolve("r.html").toString()))
                .isZero();
        assertThat(Files.readString(summary)).startsWith("# BitBench run 20261123T100000Z-0123456");
        assertThat(out.toString()).contains("appended the summary to " + summary);
    }
}
