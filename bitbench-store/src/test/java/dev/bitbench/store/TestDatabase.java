package dev.bitbench.store;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test. SQLite: a file in the test's temporary directory.
 * PostgreSQL: a new schema in the database of {@code BITBENCH_TEST_PG_URL}, dropped on close. Without
 * that variable the PostgreSQL tests skip, except under {@code CI=true}, where they fail.
 */
final class TestDatabase implements AutoCloseable {
    static final String PG_ENV = "BITBENCH_TEST_PG_URL";

    private final String url;
    private final String pgSchema;

    private TestDatabase(String url, String pgSchema) {
        this.url = url;
        this.pgSchema = pgSchema;
    }

    /** The kinds every contract test runs on. */
    static String[] kinds() {
        return new String[] {"sqlite", "postgresql"};
    }

    static TestDatabase create(String kind, Path tempDir) {
        if (kind.equals("sqlite")) {
            return new TestDatabase(
                    "jdbc:sqlite:" + tempDir.resolve("nested/dir/history.db").toAbsolutePath(), null);
        }
        String base = System.getenv(PG_ENV);
        if (base == null || base.isBlank()) {
            String how = "PostgreSQL store tests need " + PG_ENV + "; run: eval \"$(.ci/postgres.sh)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + PG_ENV + " is not set. " + how);
            }
            Assumptions.abort(how);
        }
        String schema = "t_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema in " + Redaction.url(base), e);
        }
        return new TestDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
    }

    String url() {
        return url;
    }

    boolean isSqlite() {
        return pgSchema == null;
    }

    @Override
    public void close() throws SQLException {
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(System.getenv(PG_ENV));
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
        }
    }
}
