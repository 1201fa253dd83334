package dev.bitbench.report;

import dev.bitbench.core.Direction;
import dev.bitbench.core.changepoint.ChangePoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark metric on one platform over stored runs, with the change points found in its
 * medians: one chart of a report's trend section.
 *
 * @param benchmarkId benchmark id
 * @param metric metric name
 * @param platform platform key of the runs
 * @param unit unit of every value
 * @param better which way the metric improves
 * @param points the runs' values, oldest first, at least one
 * @param changes change points in index order, each index within {@code [1, points.size() - 1]}
 */
public record TrendChart(
        String benchmarkId,
        String metric,
        String platform,
        String unit,
        Direction better,
        List<Point> points,
        List<ChangePoint> changes) {

    /**
     * One run's value.
     *
     * @param runId the run
     * @param started when it started
     * @param gitSha its commit, or {@code null}
     * @param median the median of its samples
     * @param ciLow lower bound of the median's confidence interval
     * @param ciHigh upper bound of the median's confidence interval
     */
    public record Point(String runId, Instant started, String gitSha, double median, double ciLow, double ciHigh) {
        /** Requires the run id and start. */
        public Point {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(started, "started");
        }

        /** When the run started, to the second, e.g. {@code 2026-11-23T14:02:21Z}. */
        public String startedSeconds() {
            return started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }

        /** The first seven characters of the commit, or {@code ""} when unknown. */
        public String shortSha() {
            return gitSha == null ? "" : gitSha.substring(0, Math.min(7, gitSha.length()));
        }
    }

    /** Validates names, at least one point, and change-point indices inside the series. */
    public TrendChart {
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(better, "better");
        points = List.copyOf(points);
        changes = List.copyOf(changes);
        if (points.isEmpty()) {
            throw new IllegalArgumentException(benchmarkId + " " + metric + ": a trend needs at least one point");
        }
        for (ChangePoint c : changes) {
            if (c.index() >= points.size()) {
                throw new IllegalArgumentException(benchmarkId + " " + metric + ": change point index " + c.index()
                        + " is outside the " + points.size() + " points");
            }
        }
    }

    /** The first run after {@code change}. */
    public Point at(ChangePoint change) {
        return points.get(change.index());
    }

    /**
     * The change in percent of the segment means, positive when the metric got worse (slower, less
     * throughput, …) whatever its direction.
     */
    public double worsePercent(ChangePoint change) {
        return 100 * (better == Direction.LOWER ? change.magnitude() : -change.magnitude());
    }
}
