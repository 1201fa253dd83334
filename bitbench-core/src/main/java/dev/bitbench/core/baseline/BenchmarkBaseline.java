package dev.bitbench.core.baseline;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The baseline of one benchmark on one platform, with where it came from; JSON {@code {"created",
 * "git_sha", "jdk", "runs", "metrics"}}.
 *
 * @param created when this baseline was made (ISO-8601 instant in JSON), or {@code null} when the
 *     source did not record it (a BitNet.rs-style file)
 * @param gitSha git commit of the newest run pooled into it, or {@code null} when unknown
 * @param jdk Java version of the newest run pooled into it (e.g. {@code 17.0.15}), or {@code null}
 *     when unknown
 * @param runs ids of the runs pooled into it, oldest first; empty when the source did not say
 * @param metrics metric name to its reference value, at least one, insertion order kept
 */
public record BenchmarkBaseline(
        Instant created, String gitSha, String jdk, List<String> runs, Map<String, BaselineMetric> metrics) {

    /** Validates and copies. */
    public BenchmarkBaseline {
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        Objects.requireNonNull(metrics, "metrics");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a benchmark baseline needs at least one metric");
        }
        metrics.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("metric names must not be blank");
            }
            Objects.requireNonNull(v, () -> "metric " + k);
        });
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
