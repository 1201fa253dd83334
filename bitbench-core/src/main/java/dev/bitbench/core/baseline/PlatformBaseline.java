package dev.bitbench.core.baseline;

import dev.bitbench.core.detect.MetricSamples;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every benchmark baseline of one platform (e.g. {@code linux-x86_64}), sorted by benchmark id; JSON
 * {@code {"benchmarks": {id: BenchmarkBaseline}}}.
 *
 * @param benchmarks benchmark id to its baseline; may be empty
 */
public record PlatformBaseline(Map<String, BenchmarkBaseline> benchmarks) {

    /** Validates ids and copies into id order. */
    public PlatformBaseline {
        Objects.requireNonNull(benchmarks, "benchmarks");
        benchmarks.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("benchmark ids must not be blank");
            }
            Objects.requireNonNull(v, () -> "benchmark " + k);
        });
        benchmarks = Collections.unmodifiableMap(new TreeMap<>(benchmarks));
    }

    /** The detector's baseline input: one value per benchmark and metric, by id then metric. */
    public List<MetricSamples> toMetricSamples() {
        List<MetricSamples> out = new ArrayList<>();
        benchmarks.forEach((id, b) -> b.metrics().forEach((name, m) -> out.add(m.toMetricSamples(id, name))));
        return out;
    }

    /**
     * The detector's baseline input for comparing with {@code current}: as {@link #toMetricSamples()},
     * except that a metric whose unit is unknown (empty, as inferred from a BitNet.rs-style name such
     * as {@code accuracy_score}) takes the unit of the current metric it is paired with, so the two
     * are compared rather than reported as having different units.
     */
    public List<MetricSamples> toMetricSamples(List<MetricSamples> current) {
        Map<MetricSamples.Key, String> units = new java.util.HashMap<>();
        current.forEach(m -> units.put(m.key(), m.unit()));
        List<MetricSamples> out = new ArrayList<>();
        for (MetricSamples m : toMetricSamples()) {
            String unit = units.get(m.key());
            out.add(
                    m.unit().isEmpty() && unit != null
                            ? new MetricSamples(
                                    m.benchmarkId(), m.metric(), unit, m.direction(), m.samples(), m.median())
                            : m);
        }
        return out;
    }

    /**
     * This platform with the benchmarks of {@code replacement} whose id matches {@code selected}
     * put in place of (or added to) the current ones; every other benchmark is kept as it is.
     */
    public PlatformBaseline replacing(PlatformBaseline replacement, Predicate<String> selected) {
        Map<String, BenchmarkBaseline> merged = new TreeMap<>(benchmarks);
        replacement.benchmarks.forEach((id, b) -> {
            if (selected.test(id)) {
                merged.put(id, b);
            }
        });
        return new PlatformBaseline(merged);
    }

    /** Number of metrics over all benchmarks. */
    public int metricCount() {
        return benchmarks.values().stream().mapToInt(b -> b.metrics().size()).sum();
    }
}
