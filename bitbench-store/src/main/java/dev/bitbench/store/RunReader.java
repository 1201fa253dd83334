package dev.bitbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.ConfidenceInterval;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one stored run back as the {@link RunResult} that was stored, samples included. */
final class RunReader {
    private RunReader() {}

    static Optional<RunResult> read(Connection c, String id) throws SQLException {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        try (PreparedStatement ps = c.prepareStatement("SELECT run_json, system_json FROM runs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                tree.put("schema", RunResult.SCHEMA);
                tree.set("run", parse(rs.getString(1), id));
                tree.set("system", parse(rs.getString(2), id));
                tree.putArray("benchmarks");
            }
        }
        RunResult head;
        try {
            head = RunResultJson.fromTree(tree, "stored run " + id);
        } catch (InvalidResultException e) {
            throw new StoreException("stored run " + id + " is damaged: " + e.getMessage(), e);
        }
        List<Map<String, Metric>> metrics = readMetrics(c, id);
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ord, bench_id, grp, op, backend, dtype, params_json,"
                + " status, error FROM benchmarks WHERE run_id = ? ORDER BY ord")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ord = rs.getInt(1);
                    Map<String, String> params = params(rs.getString(7), id);
                    Map<String, Metric> m = ord < metrics.size() ? metrics.get(ord) : Map.of();
                    benchmarks.add(new BenchmarkResult(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            params,
                            BenchmarkStatus.parse(rs.getString(8)),
                            rs.getString(9),
                            m == null ? Map.of() : m));
                }
            }
        }
        return Optional.of(new RunResult(head.run(), head.system(), benchmarks));
    }

    /** Metrics by benchmark position, each in stored order. */
    private static List<Map<String, Metric>> readMetrics(Connection c, String id) throws SQLException {
        List<Map<String, Metric>> byBenchmark = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.bench_ord, m.metric, m.unit, m.better, m.n, m.mean,"
                + " m.median, m.stddev, m.min_value, m.max_value, m.p50, m.p95, m.p99, m.ci_level, m.ci_low,"
                + " m.ci_high, s.n, s.data FROM metrics m JOIN samples s ON s.run_id = m.run_id"
                + " AND s.bench_ord = m.bench_ord AND s.metric_ord = m.ord"
                + " WHERE m.run_id = ? ORDER BY m.bench_ord, m.ord")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ord = rs.getInt(1);
                    while (byBenchmark.size() <= ord) {
                        byBenchmark.add(null);
                    }
                    if (byBenchmark.get(ord) == null) {
                        byBenchmark.set(ord, new LinkedHashMap<>());
                    }
                    String name = rs.getString(2);
                    String where = "run " + id + " benchmark #" + ord + " metric " + name;
                    double[] samples = SampleCodec.decode(rs.getBytes(18), rs.getInt(17), where);
                    Metric metric = new Metric(
                            rs.getString(3),
                            Direction.parse(rs.getString(4)),
                            samples,
                            rs.getInt(5),
                            rs.getDouble(6),
                            rs.getDouble(7),
                            rs.getDouble(8),
                            rs.getDouble(9),
                            rs.getDouble(10),
                            rs.getDouble(11),
                            rs.getDouble(12),
                            rs.getDouble(13),
                            new ConfidenceInterval(rs.getDouble(14), rs.getDouble(15), rs.getDouble(16)));
                    byBenchmark.get(ord).put(name, metric);
                }
            }
        }
        return byBenchmark;
    }

    private static JsonNode parse(String json, String id) {
        try {
            return RunWriter.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored run " + id + " is damaged: invalid JSON column", e);
        }
    }

    private static Map<String, String> params(String json, String id) {
        try {
            return RunWriter.JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new StoreException("stored run " + id + " is damaged: invalid benchmark params", e);
        }
    }
}
