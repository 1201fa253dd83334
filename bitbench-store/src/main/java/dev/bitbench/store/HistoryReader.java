package dev.bitbench.store;

import dev.bitbench.core.Direction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads metric series: the benchmark glob is matched in Java against {@code benchmark_names}, then
 * each matching benchmark's points come from one range of the index {@code metrics_history (bench_id,
 * metric, platform, started_ns)}.
 */
final class HistoryReader {
    private HistoryReader() {}

    static List<HistoryPoint> read(Connection c, HistoryQuery q) throws SQLException {
        BenchmarkGlob glob = q.benchmarkGlob() == null ? null : BenchmarkGlob.of(q.benchmarkGlob());
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT bench_id FROM benchmark_names ORDER BY bench_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (glob == null || glob.matches(id)) {
                    names.add(id);
                }
            }
        }
        StringBuilder sql = new StringBuilder("SELECT m.bench_id, m.metric, m.platform, m.run_id, m.started_ns,"
                + " r.git_sha, r.git_branch, m.unit, m.better, m.n, m.median, m.mean, m.stddev, m.ci_level,"
                + " m.ci_low, m.ci_high FROM metrics m JOIN runs r ON r.id = m.run_id WHERE m.bench_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(null);
        if (q.metric() != null) {
            sql.append(" AND m.metric = ?");
            args.add(q.metric());
        }
        if (q.platform() != null) {
            sql.append(" AND m.platform = ?");
            args.add(q.platform());
        }
        if (q.since() != null) {
            sql.append(" AND m.started_ns >= ?");
            args.add(EpochNanos.of(q.since()));
        }
        if (q.branch() != null) {
            sql.append(" AND r.git_branch = ?");
            args.add(q.branch());
        }
        sql.append(" ORDER BY m.metric, m.platform, m.started_ns, m.run_id");
        List<HistoryPoint> points = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (String name : names) {
                args.set(0, name);
                RunStore.bind(ps, args);
                List<HistoryPoint> series = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        HistoryPoint p = new HistoryPoint(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                EpochNanos.toInstant(rs.getLong(5)),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                Direction.parse(rs.getString(9)),
                                rs.getInt(10),
                                rs.getDouble(11),
                                rs.getDouble(12),
                                rs.getDouble(13),
                                rs.getDouble(14),
                                rs.getDouble(15),
                                rs.getDouble(16));
                        if (!series.isEmpty() && !series.get(series.size() - 1).sameSeries(p)) {
                            addWindow(points, series, q.window());
                            series.clear();
                        }
                        series.add(p);
                    }
                }
                addWindow(points, series, q.window());
            }
        }
        return points;
    }

    private static void addWindow(List<HistoryPoint> out, List<HistoryPoint> series, int window) {
        int from = window == 0 ? 0 : Math.max(0, series.size() - window);
        out.addAll(series.subList(from, series.size()));
    }
}
