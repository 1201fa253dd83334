package dev.bitbench.cli.history;

import static dev.bitbench.cli.history.CliRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.ExitCodes;
import dev.bitbench.store.RunStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendCommandTest {
    @TempDir
    Path tempDir;

    private String url;

    /** 16 daily runs; b0's time steps from 10 to 13 ms at run r08 (30% slower), b1 stays at 2 ms. */
    @BeforeEach
    void storeHistory() {
        url = "jdbc:sqlite:" + tempDir.resolve("h.db");
        RunStore store = RunStore.open(url);
        for (int i = 0; i < 16; i++) {
            store.store(CliRuns.run(i, "linux-x86_64", Map.of(), i < 8 ? 10 + 0.01 * (i % 3) : 13 + 0.01 * (i % 3)));
        }
    }

    @Test
    void humanOutputHasASparklineAndTheChangePointWithItsRunAndPercent() {
        CliRuns.Result r = execute("trend", "--db", url, "--benchmark", "bench.op/b0", "--metric", "time", "--detect");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("bench.op/b0  time [ms/op, lower is better]  linux-x86_64  16 runs");
        assertThat(r.out()).contains("▁▁▁▁▁▁▁▁██████"); // the step, drawn
        assertThat(r.out()).containsPattern("change at r08 \\(0000000, 2026-03-09\\): regression 30\\.\\d% ");
        assertThat(r.out()).doesNotContain("bench.op/b1");
    }

    @Test
    void jsonListsEveryPointAndTheChangePointInTheWorseDirection() throws Exception {
        CliRuns.Result r = execute("trend", "--db", url, "--benchmark", "bench.op/*", "--detect", "--format", "json");

        assertThat(r.exit()).isZero();
        JsonNode series = new ObjectMapper().readTree(r.out()).get("series");
        // b0 time, b0 throughput, b1 time
        assertThat(series).hasSize(3);
        JsonNode b0Throughput = series.get(0);
        assertThat(b0Throughput.get("metric").asText()).isEqualTo("throughput");
        assertThat(b0Throughput.get("points")).hasSize(16);
        JsonNode change = b0Throughput.get("change_points").get(0);
        assertThat(change.get("run_id").asText()).isEqualTo("r08");
        // Throughput fell by 1 - 10/13 = 23.1%: worse, so positive.
        assertThat(change.get("worse_pct").asDouble()).isCloseTo(100 * (1 - 10.01 / 13.01), within(0.5));
        assertThat(change.get("p_value").asDouble()).isLessThanOrEqualTo(0.01);
        JsonNode b1 = series.get(2);
        assertThat(b1.get("benchmark").asText()).isEqualTo("bench.op/b1");
        assertThat(b1.get("change_points")).isEmpty();

        JsonNode plain = new ObjectMapper()
                .readTree(execute("trend", "--db", url, "--format", "json").out())
                .get("series");
        assertThat(plain.get(0).get("change_points").isNull()).isTrue();
    }

    @Test
    void csvHasOneRowPerPointAndFlagsTheChange() {
        CliRuns.Result r = execute(
                "trend", "--db", url, "--benchmark", "bench.op/b0", "--metric", "time", "--detect", "--format", "csv");

        assertThat(r.out().lines()).hasSize(17);
        assertThat(r.out().lines().filter(l -> l.contains(",true,")))
                .singleElement()
                .asString()
                .contains(",r08,");
    }

    @Test
    void markdownHasATablePerSeriesAndTheChange() {
        CliRuns.Result r =
                execute("trend", "--db", url, "--metric", "time", "--window", "13", "--detect", "--format", "markdown");

        assertThat(r.out())
                .contains("## `bench.op/b0` time (ms/op, linux-x86_64)")
                .contains("| r15 |")
                .doesNotContain("| r02 |")
                .contains("**Regression 30.")
                .contains("No change point.");
    }

    @Test
    void sinceAndPlatformFilterTheSeries() {
        CliRuns.Result r = execute(
                "trend",
                "--db",
                url,
                "--benchmark",
                "bench.op/b1",
                "--since",
                "2026-03-15",
                "--platform",
                "linux-x86_64",
                "--format",
                "csv");
        assertThat(r.out().lines().skip(1)).extracting(l -> l.split(",")[5]).containsExactly("r14", "r15");

        assertThat(execute("trend", "--db", url, "--platform", "windows-x86_64").out())
                .contains("no stored measurements match");
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        CliRuns.Result format = execute("trend", "--db", url, "--format", "xml");
        assertThat(format.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("expected human, json, csv or markdown");

        CliRuns.Result since = execute("trend", "--db", url, "--since", "yesterday");
        assertThat(since.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(since.err()).contains("--since 'yesterday' is not a date");

        assertThat(execute("trend", "--db", url, "--detect", "--min-segment", "1")
                        .exit())
                .isEqualTo(ExitCodes.USAGE);
    }
}
