package dev.bitbench.cli.history;

import static dev.bitbench.cli.history.CliRuns.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.store.RunFilter;
import dev.bitbench.store.RunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandsTest {
    @TempDir
    Path tempDir;

    private String url;
    private RunStore store;

    @BeforeEach
    void storeRuns() {
        url = "jdbc:sqlite:" + tempDir.resolve("h.db");
        store = RunStore.open(url);
        store.store(CliRuns.run(1, "linux-x86_64", Map.of(), 10));
        store.store(CliRuns.run(2, "macos-aarch64", Map.of("release", "v1"), 10));
        store.store(CliRuns.run(3, "linux-x86_64", Map.of(), 11));
    }

    @Test
    void listShowsRunsNewestFirstAndFilters() {
        CliRuns.Result all = execute("history", "list", "--db", url);
        assertThat(all.exit()).isEqualTo(ExitCodes.OK);
        assertThat(all.out().lines().skip(1).map(l -> l.split(" ")[0])).containsExactly("r03", "r02", "r01");
        assertThat(all.out()).contains("release=v1").contains("macos-aarch64");

        CliRuns.Result linux = execute("history", "list", "--db", url, "--platform", "linux-x86_64", "--limit", "1");
        assertThat(linux.out().lines().skip(1).map(l -> l.split(" ")[0])).containsExactly("r03");

        assertThat(execute("history", "list", "--db", url, "--branch", "nope").out())
                .contains("no stored runs match");
        assertThat(execute("history", "list", "--db", url, "--limit", "0").exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void showPrintsEveryMetricAndAnUnknownIdIsAUsageError() {
        CliRuns.Result show = execute("history", "show", "r03", "--db", url);

        assertThat(show.exit()).isEqualTo(ExitCodes.OK);
        assertThat(show.out())
                .contains("run       r03")
                .contains("bench.op/b0")
                .contains("throughput")
                .contains("11.0000");

        CliRuns.Result missing = execute("history", "show", "r99", "--db", url);
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("bitbench: no run 'r99'").hasLineCount(1);
    }

    @Test
    void exportWritesTheStoredRunAsItsReportJson() throws Exception {
        CliRuns.Result export = execute("history", "export", "r02", "--db", url);

        assertThat(export.exit()).isEqualTo(ExitCodes.OK);
        RunResult parsed = RunResultJson.fromJson(export.out(), "stdout");
        assertThat(parsed).isEqualTo(CliRuns.run(2, "macos-aarch64", Map.of("release", "v1"), 10));

        Path file = tempDir.resolve("out/performance-report.json");
        assertThat(execute("history", "export", "r02", "--db", url, "--output", file.toString())
                        .exit())
                .isZero();
        assertThat(RunResultJson.read(file)).isEqualTo(parsed);
    }

    @Test
    void pruneDryRunRemovesNothingAndPruneRemovesAllButRecentReleases() {
        // The runs are from 2026-03; "now" is later, so with 0 days nothing ordinary is kept.
        long releaseAge = Duration.between(CliRuns.T0, Instant.now()).toDays() + 10;

        CliRuns.Result dry = execute(
                "history",
                "prune",
                "--db",
                url,
                "--keep-days",
                "0",
                "--keep-release-days",
                Long.toString(releaseAge),
                "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out())
                .contains("would remove r01")
                .contains("would remove r03")
                .doesNotContain("r02")
                .contains("dry run: would remove 2 runs, 1 kept");
        assertThat(store.list(RunFilter.all())).hasSize(3);

        CliRuns.Result done = execute(
                "history", "prune", "--db", url, "--keep-days", "0", "--keep-release-days", Long.toString(releaseAge));
        assertThat(done.out()).contains("removed 2 runs, 1 kept");
        assertThat(store.list(RunFilter.all())).extracting(r -> r.id()).containsExactly("r02");
    }

    @Test
    void migratePrintsTheSchemaVersionOfANewDatabase() {
        Path fresh = tempDir.resolve("new/dir/history.db");

        CliRuns.Result migrate = execute("history", "migrate", "--db", "jdbc:sqlite:" + fresh);

        assertThat(migrate.exit()).isZero();
        assertThat(migrate.out()).startsWith("schema version 2 (jdbc:sqlite:" + fresh);
        assertThat(fresh).exists();
    }

    @Test
    void aStoreFailureIsOneLineAndExitOne() {
        CliRuns.Result down = execute("history", "list", "--db", "jdbc:postgresql://127.0.0.1:1/x?password=hunter2");

        assertThat(down.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(down.err())
                .startsWith("bitbench: cannot open the run history: cannot connect to PostgreSQL")
                .doesNotContain("hunter2")
                .hasLineCount(1);
    }
}
