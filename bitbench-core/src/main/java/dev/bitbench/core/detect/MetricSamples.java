package dev.bitbench.core.detect;

import dev.bitbench.core.Direction;
import java.util.Arrays;
import java.util.Objects;

/**
 * One metric of one benchmark as the detector sees it: the neutral input of {@link
 * RegressionDetector}, built by whoever reads run files, baselines or imported results.
 *
 * <p>Either per-iteration samples are known ({@link #of}), or only one summary number ({@link
 * #summary}, e.g. a baseline file that keeps a median only). A value that has samples is compared
 * statistically when both sides have at least {@link DetectorConfig#minSamples()} of them.
 *
 * @param benchmarkId stable benchmark id, e.g. {@code kernels.matmul/simd/f32/1024x1024}; not blank
 * @param metric metric name within the benchmark, e.g. {@code time}, {@code throughput}; not blank
 * @param unit unit as written by the producer, e.g. {@code ms/op}, {@code ops/s}; may be empty
 * @param direction which way the metric improves
 * @param samples finite per-iteration values (a defensive copy; empty for a summary-only value)
 * @param median the median of {@code samples}, or the summary number; finite
 */
public record MetricSamples(
        String benchmarkId, String metric, String unit, Direction direction, double[] samples, double median) {

    public MetricSamples {
        requireNotBlank(benchmarkId, "benchmarkId");
        requireNotBlank(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        samples = Objects.requireNonNull(samples, "samples").clone();
        for (double v : samples) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        benchmarkId + " " + metric + ": sample " + v + " is not a finite number");
            }
        }
        if (!Double.isFinite(median)) {
            throw new IllegalArgumentException(benchmarkId + " " + metric + ": median " + median + " is not finite");
        }
    }

    /**
     * A metric with per-iteration samples; the median is computed from them.
     *
     * @param samples at least one finite value
     */
    public static MetricSamples of(
            String benchmarkId, String metric, String unit, Direction direction, double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException(
                    benchmarkId + " " + metric + ": no samples (use summary() for a single number)");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
        return new MetricSamples(benchmarkId, metric, unit, direction, samples, median);
    }

    /** A metric known only by one summary number (taken as its median); compared by thresholds. */
    public static MetricSamples summary(
            String benchmarkId, String metric, String unit, Direction direction, double value) {
        return new MetricSamples(benchmarkId, metric, unit, direction, new double[0], value);
    }

    /** The samples, as a copy. */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** Number of samples; 0 for a summary-only value. */
    public int sampleCount() {
        return samples.length;
    }

    /** The samples without copying, for the detector only. */
    double[] samplesView() {
        return samples;
    }

    /** The key that pairs a baseline value with a current one. */
    public Key key() {
        return new Key(benchmarkId, metric);
    }

    /** Benchmark id and metric name: what is compared with what. Ordered by id, then metric. */
    public record Key(String benchmarkId, String metric) implements Comparable<Key> {
        public Key {
            Objects.requireNonNull(benchmarkId, "benchmarkId");
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public int compareTo(Key other) {
            int c = benchmarkId.compareTo(other.benchmarkId);
            return c != 0 ? c : metric.compareTo(other.metric);
        }

        @Override
        public String toString() {
            return benchmarkId + " [" + metric + "]";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSamples other
                && benchmarkId.equals(other.benchmarkId)
                && metric.equals(other.metric)
                && unit.equals(other.unit)
                && direction == other.direction
                && Arrays.equals(samples, other.samples)
                && Double.compare(median, other.median) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(benchmarkId, metric, unit, direction, Arrays.hashCode(samples), median);
    }

    @Override
    public String toString() {
        return "MetricSamples[" + benchmarkId + " " + metric + " " + unit + " " + direction.json() + " n="
                + samples.length + " median=" + median + "]";
    }

    private static void requireNotBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
