package dev.bitbench.cli.history;

import dev.bitbench.core.Direction;
import dev.bitbench.core.changepoint.ChangePoint;
import dev.bitbench.core.changepoint.ChangePointDetector;
import dev.bitbench.report.TrendChart;
import dev.bitbench.store.HistoryPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark metric on one platform over time, with the change points found in its medians.
 *
 * @param points the runs' values, oldest first, at least one
 * @param changes change points in index order; empty when detection was not asked for or found
 *     nothing
 */
public record TrendSeries(List<HistoryPoint> points, List<Change> changes) {

    /**
     * A change point located in the history.
     *
     * @param at the first run after the change
     * @param cp the detector's result
     */
    public record Change(HistoryPoint at, ChangePoint cp) {
        /** The change in percent, positive when the metric got worse (slower, less throughput, …). */
        public double worsePercent(Direction better) {
            return 100 * (better == Direction.LOWER ? cp.magnitude() : -cp.magnitude());
        }
    }

    public HistoryPoint first() {
        return points.get(0);
    }

    public double[] medians() {
        return points.stream().mapToDouble(HistoryPoint::median).toArray();
    }

    /** Splits the store's points (grouped by series) into series, detecting change points when a detector is given. */
    public static List<TrendSeries> of(List<HistoryPoint> all, ChangePointDetector detector) {
        List<TrendSeries> out = new ArrayList<>();
        List<HistoryPoint> current = new ArrayList<>();
        for (HistoryPoint p : all) {
            if (!current.isEmpty() && !current.get(0).sameSeries(p)) {
                out.add(build(current, detector));
                current = new ArrayList<>();
            }
            current.add(p);
        }
        if (!current.isEmpty()) {
            out.add(build(current, detector));
        }
        return out;
    }

    /** This series as a chart of a report's trend section. */
    public TrendChart chart() {
        HistoryPoint f = first();
        return new TrendChart(
                f.benchmarkId(),
                f.metric(),
                f.platform(),
                f.unit(),
                f.better(),
                points.stream()
                        .map(p -> new TrendChart.Point(
                                p.runId(), p.started(), p.gitSha(), p.median(), p.ciLow(), p.ciHigh()))
                        .toList(),
                changes.stream().map(Change::cp).toList());
    }

    private static TrendSeries build(List<HistoryPoint> points, ChangePointDetector detector) {
        List<Change> changes = new ArrayList<>();
        if (detector != null) {
            double[] medians = points.stream().mapToDouble(HistoryPoint::median).toArray();
            for (ChangePoint cp : detector.detect(medians)) {
                changes.add(new Change(points.get(cp.index()), cp));
            }
        }
        return new TrendSeries(List.copyOf(points), List.copyOf(changes));
    }
}
