package dev.bitbench.core.baseline;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.MetricSamples;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reference value of one metric of one benchmark: its median and, when known, every pooled
 * sample, JSON {@code {"unit", "better", "median", "samples"}}.
 *
 * <p>A metric with samples is compared statistically by the detector; one without (a single number,
 * e.g. from a BitNet.rs-style file) is compared by thresholds on the median only.
 *
 * @param unit unit of the median and samples, e.g. {@code ms/op}, {@code tokens/s}; may be empty for
 *     a unitless score
 * @param better which way the metric improves
 * @param median the median of {@code samples}, or the single reference number; finite
 * @param samples finite measurements pooled from the baseline runs, possibly empty; the accessor
 *     returns a copy
 */
public record BaselineMetric(String unit, Direction better, double median, double[] samples) {

    /** Validates finiteness and copies the samples. */
    public BaselineMetric {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(better, "better");
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException("baseline median " + median + " is not a finite number");
        }
        samples = Objects.requireNonNull(samples, "samples").clone();
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                throw new IllegalArgumentException("baseline samples[" + i + "] " + samples[i] + " is not finite");
            }
        }
    }

    /** A metric with samples; its median is computed from them (mean of the middle two for even counts). */
    public static BaselineMetric ofSamples(String unit, Direction better, double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("a baseline built from samples needs at least one");
        }
        return new BaselineMetric(unit, better, median(samples), samples);
    }

    /** A single reference number without samples. */
    public static BaselineMetric ofValue(String unit, Direction better, double value) {
        return new BaselineMetric(unit, better, value, new double[0]);
    }

    /** A copy of the samples; empty for a single-number baseline. */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** Number of samples, 0 for a single-number baseline. */
    public int sampleCount() {
        return samples.length;
    }

    /** This metric as the detector's input for {@code benchmarkId} and {@code metric}. */
    public MetricSamples toMetricSamples(String benchmarkId, String metric) {
        return samples.length == 0
                ? MetricSamples.summary(benchmarkId, metric, unit, better, median)
                : new MetricSamples(benchmarkId, metric, unit, better, samples, median);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BaselineMetric m
                && unit.equals(m.unit)
                && better == m.better
                && Double.compare(median, m.median) == 0
                && Arrays.equals(samples, m.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, better, median, Arrays.hashCode(samples));
    }

    @Override
    public String toString() {
        return "BaselineMetric[" + median + " " + unit + " " + better.json() + " n=" + samples.length + "]";
    }
}
