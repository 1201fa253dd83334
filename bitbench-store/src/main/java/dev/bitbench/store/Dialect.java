package dev.bitbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * What differs between the two supported databases: how to connect, the Flyway placeholders of the
 * one migration, and how a driver error reads. Every query is the same for both.
 */
enum Dialect {
    SQLITE("jdbc:sqlite:", Map.of("binary", "BLOB")),
    POSTGRESQL("jdbc:postgresql:", Map.of("binary", "BYTEA"));

    private final String prefix;
    private final Map<String, String> placeholders;

    Dialect(String prefix, Map<String, String> placeholders) {
        this.prefix = prefix;
        this.placeholders = placeholders;
    }

    /** The dialect of a JDBC URL. */
    static Dialect of(String url) {
        for (Dialect d : values()) {
            if (url.startsWith(d.prefix)) {
                return d;
            }
        }
        throw new StoreException("unsupported database URL '" + Redaction.url(url)
                + "': expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    Map<String, String> placeholders() {
        return placeholders;
    }

    /**
     * The file of a SQLite URL ({@code jdbc:sqlite:PATH}, {@code jdbc:sqlite:file:PATH?...}).
     *
     * @throws StoreException for an in-memory database, which would vanish with each connection
     */
    static Path sqliteFile(String url) {
        String rest = url.substring(SQLITE.prefix.length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.contains("mode=memory")) {
            throw new StoreException("in-memory SQLite is not supported as run history ('" + url
                    + "'): give a file, e.g. jdbc:sqlite:.bitbench/history.db");
        }
        return Path.of(rest);
    }

    /**
     * A data source for the URL. SQLite: WAL journal (readers never block the writer), the busy
     * timeout, foreign keys on, and write transactions that take the write lock at {@code BEGIN}
     * ({@code IMMEDIATE}) so that two writers queue instead of failing. PostgreSQL: batched inserts
     * rewritten to multi-row inserts, and a connect timeout so that a server that is down fails
     * fast.
     */
    DataSource dataSource(String url, Duration busyTimeout, boolean writer) {
        if (this == SQLITE) {
            Path file = sqliteFile(url);
            Path parent = file.toAbsolutePath().getParent();
            try {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new StoreException("cannot create the directory of " + file + ": " + e.getMessage(), e);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
            config.enforceForeignKeys(true);
            config.setTransactionMode(
                    writer ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl(url);
            return ds;
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        Properties given = org.postgresql.Driver.parseURL(url, new Properties());
        if (given == null) {
            throw new StoreException("invalid PostgreSQL URL '" + Redaction.url(url) + "'");
        }
        if (!given.containsKey("reWriteBatchedInserts")) {
            ds.setReWriteBatchedInserts(true);
        }
        if (!given.containsKey("connectTimeout")) {
            ds.setConnectTimeout((int) Math.max(1, Math.min(60, busyTimeout.toSeconds())));
        }
        if (!given.containsKey("ApplicationName")) {
            ds.setApplicationName("bitbench");
        }
        return ds;
    }

    /** Opens a connection, turning a failure into a one-line {@link StoreException}. */
    Connection connect(DataSource ds, String url) {
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            throw StoreFailure.of(this, url, "cannot open the run history", e);
        }
    }
}
