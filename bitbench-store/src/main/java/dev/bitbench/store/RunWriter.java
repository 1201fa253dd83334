package dev.bitbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.SystemInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes one run into an open transaction: the run row, its tags, benchmarks, metrics and samples,
 * all with batched inserts. The caller commits or rolls back.
 */
class RunWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    private final boolean recordNames;

    /**
     * @param recordNames whether to add new benchmark ids to {@code benchmark_names} (schema V2 on;
     *     {@code false} only to write into a V1 database in tests)
     */
    RunWriter(boolean recordNames) {
        this.recordNames = recordNames;
    }

    void write(Connection c, RunResult run, Instant storedAt) throws SQLException {
        // Only the run and system objects are kept as JSON; the benchmarks go to their own tables.
        ObjectNode tree = RunResultJson.toTree(new RunResult(run.run(), run.system(), List.of()));
        SystemInfo system = run.system();
        long started = EpochNanos.of(run.run().started());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (id, started_ns, finished_ns, profile, seed,"
                + " status, platform, host, jdk, git_sha, git_branch, git_dirty, run_json, system_json, stored_ns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, run.run().id());
            ps.setLong(2, started);
            ps.setLong(3, EpochNanos.of(run.run().finished()));
            ps.setString(4, run.run().profile());
            ps.setLong(5, run.run().seed());
            ps.setString(6, run.run().status().json());
            ps.setString(7, system.platform());
            ps.setString(8, HostFingerprint.of(system));
            ps.setString(9, system.jvm().vendor() + " " + system.jvm().version());
            ps.setString(10, run.run().git().sha());
            ps.setString(11, run.run().git().branch());
            if (run.run().git().dirty() == null) {
                ps.setNull(12, Types.BOOLEAN);
            } else {
                ps.setBoolean(12, run.run().git().dirty());
            }
            ps.setString(13, text(tree.get("run")));
            ps.setString(14, text(tree.get("system")));
            ps.setLong(15, EpochNanos.of(storedAt));
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO run_tags (run_id, tag_key, tag_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> tag : run.run().tags().entrySet()) {
                ps.setString(1, run.run().id());
                ps.setString(2, tag.getKey());
                ps.setString(3, tag.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (recordNames) {
            recordNames(c, run);
        }
        writeBenchmarks(c, run, started);
    }

    /** Sorted, so that concurrent writers take the rows' locks in one order and cannot deadlock. */
    private static void recordNames(Connection c, RunResult run) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        run.benchmarks().forEach(b -> ids.add(b.id()));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO benchmark_names (bench_id) VALUES (?) ON CONFLICT (bench_id) DO NOTHING")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeBenchmarks(Connection c, RunResult run, long started) throws SQLException {
        String runId = run.run().id();
        String platform = run.system().platform();
        try (PreparedStatement bs = c.prepareStatement("INSERT INTO benchmarks (run_id, ord, bench_id, grp, op,"
                        + " backend, dtype, params_json, status, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement ms = c.prepareStatement("INSERT INTO metrics (run_id, bench_ord, ord, bench_id,"
                        + " metric, platform, started_ns, unit, better, n, mean, median, stddev, min_value, max_value,"
                        + " p50, p95, p99, ci_level, ci_low, ci_high)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement ss = c.prepareStatement(
                        "INSERT INTO samples (run_id, bench_ord, metric_ord, n, data) VALUES (?, ?, ?, ?, ?)")) {
            int ord = 0;
            for (BenchmarkResult b : run.benchmarks()) {
                bs.setString(1, runId);
                bs.setInt(2, ord);
                bs.setString(3, b.id());
                bs.setString(4, b.group());
                bs.setString(5, b.op());
                bs.setString(6, b.backend());
                bs.setString(7, b.dtype());
                bs.setString(8, text(JSON.valueToTree(b.params())));
                bs.setString(9, b.status().json());
                bs.setString(10, b.error());
                bs.addBatch();
                int mord = 0;
                for (Map.Entry<String, Metric> e : b.metrics().entrySet()) {
                    Metric m = e.getValue();
                    int i = 1;
                    ms.setString(i++, runId);
                    ms.setInt(i++, ord);
                    ms.setInt(i++, mord);
                    ms.setString(i++, b.id());
                    ms.setString(i++, e.getKey());
                    ms.setString(i++, platform);
                    ms.setLong(i++, started);
                    ms.setString(i++, m.unit());
                    ms.setString(i++, m.better().json());
                    ms.setInt(i++, m.n());
                    ms.setDouble(i++, m.mean());
                    ms.setDouble(i++, m.median());
                    ms.setDouble(i++, m.stddev());
                    ms.setDouble(i++, m.min());
                    ms.setDouble(i++, m.max());
                    ms.setDouble(i++, m.p50());
                    ms.setDouble(i++, m.p95());
                    ms.setDouble(i++, m.p99());
                    ms.setDouble(i++, m.ci().level());
                    ms.setDouble(i++, m.ci().low());
                    ms.setDouble(i, m.ci().high());
                    ms.addBatch();
                    ss.setString(1, runId);
                    ss.setInt(2, ord);
                    ss.setInt(3, mord);
                    ss.setInt(4, m.n());
                    ss.setBytes(5, SampleCodec.encode(m.samples()));
                    ss.addBatch();
                    mord++;
                }
                ord++;
            }
            // Parents before children: the foreign keys are checked per statement.
            bs.executeBatch();
            ms.executeBatch();
            ss.executeBatch();
        }
    }

    private static String text(JsonNode node) {
        return node.toString();
    }
}
