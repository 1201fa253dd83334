package dev.bitbench.cli.compare;

import static dev.bitbench.cli.compare.TestRuns.MATMUL;
import static dev.bitbench.cli.compare.TestRuns.bitbench;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.compare.TestRuns.Outcome;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.store.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run ids of the history as inputs, and {@code check --against history}. */
class HistoryRunsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String url;

    private static RunResult run(String id, String started, long seed, double timeFactor, double throughputFactor) {
        return TestRuns.run()
                .id(id)
                .started(Instant.parse(started))
                .suite(seed, timeFactor, throughputFactor)
                .build();
    }

    @BeforeEach
    void storeRuns() {
        url = "jdbc:sqlite:" + dir.resolve("history.db");
        try (RunStore store = RunStore.open(url)) {
            store.store(run("20261120T100000Z-aaaaaa1", "2026-11-20T10:00:00Z", 1, 1.0, 1.0));
            store.store(run("20261121T100000Z-aaaaaa2", "2026-11-21T10:00:00Z", 11, 1.0, 1.0));
            store.store(run("20261122T100000Z-aaaaaa3", "2026-11-22T10:00:00Z", 21, 1.0, 1.0));
            store.store(run("20261123T100000Z-bbbbbb1", "2026-11-23T10:00:00Z", 31, 1.0, 0.8));
        }
    }

    @Test
    void comparesTwoRunIdsOfTheHistory() throws IOException {
        Outcome outcome = bitbench(
                "compare",
                "20261122T100000Z-aaaaaa3",
                "20261123T100000Z-bbbbbb1",
                "--db",
                url,
                "--format",
                "json",
                "--fail-on-regression");

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
        JsonNode doc = JSON.readTree(outcome.out());
        assertThat(doc.get("summary").get("CRITICAL").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("total").asInt()).isEqualTo(3);
    }

    @Test
    void anUnknownIdIsExitTwoNamingTheHistory() {
        Outcome outcome = bitbench("compare", "20261122T100000Z-aaaaaa3", "no-such-run", "--db", url);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("no-such-run").contains("run id in the history");
    }

    @Test
    void checksARunAgainstThePooledEarlierRunsOfItsPlatform() throws IOException {
        Outcome outcome = bitbench(
                "check",
                "20261123T100000Z-bbbbbb1",
                "--against",
                "history",
                "--history-runs",
                "2",
                "--db",
                url,
                "--format",
                "json",
                "--fail-on-regression");

        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
        assertThat(outcome.err())
                .contains("against 2 earlier runs of linux-x86_64 from the history, newest 20261122T100000Z-aaaaaa3");
        JsonNode doc = JSON.readTree(outcome.out());
        for (JsonNode r : doc.get("results")) {
            assertThat(r.get("baseline_samples").asInt()).isEqualTo(20);
            if (r.get("id").asText().equals(MATMUL) && r.get("metric").asText().equals("throughput")) {
                assertThat(r.get("level").asText()).isEqualTo("CRITICAL");
            }
        }
    }

    @Test
    void theOldestRunHasNoHistoryToCheckAgainst() {
        Outcome outcome = bitbench("check", "20261120T100000Z-aaaaaa1", "--against", "history", "--db", url);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("no run of platform linux-x86_64 before 20261120T100000Z-aaaaaa1");
    }
}
