package dev.bitbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every database failure is one {@link StoreException} line that says what and where. */
class StoreFailureTest {
    @TempDir
    Path tempDir;

    @Test
    void createsTheSqliteFileAndItsDirectoriesOnFirstUseInWalMode() throws Exception {
        Path file = tempDir.resolve(".bitbench/history.db");
        RunStore store = RunStore.open("jdbc:sqlite:" + file);

        assertThat(file).exists();
        assertThat(store.schemaVersion()).isEqualTo("2");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aSqliteDatabaseLockedLongerThanTheBusyTimeoutIsAStoreException() throws Exception {
        String url = "jdbc:sqlite:" + tempDir.resolve("h.db");
        RunStore store = RunStore.open(url, Duration.ofMillis(200));
        try (Connection other = DriverManager.getConnection(url);
                Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE"); // another writer holds the write lock
            assertThatThrownBy(() -> store.store(StoreFixtures.small("r1", Instant.EPOCH)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot store run r1: the database is locked by another writer")
                    .hasMessageContaining(tempDir.toString());
            s.execute("ROLLBACK");
        }
        store.store(StoreFixtures.small("r1", Instant.EPOCH));
        assertThat(store.contains("r1")).isTrue();
    }

    @Test
    void aFullDiskIsAStoreExceptionAndLeavesNothingOfTheRun() {
        // SQLite reports SQLITE_FULL when the database would grow past max_page_count, as on a full disk.
        Path file = tempDir.resolve("full.db");
        RunStore.open("jdbc:sqlite:" + file);
        RunStore capped = RunStore.open("jdbc:sqlite:" + file + "?max_page_count=60");
        RunResult big = StoreFixtures.run("big", Instant.EPOCH, "linux-x86_64", "main", Map.of(), 200, 100, 1, 1);

        assertThatThrownBy(() -> capped.store(big))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot store run big: the disk is full");
        assertThat(capped.contains("big")).isFalse();
        capped.store(StoreFixtures.small("small", Instant.EPOCH));
        assertThat(capped.load("small")).contains(StoreFixtures.small("small", Instant.EPOCH));
    }

    @Test
    void aPostgresqlServerThatIsDownIsAStoreExceptionWithoutThePassword() {
        // Port 1 on the loopback address: nothing listens there.
        String url = "jdbc:postgresql://127.0.0.1:1/bitbench?user=u&password=secret";

        assertThatThrownBy(() -> RunStore.open(url, Duration.ofSeconds(2)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to PostgreSQL")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aFileThatIsNotADatabaseIsAStoreException() throws Exception {
        Path file = tempDir.resolve("junk.db");
        Files.writeString(file, "this is not a SQLite database, just text that is long enough to be read ".repeat(20));

        assertThatThrownBy(() -> RunStore.open("jdbc:sqlite:" + file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a valid SQLite database");
    }

    @Test
    void unsupportedAndInMemoryUrlsAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> RunStore.open("jdbc:mysql://localhost/x"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("expected jdbc:sqlite:FILE or jdbc:postgresql://");
        assertThatThrownBy(() -> RunStore.open("jdbc:sqlite::memory:"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("in-memory SQLite is not supported");
    }

    @Test
    void theUrlComesFromTheFlagThenTheEnvironmentThenTheDefault() {
        Map<String, String> env = Map.of(RunStore.ENV_DB, "jdbc:sqlite:/tmp/env.db");

        assertThat(RunStore.resolveUrl("jdbc:sqlite:flag.db", env)).isEqualTo("jdbc:sqlite:flag.db");
        assertThat(RunStore.resolveUrl(null, env)).isEqualTo("jdbc:sqlite:/tmp/env.db");
        assertThat(RunStore.resolveUrl(null, Map.of())).isEqualTo("jdbc:sqlite:.bitbench/history.db");
    }
}
