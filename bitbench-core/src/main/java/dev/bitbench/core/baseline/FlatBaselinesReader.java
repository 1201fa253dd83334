package dev.bitbench.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the BitNet.rs-style baselines file, so projects that keep one can use BitBench's checker as
 * it is:
 *
 * <pre>{@code
 * { "baselines": { "linux-x86_64": { "rust_implementation": {
 *       "throughput_tokens_per_second": 125.3, "latency_p50_ms": 89.2,
 *       "memory_usage_mb": 1024.5, "accuracy_score": 0.9987 } } },
 *   "thresholds": { "critical": { "throughput_decrease_percent": 15, ... }, "warning": { ... } } }
 * }</pre>
 *
 * <p>Each platform maps implementation names (read as benchmark ids) to flat metrics, each a single
 * number: a baseline without samples, so the detector compares it by thresholds. Unit and direction
 * come from the metric name ({@link MetricNameInference}); a name that says neither is an error
 * naming the field. The members {@code version}, {@code description}, {@code last_updated} and
 * {@code metadata} at the root are accepted and ignored; any other is an error.
 */
final class FlatBaselinesReader {

    private static final Set<String> IGNORED = Set.of("version", "description", "last_updated", "metadata");

    private FlatBaselinesReader() {}

    static Baselines read(StrictNode doc) {
        String source = doc.source();
        StrictNode platformsNode = doc.object("baselines");
        JsonNode thresholds = doc.optional("thresholds");
        IGNORED.forEach(doc::optional);
        doc.end();
        Map<String, PlatformBaseline> platforms = new LinkedHashMap<>();
        for (String key : platformsNode.keys()) {
            if (!key.matches(Baselines.PLATFORM_PATTERN)) {
                throw new InvalidBaselinesException(
                        source, platformsNode.pathOf(key), "a platform key such as linux-x86_64", key);
            }
            StrictNode implementations = platformsNode.object(key);
            Map<String, BenchmarkBaseline> benchmarks = new LinkedHashMap<>();
            for (String implementation : implementations.keys()) {
                StrictNode metricsNode = implementations.object(implementation);
                Map<String, BaselineMetric> metrics = new LinkedHashMap<>();
                for (String name : metricsNode.keys()) {
                    String path = metricsNode.pathOf(name);
                    double value = metricsNode.finite(name);
                    MetricNameInference.Inferred inferred = MetricNameInference.infer(name)
                            .orElseThrow(() -> new InvalidBaselinesException(
                                    source,
                                    path,
                                    "a metric name that says its direction (with a word such as throughput,"
                                            + " per_second, latency, time, memory, accuracy, score, error or"
                                            + " loss, or a unit suffix such as _ms or _mb)",
                                    "\"" + name + "\""));
                    metrics.put(name, BaselineMetric.ofValue(inferred.unit(), inferred.direction(), value));
                }
                if (metrics.isEmpty()) {
                    throw new InvalidBaselinesException(
                            source, metricsNode.path(), "at least one metric", "an empty object");
                }
                benchmarks.put(implementation, new BenchmarkBaseline(null, null, null, List.of(), metrics));
            }
            platforms.put(key, new PlatformBaseline(benchmarks));
        }
        return new Baselines(platforms, BaselinesJson.thresholds(source, thresholds));
    }
}
