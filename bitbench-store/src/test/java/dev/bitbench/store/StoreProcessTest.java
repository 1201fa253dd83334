package dev.bitbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Separate processes against one database: a writer killed mid-transaction, and two writers at once. */
class StoreProcessTest {
    @TempDir
    Path tempDir;

    private TestDatabase db;

    static String[] kinds() {
        return TestDatabase.kinds();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static Process child(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m", StoreChild.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Reads the child's stdout until a line equals {@code expected}; fails if the stream ends first. */
    private static void awaitLine(Process p, String expected) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(expected)) {
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("child ended without printing " + expected + "; printed " + seen);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aWriterKilledMidTransactionLeavesTheRunAbsentAndTheDatabaseUsable(String kind) throws Exception {
        db = TestDatabase.create(kind, tempDir);
        RunStore.open(db.url()); // migrated before the child starts
        Process p = child("crash", db.url());
        try {
            awaitLine(p, "MID-TRANSACTION");
        } finally {
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback by the child
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(137);

        RunStore store = RunStore.open(db.url());
        assertThat(store.load("whole")).contains(StoreChild.run("whole", 0));
        assertThat(store.contains("half")).isFalse();
        assertThat(store.history(new HistoryQuery(null, "time", null, null, null, 0)))
                .extracting(HistoryPoint::runId)
                .containsOnly("whole");
        store.store(StoreChild.run("half", 1));
        assertThat(store.load("half")).contains(StoreChild.run("half", 1));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoProcessesWritingAtOnceLoseNothing(String kind) throws Exception {
        db = TestDatabase.create(kind, tempDir);
        Process a = child("write", db.url(), "a", "5");
        Process b = child("write", db.url(), "b", "5");
        try {
            awaitLine(a, "DONE");
            awaitLine(b, "DONE");
            assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();

        RunStore store = RunStore.open(db.url());
        assertThat(store.list(RunFilter.all())).hasSize(10);
        for (String prefix : List.of("a", "b")) {
            for (int i = 0; i < 5; i++) {
                String id = prefix + "-" + i;
                assertThat(store.load(id)).contains(StoreChild.run(id, i));
            }
        }
    }
}
