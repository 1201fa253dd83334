package dev.bitbench.cli.report;

import static dev.bitbench.cli.history.CliRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.history.CliRuns;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bitbench report --trend} and {@code --with-trend} end to end: a real SQLite history in a
 * temp directory, filled through {@link RunStore}, and the real command line.
 */
class ReportTrendCommandTest {
    @TempDir
    Path tmp;

    private String url;

    /** 16 daily runs r00–r15; b0's time steps from 10 to 13 ms/op at r08 (30% slower), b1 stays at 2 ms/op. */
    @BeforeEach
    void storeHistory() {
        url = "jdbc:sqlite:" + tmp.resolve("history.db");
        try (RunStore store = RunStore.open(url)) {
            for (int i = 0; i < 16; i++) {
                store.store(
                        CliRuns.run(i, "linux-x86_64", Map.of(), i < 8 ? 10 + 0.01 * (i % 3) : 13 + 0.01 * (i % 3)));
            }
        }
    }

    @Test
    void htmlTrendReportChartsEverySeriesAndListsTheChangePoint() throws Exception {
        Path html = tmp.resolve("out/trends.html");
        CliRuns.Result r = execute("report", "--trend", "bench.op/*", "--db", url, "-o", html.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("wrote " + html);
        String page = Files.readString(html);
        // b0 time, b0 throughput, b1 time
        assertThat(page.split("class=\"trendchart\"")).hasSize(4);
        assertThat(page)
                .contains("<title>BitBench trends</title>")
                .contains("benchmarks &#39;bench.op/*&#39;, every metric, every platform")
                .contains("<h3>Change points (2)</h3>")
                .contains("<td>r08</td><td>bench.op/b0</td><td>time</td>")
                .contains("<td>r08</td><td>bench.op/b0</td><td>throughput</td>")
                .doesNotContain("<td>bench.op/b1</td>")
                .contains("Content-Security-Policy");
    }

    @Test
    void jsonPutsTheStepAtRunEightAndNothingOnTheFlatSeries() throws Exception {
        CliRuns.Result r = execute(
                "report", "--trend", "bench.op/*", "--metric", "time", "--db", url, "--format", "json", "-o", "-");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode trends = new ObjectMapper().readTree(r.out()).get("trends");
        assertThat(trends.get("series")).hasSize(2);
        JsonNode b0 = trends.get("series").get(0);
        assertThat(b0.get("benchmark").asText()).isEqualTo("bench.op/b0");
        assertThat(b0.get("points")).hasSize(16);
        assertThat(b0.get("change_points")).singleElement().satisfies(c -> {
            assertThat(c.get("index").asInt()).isEqualTo(8);
            assertThat(c.get("run_id").asText()).isEqualTo("r08");
            assertThat(c.get("worse_pct").asDouble()).isCloseTo(100 * (13.01 / 10.01 - 1), within(0.5));
        });
        assertThat(trends.get("series").get(1).get("change_points")).isEmpty();
    }

    @Test
    void markdownHasTheSeriesTableAndTheChangePointWithItsCommit() {
        CliRuns.Result r = execute(
                "report", "--trend", "bench.op/b0", "--metric", "time", "--db", url, "--format", "md", "-o", "-");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("# BitBench trends")
                .contains("| bench.op/b0 | time | linux-x86\\_64 | 16 |")
                .contains("| 2026-03-09T00:00:00Z | 0000000 | r08 | bench.op/b0 | time | linux-x86\\_64 |")
                .contains("% worse |");
    }

    @Test
    void noDetectDrawsTheLinesWithoutChangePoints() throws Exception {
        CliRuns.Result r =
                execute("report", "--trend", "bench.op/b0", "--no-detect", "--db", url, "--format", "json", "-o", "-");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode trends = new ObjectMapper().readTree(r.out()).get("trends");
        assertThat(trends.get("detected").asBoolean()).isFalse();
        assertThat(trends.get("series").get(0).get("change_points")).isEmpty();
    }

    @Test
    void withTrendAddsTheRunsOwnBenchmarksOnItsPlatform() throws Exception {
        RunResult latest = CliRuns.run(16, "linux-x86_64", Map.of(), 13);
        RunResult onlyB0 =
                new RunResult(latest.run(), latest.system(), latest.benchmarks().subList(0, 1));
        Path runDir = tmp.resolve("results").resolve("r16");
        RunResultJson.write(onlyB0, runDir.resolve("performance-report.json"));

        CliRuns.Result r = execute("report", runDir.toString(), "--with-trend", "--metric", "time", "--db", url);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        String page = Files.readString(runDir.resolve("report.html"));
        assertThat(page)
                .contains("<title>BitBench run r16</title>")
                .contains("<section id=\"trends\">")
                .contains("the run&#39;s 1 benchmark, metric time, platform linux-x86_64")
                .contains("<td>r08</td><td>bench.op/b0</td><td>time</td>");
        assertThat(page.split("class=\"trendchart\"")).hasSize(2);
    }

    @Test
    void nothingMatchingIsOneLineExitTwo() {
        CliRuns.Result r = execute("report", "--trend", "kernels.nothing/*", "--db", url);

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip())
                .isEqualTo("bitbench: --trend 'kernels.nothing/*': no stored measurements match (benchmarks"
                        + " 'kernels.nothing/*', every metric, every platform) in " + url);
    }

    @Test
    void aMissingHistoryIsExitTwoAndIsNotCreated() {
        Path missing = tmp.resolve("none.db");
        CliRuns.Result r = execute("report", "--trend", "*", "--db", "jdbc:sqlite:" + missing);

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no history at jdbc:sqlite:" + missing).hasLineCount(1);
        assertThat(missing).doesNotExist();
    }

    @Test
    void aStoreThatCannotBeReadIsOneLineExitOne() throws Exception {
        Path broken = tmp.resolve("broken.db");
        Files.writeString(broken, "this is not a SQLite database, it is text long enough to be read as a header\n");
        CliRuns.Result r = execute("report", "--trend", "*", "--db", "jdbc:sqlite:" + broken);

        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).startsWith("bitbench: ").hasLineCount(1).doesNotContain("Exception");
    }

    @Test
    void usageErrorsOfTheTrendOptions() {
        CliRuns.Result nothing = execute("report", "--db", url);
        assertThat(nothing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("nothing to report");

        CliRuns.Result withoutRun = execute("report", "--with-trend", "--trend", "*", "--db", url);
        assertThat(withoutRun.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(withoutRun.err()).contains("--with-trend needs a run");

        CliRuns.Result csv = execute("report", "--trend", "*", "--db", url, "--format", "csv");
        assertThat(csv.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(csv.err()).contains("a trend report is html, md or json");

        CliRuns.Result stray = execute("report", tmp.toString(), "--metric", "time");
        assertThat(stray.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(stray.err()).contains("select trends: add --trend GLOB or --with-trend");

        CliRuns.Result since = execute("report", "--trend", "*", "--db", url, "--since", "last week");
        assertThat(since.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(since.err()).contains("--since 'last week' is not a date");
    }
}
