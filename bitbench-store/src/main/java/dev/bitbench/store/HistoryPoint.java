package dev.bitbench.store;

import dev.bitbench.core.Direction;
import java.time.Instant;

/**
 * One run's value of one benchmark metric: a point of a trend. Points of one series share {@code
 * benchmarkId}, {@code metric} and {@code platform}.
 *
 * @param benchmarkId benchmark id
 * @param metric metric name
 * @param platform platform key of the run
 * @param runId the run
 * @param started when the run started
 * @param gitSha the run's commit, or {@code null}
 * @param gitBranch the run's branch, or {@code null}
 * @param unit unit of every number here
 * @param better which way the metric improves
 * @param n number of samples
 * @param median median of the samples
 * @param mean mean of the samples
 * @param stddev sample standard deviation
 * @param ciLevel level of the median's confidence interval
 * @param ciLow lower bound of the median's confidence interval
 * @param ciHigh upper bound of the median's confidence interval
 */
public record HistoryPoint(
        String benchmarkId,
        String metric,
        String platform,
        String runId,
        Instant started,
        String gitSha,
        String gitBranch,
        String unit,
        Direction better,
        int n,
        double median,
        double mean,
        double stddev,
        double ciLevel,
        double ciLow,
        double ciHigh) {

    /** Whether this point belongs to the same series as {@code other}. */
    public boolean sameSeries(HistoryPoint other) {
        return benchmarkId.equals(other.benchmarkId) && metric.equals(other.metric) && platform.equals(other.platform);
    }
}
