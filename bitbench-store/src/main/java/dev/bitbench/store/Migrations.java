package dev.bitbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the schema with Flyway's versioned migrations under {@value #LOCATION}, one
 * set for both databases (the binary column type is a placeholder). History table: {@value
 * #HISTORY_TABLE}.
 *
 * <p>PostgreSQL serialises concurrent migrations with Flyway's advisory lock. SQLite has none, so
 * two processes opening a new file at once are serialised here with a lock file beside the
 * database, and threads of one JVM with a monitor.
 */
final class Migrations {
    static final String LOCATION = "classpath:db/bitbench/migration";
    static final String HISTORY_TABLE = "bitbench_schema_history";

    private static final Object SQLITE_MONITOR = new Object();

    static {
        // Before any Flyway class asks for a logger, so that Flyway never probes SLF4J.
        LogFactory.setLogCreator(new FlywayLogging());
    }

    private Migrations() {}

    /**
     * Migrates to {@code target} ({@code "latest"} or a version such as {@code "1"}).
     *
     * @return the schema version afterwards, e.g. {@code "2"}
     */
    static String migrate(Dialect dialect, DataSource ds, String url, String target) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ds)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .loggers(FlywayLogging.class.getName())
                .placeholders(dialect.placeholders())
                .target(target)
                .failOnMissingLocations(true)
                .load();
        try {
            if (dialect == Dialect.SQLITE) {
                synchronized (SQLITE_MONITOR) {
                    Path lock = Dialect.sqliteFile(url).toAbsolutePath();
                    lock = lock.resolveSibling(lock.getFileName() + ".migrate.lock");
                    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                            FileLock ignored = ch.lock()) {
                        flyway.migrate();
                    } catch (IOException e) {
                        throw new StoreException(
                                "cannot lock " + lock + " to migrate the run history: " + e.getMessage(), e);
                    }
                }
            } else {
                MigrateResult ignored = flyway.migrate();
            }
            MigrationInfo current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql) {
                    throw StoreFailure.of(dialect, url, "cannot migrate the run history", sql);
                }
            }
            String msg = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException("cannot migrate the run history: " + msg + " [" + Redaction.url(url) + "]", e);
        }
    }
}
