package dev.bitbench.core.result;

import dev.bitbench.core.Direction;
import dev.bitbench.core.stats.SampleSummary;
import java.util.Arrays;
import java.util.Objects;

/**
 * One measured quantity of a benchmark with its unit, direction, every sample and their summary;
 * JSON {@code {"unit", "better", "samples", "n", "mean", "median", "stddev", "min", "max", "p50",
 * "p95", "p99", "ci"}}. Build it with {@link #of} so the summary matches the samples; the canonical
 * constructor is for readers of stored results.
 *
 * @param unit the unit of every number here, e.g. {@code "ms/op"}, {@code "GFLOPS"}, {@code
 *     "B/op"}; not blank
 * @param better which way the metric improves
 * @param samples the per-iteration (or per-request) measurements, at least one, all finite; the
 *     accessor returns a copy
 * @param n {@code samples.length}
 * @param mean arithmetic mean
 * @param median the 0.5 quantile
 * @param stddev sample standard deviation ({@code n - 1}), {@code >= 0}
 * @param min smallest sample
 * @param max largest sample
 * @param p50 the 0.50 quantile
 * @param p95 the 0.95 quantile
 * @param p99 the 0.99 quantile
 * @param ci confidence interval of the median
 * @see SampleSummary for the percentile and interval definitions
 */
public record Metric(
        String unit,
        Direction better,
        double[] samples,
        int n,
        double mean,
        double median,
        double stddev,
        double min,
        double max,
        double p50,
        double p95,
        double p99,
        ConfidenceInterval ci) {

    /**
     * Validates: samples non-empty and finite, {@code n == samples.length}, every statistic finite,
     * {@code min <= p50 <= p95 <= p99 <= max}, {@code min <= mean, median <= max}, {@code stddev >=
     * 0}; copies the samples.
     */
    public Metric {
        Objects.requireNonNull(unit, "unit");
        if (unit.isBlank()) {
            throw new IllegalArgumentException("metric unit must not be blank");
        }
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(ci, "ci");
        if (samples.length == 0) {
            throw new IllegalArgumentException("metric samples must not be empty");
        }
        samples = samples.clone();
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                throw new IllegalArgumentException("samples[" + i + "] is not finite: " + samples[i]);
            }
        }
        if (n != samples.length) {
            throw new IllegalArgumentException("n must equal the number of samples " + samples.length + ", was " + n);
        }
        double[] stats = {mean, median, stddev, min, max, p50, p95, p99};
        for (double s : stats) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("metric statistics must be finite, were " + Arrays.toString(stats));
            }
        }
        if (!(min <= p50 && p50 <= p95 && p95 <= p99 && p99 <= max)
                || !(min <= mean && mean <= max)
                || !(min <= median && median <= max)
                || stddev < 0) {
            throw new IllegalArgumentException(
                    "metric statistics inconsistent (need min <= p50 <= p95 <= p99 <= max, min <= mean, median <= max,"
                            + " stddev >= 0), were mean " + mean + ", median " + median + ", stddev " + stddev
                            + ", min " + min + ", max " + max + ", p50 " + p50 + ", p95 " + p95 + ", p99 " + p99);
        }
    }

    /**
     * A metric whose statistics are computed from the samples by {@link SampleSummary#of}; its
     * {@code ci} is the 95% order-statistic interval of the median.
     *
     * @throws IllegalArgumentException if the samples are empty or not all finite, or the unit blank
     */
    public static Metric of(String unit, Direction better, double... samples) {
        SampleSummary s = SampleSummary.of(Objects.requireNonNull(samples, "samples"));
        return new Metric(
                unit,
                better,
                samples,
                s.n(),
                s.mean(),
                s.median(),
                s.stddev(),
                s.min(),
                s.max(),
                s.p50(),
                s.p95(),
                s.p99(),
                new ConfidenceInterval(SampleSummary.CI_LEVEL, s.ciLow(), s.ciHigh()));
    }

    /** A copy of the samples. */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** Compares every component, the samples by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m
                && unit.equals(m.unit)
                && better == m.better
                && Arrays.equals(samples, m.samples)
                && n == m.n
                && Double.compare(mean, m.mean) == 0
                && Double.compare(median, m.median) == 0
                && Double.compare(stddev, m.stddev) == 0
                && Double.compare(min, m.min) == 0
                && Double.compare(max, m.max) == 0
                && Double.compare(p50, m.p50) == 0
                && Double.compare(p95, m.p95) == 0
                && Double.compare(p99, m.p99) == 0
                && ci.equals(m.ci);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                unit, better, Arrays.hashCode(samples), n, mean, median, stddev, min, max, p50, p95, p99, ci);
    }

    @Override
    public String toString() {
        return "Metric[unit=" + unit + ", better=" + better.json() + ", n=" + n + ", median=" + median + ", mean="
                + mean + ", stddev=" + stddev + ", min=" + min + ", max=" + max + ", p95=" + p95 + ", p99=" + p99
                + ", ci=" + ci + ", samples=" + Arrays.toString(samples) + "]";
    }
}
