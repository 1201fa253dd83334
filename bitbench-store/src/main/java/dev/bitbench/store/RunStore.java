package dev.bitbench.store;

import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The run history: stores whole runs and reads them back, lists them, serves metric trends and
 * prunes old runs, on SQLite or PostgreSQL with the same queries.
 *
 * <p><b>Databases.</b> {@code jdbc:sqlite:PATH} (the file and its directory are created on first
 * use; WAL journal, so readers never block the writer; writers wait up to the busy timeout for each
 * other) or {@code jdbc:postgresql://HOST[:PORT]/DB?user=…&password=…}. {@link #open} migrates the
 * schema to the newest version first (Flyway).
 *
 * <p><b>Atomicity.</b> {@link #store} writes a run in one transaction: after a crash, a lost
 * connection or a failure, the run is either absent or whole. Concurrent writers (threads or
 * processes) all succeed.
 *
 * <p><b>Errors.</b> Every failure of the database (down, locked longer than the busy timeout, disk
 * full, not a BitBench database) is a {@link StoreException} with a one-line message.
 *
 * <p>Thread-safe: each call uses its own connection. {@link #close} releases nothing that other
 * calls hold; it exists so that a later version can pool connections.
 */
public final class RunStore implements AutoCloseable {

    /** The default database: {@value}. */
    public static final String DEFAULT_URL = "jdbc:sqlite:.bitbench/history.db";

    /** Environment variable with the database URL: {@value}. */
    public static final String ENV_DB = "BITBENCH_DB";

    /** How long a SQLite writer waits for another by default: 30 s. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);

    private final String url;
    private final Dialect dialect;
    private final DataSource readers;
    private final DataSource writers;
    private final String schemaVersion;
    private final Clock clock;

    private RunStore(String url, Dialect dialect, Duration busyTimeout, String target, Clock clock) {
        this.url = url;
        this.dialect = dialect;
        this.readers = dialect.dataSource(url, busyTimeout, false);
        this.writers = dialect.dataSource(url, busyTimeout, true);
        this.clock = clock;
        // Fails with a clear line when the server is down or the file cannot be opened.
        try (Connection probe = dialect.connect(writers, url)) {
            probe.getMetaData();
        } catch (SQLException e) {
            throw StoreFailure.of(dialect, url, "cannot open the run history", e);
        }
        this.schemaVersion = Migrations.migrate(dialect, writers, url, target);
    }

    /**
     * The database URL to use: {@code flag} when given, else the environment variable {@value
     * #ENV_DB}, else {@link #DEFAULT_URL}.
     *
     * @param flag the {@code --db} option, or {@code null}
     * @param env the environment (normally {@code System.getenv()})
     */
    public static String resolveUrl(String flag, Map<String, String> env) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        String fromEnv = env.get(ENV_DB);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_URL;
    }

    /**
     * Opens the history at {@code url}, creating and migrating it as needed, with the default busy
     * timeout.
     *
     * @throws StoreException if the URL is not SQLite or PostgreSQL, or the database cannot be
     *     opened or migrated
     */
    public static RunStore open(String url) {
        return open(url, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens the history at {@code url}; a SQLite writer waits at most {@code busyTimeout} for another
     * (a PostgreSQL connection attempt at most that long, capped at 60 s).
     *
     * @throws StoreException as {@link #open(String)}
     */
    public static RunStore open(String url, Duration busyTimeout) {
        return open(url, busyTimeout, "latest", Clock.systemUTC());
    }

    /** For tests: migrate only up to {@code target} and take "now" from {@code clock}. */
    static RunStore open(String url, Duration busyTimeout, String target, Clock clock) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        return new RunStore(url, Dialect.of(url), busyTimeout, target, clock);
    }

    /** The database URL, password redacted. */
    public String url() {
        return Redaction.url(url);
    }

    /** The schema version after migration, e.g. {@code "2"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Stores a whole run in one transaction.
     *
     * @throws StoreException if a run with this id is already stored, or the database fails (then
     *     nothing of the run is stored)
     */
    public void store(RunResult run) {
        Objects.requireNonNull(run, "run");
        store(run, new RunWriter(!"1".equals(schemaVersion)));
    }

    void store(RunResult run, RunWriter writer) {
        String id = run.run().id();
        try (Connection c = dialect.connect(writers, url)) {
            c.setAutoCommit(false);
            try {
                if (exists(c, id)) {
                    throw new StoreException("run " + id + " is already stored in " + url());
                }
                writer.write(c, run, clock.instant());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw StoreFailure.of(dialect, url, "cannot store run " + id, e);
        }
    }

    /** Whether a run with this id is stored. */
    public boolean contains(String id) {
        try (Connection c = dialect.connect(readers, url)) {
            return exists(c, id);
        } catch (SQLException e) {
            throw StoreFailure.of(dialect, url, "cannot read the run history", e);
        }
    }

    /**
     * The stored run with this id, exactly as stored: every benchmark, metric and sample.
     *
     * @return the run, or empty when no run has this id
     */
    public Optional<RunResult> load(String id) {
        Objects.requireNonNull(id, "id");
        try (Connection c = dialect.connect(readers, url)) {
            beginRead(c); // one snapshot for the three queries
            try {
                return RunReader.read(c, id);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw StoreFailure.of(dialect, url, "cannot load run " + id, e);
        }
    }

    /** The runs that match, newest first (by start time, then id). */
    public List<RunSummary> list(RunFilter filter) {
        Objects.requireNonNull(filter, "filter");
        StringBuilder sql = new StringBuilder("SELECT r.id, r.started_ns, r.finished_ns, r.profile, r.status,"
                + " r.platform, r.host, r.jdk, r.git_sha, r.git_branch, r.git_dirty,"
                + " (SELECT COUNT(*) FROM benchmarks b WHERE b.run_id = r.id) FROM runs r WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.platform() != null) {
            sql.append(" AND r.platform = ?");
            args.add(filter.platform());
        }
        if (filter.branch() != null) {
            sql.append(" AND r.git_branch = ?");
            args.add(filter.branch());
        }
        if (filter.since() != null) {
            sql.append(" AND r.started_ns >= ?");
            args.add(EpochNanos.of(filter.since()));
        }
        sql.append(" ORDER BY r.started_ns DESC, r.id DESC LIMIT ?");
        args.add(filter.limit());
        try (Connection c = dialect.connect(readers, url)) {
            beginRead(c);
            try {
                List<RunSummary> runs = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql.toString());
                        PreparedStatement tags = c.prepareStatement(
                                "SELECT tag_key, tag_value FROM run_tags WHERE run_id = ? ORDER BY tag_key")) {
                    bind(ps, args);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String id = rs.getString(1);
                            boolean dirty = rs.getBoolean(11);
                            Boolean gitDirty = rs.wasNull() ? null : dirty;
                            runs.add(new RunSummary(
                                    id,
                                    EpochNanos.toInstant(rs.getLong(2)),
                                    EpochNanos.toInstant(rs.getLong(3)),
                                    rs.getString(4),
                                    RunStatus.parse(rs.getString(5)),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    rs.getString(10),
                                    gitDirty,
                                    tags(tags, id),
                                    rs.getInt(12)));
                        }
                    }
                }
                return runs;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw StoreFailure.of(dialect, url, "cannot list runs", e);
        }
    }

    /**
     * The metric series that match, each in time order (oldest first), series ordered by benchmark
     * id, metric and platform. Only benchmarks that were measured ({@code ok}) have points.
     */
    public List<HistoryPoint> history(HistoryQuery query) {
        Objects.requireNonNull(query, "query");
        try (Connection c = dialect.connect(readers, url)) {
            beginRead(c);
            try {
                return HistoryReader.read(c, query);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw StoreFailure.of(dialect, url, "cannot read the metric history", e);
        }
    }

    /**
     * Removes the runs that the policy no longer keeps, in one transaction, counting from now.
     *
     * @param dryRun when {@code true}, only report what would be removed
     */
    public PruneResult prune(RetentionPolicy policy, boolean dryRun) {
        Objects.requireNonNull(policy, "policy");
        Instant now = clock.instant();
        try (Connection c = dialect.connect(dryRun ? readers : writers, url)) {
            c.setAutoCommit(false);
            try {
                PruneResult result = Pruner.prune(c, policy, now, dryRun);
                if (dryRun) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw StoreFailure.of(dialect, url, "cannot prune the run history", e);
        }
    }

    @Override
    public void close() {
        // Connections are per call; nothing is held between calls.
    }

    /**
     * Starts a read-only transaction that sees one snapshot: SQLite's deferred transactions do; on
     * PostgreSQL it takes repeatable read (read committed would see a prune that commits between
     * two queries).
     */
    private void beginRead(Connection c) throws SQLException {
        c.setAutoCommit(false);
        if (dialect == Dialect.POSTGRESQL) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Map<String, String> tags(PreparedStatement ps, String id) throws SQLException {
        ps.setString(1, id);
        Map<String, String> tags = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.put(rs.getString(1), rs.getString(2));
            }
        }
        return tags;
    }

    static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
