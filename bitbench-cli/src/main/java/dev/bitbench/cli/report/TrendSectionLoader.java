package dev.bitbench.cli.report;

import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.history.TrendSeries;
import dev.bitbench.core.changepoint.ChangePointDetector;
import dev.bitbench.report.TrendSection;
import dev.bitbench.store.HistoryPoint;
import dev.bitbench.store.HistoryQuery;
import dev.bitbench.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the trend section of a report from the history: the store's series for a {@link
 * HistoryQuery} (optionally only some benchmark ids), split and searched for change points by the
 * same {@link TrendSeries} as {@code bitbench trend}.
 *
 * <p>A SQLite history that does not exist is not created: that, like a query that matches nothing,
 * is a {@link UsageError} (exit 2); a store that cannot be opened or read is a one-line store error
 * (exit 1).
 */
final class TrendSectionLoader {
    private static final String SQLITE = "jdbc:sqlite:";

    private TrendSectionLoader() {}

    /**
     * The section.
     *
     * @param url JDBC URL of the history
     * @param query which series
     * @param onlyIds keep only these benchmark ids, or {@code null} for every id the query matches
     * @param detector change-point detector, or {@code null} to leave change points out
     * @param what the option that asked, for error messages, e.g. {@code --trend 'kernels.*'}
     */
    static TrendSection load(
            String url, HistoryQuery query, Set<String> onlyIds, ChangePointDetector detector, String what) {
        String scope = scope(query, onlyIds);
        if (url.startsWith(SQLITE)) {
            String file = url.substring(SQLITE.length());
            int q = file.indexOf('?');
            if (!Files.exists(Path.of(q < 0 ? file : file.substring(0, q)))) {
                throw new UsageError(what + ": no history at " + url
                        + " (bitbench run stores each run there; --db or BITBENCH_DB names another)");
            }
        }
        List<HistoryPoint> points;
        try (RunStore store = RunStore.open(url)) {
            points = store.history(query);
        }
        if (onlyIds != null) {
            points = new ArrayList<>(points);
            points.removeIf(p -> !onlyIds.contains(p.benchmarkId()));
        }
        if (points.isEmpty()) {
            throw new UsageError(what + ": no stored measurements match (" + scope + ") in "
                    + (url.startsWith(SQLITE) ? url : "the history"));
        }
        List<TrendSeries> series = TrendSeries.of(points, detector);
        return new TrendSection(scope, series.stream().map(TrendSeries::chart).toList(), detector != null);
    }

    /** What was selected, for a person: {@code benchmarks 'kernels.*', metric time, platform …}. */
    static String scope(HistoryQuery q, Set<String> onlyIds) {
        List<String> parts = new ArrayList<>();
        if (onlyIds != null) {
            parts.add("the run's " + onlyIds.size() + (onlyIds.size() == 1 ? " benchmark" : " benchmarks")
                    + (q.benchmarkGlob() == null ? "" : " matching '" + q.benchmarkGlob() + "'"));
        } else {
            parts.add(q.benchmarkGlob() == null ? "every benchmark" : "benchmarks '" + q.benchmarkGlob() + "'");
        }
        parts.add(q.metric() == null ? "every metric" : "metric " + q.metric());
        parts.add(q.platform() == null ? "every platform" : "platform " + q.platform());
        if (q.branch() != null) {
            parts.add("branch " + q.branch());
        }
        if (q.since() != null) {
            parts.add("since " + q.since());
        }
        if (q.window() > 0) {
            parts.add("newest " + q.window() + " runs");
        }
        return String.join(", ", parts);
    }
}
