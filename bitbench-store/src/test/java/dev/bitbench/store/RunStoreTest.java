package dev.bitbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.result.RunResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store's contract, run on SQLite and on PostgreSQL with the same assertions. */
class RunStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tempDir;

    private TestDatabase db;

    static String[] kinds() {
        return TestDatabase.kinds();
    }

    private RunStore open(String kind) {
        db = TestDatabase.create(kind, tempDir);
        return RunStore.open(db.url());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void storesARunAndLoadsItBackExactlyWithSamples(String kind) {
        RunStore store = open(kind);
        RunResult run = StoreFixtures.rich("20261123T101233Z-f8fe249");

        store.store(run);

        assertThat(store.contains(run.run().id())).isTrue();
        assertThat(store.load(run.run().id())).contains(run);
        assertThat(store.load("no-such-run")).isEmpty();
        assertThat(store.schemaVersion()).isEqualTo("2");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesADuplicateRunIdAndKeepsTheFirst(String kind) {
        RunStore store = open(kind);
        RunResult first = StoreFixtures.small("r1", T0);
        RunResult second = StoreFixtures.run("r1", T0.plusSeconds(5), "linux-aarch64", "dev", Map.of(), 2, 3, 5, 9);
        store.store(first);

        assertThatThrownBy(() -> store.store(second))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("run r1 is already stored");
        assertThat(store.load("r1")).contains(first);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFailureInTheMiddleOfStoringLeavesNothingOfTheRun(String kind) {
        RunStore store = open(kind);
        RunWriter failing = new RunWriter(true) {
            @Override
            void write(Connection c, RunResult run, Instant storedAt) throws SQLException {
                super.write(c, run, storedAt);
                throw new SQLException("injected failure after every row was written");
            }
        };

        assertThatThrownBy(() -> store.store(StoreFixtures.small("r1", T0), failing))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot store run r1: injected failure");
        assertThat(store.contains("r1")).isFalse();
        assertThat(store.list(RunFilter.all())).isEmpty();
        assertThat(store.history(HistoryQuery.everything())).isEmpty();
        // The same run stores fine afterwards.
        store.store(StoreFixtures.small("r1", T0));
        assertThat(store.load("r1")).contains(StoreFixtures.small("r1", T0));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void listsNewestFirstFilteredByPlatformBranchAndLimit(String kind) {
        RunStore store = open(kind);
        store.store(StoreFixtures.run("a", T0, "linux-x86_64", "main", Map.of("k", "v"), 2, 3, 5, 1));
        store.store(StoreFixtures.run("b", T0.plusSeconds(10), "linux-x86_64", "dev", Map.of(), 1, 3, 5, 2));
        store.store(StoreFixtures.run("c", T0.plusSeconds(20), "macos-aarch64", "main", Map.of(), 1, 3, 5, 3));
        store.store(StoreFixtures.run("d", T0.plusSeconds(30), "linux-x86_64", "main", Map.of(), 1, 3, 5, 4));

        assertThat(store.list(RunFilter.all())).extracting(RunSummary::id).containsExactly("d", "c", "b", "a");
        assertThat(store.list(new RunFilter("linux-x86_64", "main", null, 10)))
                .extracting(RunSummary::id)
                .containsExactly("d", "a");
        assertThat(store.list(new RunFilter(null, null, T0.plusSeconds(10), 2)))
                .extracting(RunSummary::id)
                .containsExactly("d", "c");
        RunSummary a = store.list(new RunFilter(null, "main", null, 10)).get(2);
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.tags()).isEqualTo(Map.of("k", "v"));
        assertThat(a.benchmarks()).isEqualTo(2);
        assertThat(a.started()).isEqualTo(T0);
        assertThat(a.gitDirty()).isFalse();
        assertThat(a.host()).hasSize(16);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void historyGivesOneSeriesPerBenchmarkMetricAndPlatformInTimeOrder(String kind) {
        RunStore store = open(kind);
        // Stored out of time order on purpose.
        for (int i : new int[] {3, 0, 4, 1, 2}) {
            store.store(StoreFixtures.run(
                    "x" + i,
                    T0.plusSeconds(100L * i),
                    "linux-x86_64",
                    i == 2 ? "dev" : "main",
                    Map.of(),
                    2,
                    4,
                    10 + i,
                    i));
        }
        store.store(StoreFixtures.run("mac", T0.plusSeconds(50), "macos-aarch64", "main", Map.of(), 1, 4, 99, 7));

        List<HistoryPoint> all = store.history(new HistoryQuery("bench.op/b0", "time", null, null, null, 0));
        assertThat(all).extracting(HistoryPoint::runId).containsExactly("x0", "x1", "x2", "x3", "x4", "mac");
        assertThat(all).extracting(HistoryPoint::platform).endsWith("macos-aarch64");
        HistoryPoint x3 = all.get(3);
        RunResult stored = store.load("x3").orElseThrow();
        assertThat(x3.median())
                .isEqualTo(stored.benchmark("bench.op/b0").metrics().get("time").median());
        assertThat(x3.unit()).isEqualTo("ms/op");
        assertThat(x3.started()).isEqualTo(T0.plusSeconds(300));
        assertThat(x3.gitSha()).isEqualTo(StoreFixtures.SHA);

        assertThat(store.history(new HistoryQuery("bench.op/*", "time", "linux-x86_64", "main", null, 2)))
                .extracting(p -> p.benchmarkId() + "@" + p.runId())
                .containsExactly("bench.op/b0@x3", "bench.op/b0@x4", "bench.op/b1@x3", "bench.op/b1@x4");
        assertThat(store.history(new HistoryQuery("*/b1", null, "linux-x86_64", null, T0.plusSeconds(350), 0)))
                .extracting(p -> p.metric() + "@" + p.runId())
                .containsExactly("throughput@x4", "time@x4");
        assertThat(store.history(new HistoryQuery("nothing*", null, null, null, null, 0)))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pruneKeepsReleaseRunsLongerAndDryRunRemovesNothing(String kind) {
        db = TestDatabase.create(kind, tempDir);
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        RunStore store = RunStore.open(db.url(), Duration.ofSeconds(30), "latest", Clock.fixed(now, ZoneOffset.UTC));
        Map<String, String> release = Map.of("release", "v1");
        store.store(
                StoreFixtures.run("new", now.minus(Duration.ofDays(10)), "linux-x86_64", "main", Map.of(), 1, 3, 1, 1));
        store.store(StoreFixtures.run(
                "old", now.minus(Duration.ofDays(100)), "linux-x86_64", "main", Map.of(), 1, 3, 1, 2));
        store.store(
                StoreFixtures.run("rel", now.minus(Duration.ofDays(200)), "linux-x86_64", "main", release, 1, 3, 1, 3));
        store.store(StoreFixtures.run(
                "relold", now.minus(Duration.ofDays(400)), "linux-x86_64", "main", release, 1, 3, 1, 4));

        PruneResult dry = store.prune(RetentionPolicy.defaults(), true);
        assertThat(dry.removed()).containsExactly("relold", "old");
        assertThat(dry.dryRun()).isTrue();
        assertThat(store.list(RunFilter.all())).hasSize(4);

        PruneResult done = store.prune(RetentionPolicy.defaults(), false);
        assertThat(done.removed()).containsExactly("relold", "old");
        assertThat(done.kept()).isEqualTo(2);
        assertThat(store.list(RunFilter.all())).extracting(RunSummary::id).containsExactly("new", "rel");
        assertThat(store.load("old")).isEmpty();
        assertThat(store.history(new HistoryQuery(null, "time", null, null, null, 0)))
                .extracting(HistoryPoint::runId)
                .containsExactly("rel", "new");
        assertThat(store.prune(new RetentionPolicy(5, 5), false).removed()).containsExactly("rel", "new");
    }

    @ParameterizedTest
    @MethodSource("concurrency")
    void concurrentWritersLoseNothing(String kind, int threads) throws Exception {
        RunStore store = open(kind);
        int runsPerThread = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    // Each writer opens its own store, as separate commands would.
                    RunStore own = RunStore.open(db.url());
                    for (int r = 0; r < runsPerThread; r++) {
                        own.store(StoreFixtures.run(
                                "t" + thread + "-" + r,
                                T0.plusSeconds(thread * 100L + r),
                                "linux-x86_64",
                                "main",
                                Map.of(),
                                20,
                                10,
                                5,
                                thread * 1000L + r));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list(RunFilter.all().withLimit(1000))).hasSize(threads * runsPerThread);
        for (int t = 0; t < threads; t++) {
            for (int r = 0; r < runsPerThread; r++) {
                String id = "t" + t + "-" + r;
                assertThat(store.load(id))
                        .contains(StoreFixtures.run(
                                id,
                                T0.plusSeconds(t * 100L + r),
                                "linux-x86_64",
                                "main",
                                Map.of(),
                                20,
                                10,
                                5,
                                t * 1000L + r));
            }
        }
        assertThat(store.history(new HistoryQuery("bench.op/b7", "time", null, null, null, 0)))
                .hasSize(threads * runsPerThread);
    }

    static List<org.junit.jupiter.params.provider.Arguments> concurrency() {
        List<org.junit.jupiter.params.provider.Arguments> args = new ArrayList<>();
        for (String kind : kinds()) {
            args.add(org.junit.jupiter.params.provider.Arguments.of(kind, 2));
            args.add(org.junit.jupiter.params.provider.Arguments.of(kind, 8));
        }
        return args;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDatabaseCreatedByMigrationV1UpgradesCleanly(String kind) {
        db = TestDatabase.create(kind, tempDir);
        RunStore v1 = RunStore.open(db.url(), Duration.ofSeconds(30), "1", Clock.systemUTC());
        assertThat(v1.schemaVersion()).isEqualTo("1");
        RunResult old = StoreFixtures.rich("old-run");
        v1.store(old);

        RunStore upgraded = RunStore.open(db.url());

        assertThat(upgraded.schemaVersion()).isEqualTo("2");
        assertThat(upgraded.load("old-run")).contains(old);
        // V2 filled benchmark_names from the V1 rows, so the old run's trend is found by pattern.
        assertThat(upgraded.history(new HistoryQuery("kernels.*", "time", null, null, null, 0)))
                .extracting(HistoryPoint::runId)
                .containsExactly("old-run");
        upgraded.store(StoreFixtures.small("new-run", T0));
        assertThat(upgraded.list(RunFilter.all())).hasSize(2);
    }

    static void holdWriteLock(String url, Runnable whileHeld) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO benchmark_names (bench_id) VALUES ('lock')")) {
                ps.executeUpdate();
            }
            whileHeld.run();
            c.rollback();
        }
    }
}
