package dev.bitbench.core.detect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a thresholds document (JSON text or an already parsed tree, e.g. the {@code thresholds} member
 * of {@code baselines.json}) into {@link Thresholds}. Pure: the caller reads the file.
 *
 * <p>Form (every member optional; percentages are numbers {@code >= 0} of regression, i.e. of
 * the worse direction):
 *
 * <pre>{@code
 * {
 *   "schema": "bitbench/thresholds/v1",
 *   "warning":  { "throughput_decrease_percent": 8,  "latency_increase_percent": 15,
 *                 "memory_increase_percent": 10,     "accuracy_decrease_percent": 0.5 },
 *   "critical": { "throughput_decrease_percent": 15, "latency_increase_percent": 25,
 *                 "memory_increase_percent": 20,     "accuracy_decrease_percent": 1 },
 *   "metrics": {
 *     "memory": { "blocking": false },                        // a kind: throughput|time|latency|memory|accuracy
 *     "alloc":  { "warning_percent": 5, "critical_percent": 10 } // otherwise a metric name
 *   },
 *   "benchmarks": {
 *     "kernels.matmul/*": { "warning_percent": 5, "critical_percent": 10 },
 *     "inference.*": { "blocking": false,
 *                      "warning": { "latency_increase_percent": 20 },
 *                      "metrics": { "time": { "critical_percent": 40 } } }
 *   }
 * }
 * }</pre>
 *
 * <p>{@code time_increase_percent} is accepted for {@code latency_increase_percent}. Within one scope,
 * a critical value below the warning value is an error. Unknown keys, wrong types, negative or
 * non-finite numbers, a wrong {@code schema} and text that is not JSON all raise {@link
 * InvalidThresholdsException} naming the field and the expected form. Resolution order: {@link
 * Thresholds}.
 */
public final class ThresholdsFile {

    /** The schema name a thresholds document may declare. */
    public static final String SCHEMA = "bitbench/thresholds/v1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> ROOT_KEYS = Set.of("schema", "warning", "critical", "metrics", "benchmarks");
    private static final Set<String> METRIC_KEYS = Set.of("warning_percent", "critical_percent", "blocking");
    private static final Set<String> BENCHMARK_KEYS =
            Set.of("warning_percent", "critical_percent", "blocking", "warning", "critical", "metrics");
    private static final String KIND_KEYS = "throughput_decrease_percent, latency_increase_percent, "
            + "memory_increase_percent, accuracy_decrease_percent";

    private ThresholdsFile() {}

    /**
     * Parses JSON text.
     *
     * @throws InvalidThresholdsException if the text is not JSON or not a valid thresholds document
     */
    public static Thresholds parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() == null
                    ? ""
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InvalidThresholdsException("$", "not valid JSON (" + reason + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidThresholdsException("$", "empty document, expected a JSON object");
        }
        return fromJson(root);
    }

    /**
     * Reads an already parsed document.
     *
     * @throws InvalidThresholdsException if it is not a valid thresholds document
     */
    public static Thresholds fromJson(JsonNode root) {
        requireObject(root, "$", "an object with members " + new TreeSet<>(ROOT_KEYS));
        requireKnownKeys(root, "$", ROOT_KEYS);
        JsonNode schema = root.get("schema");
        if (schema != null && !(schema.isTextual() && schema.asText().equals(SCHEMA))) {
            throw new InvalidThresholdsException("$.schema", "expected \"" + SCHEMA + "\", got " + schema);
        }
        Map<MetricKind, Double> warning = kindPercents(root.get("warning"), "$.warning");
        Map<MetricKind, Double> critical = kindPercents(root.get("critical"), "$.critical");
        for (MetricKind kind : MetricKind.values()) {
            double w = warning.getOrDefault(kind, kind.defaultWarningPercent());
            double c = critical.getOrDefault(kind, kind.defaultCriticalPercent());
            if (c < w) {
                throw new InvalidThresholdsException(
                        "$.critical." + kind.thresholdKey(),
                        "critical " + c + " is below warning " + w + "; expected critical >= warning");
            }
        }
        List<Thresholds.Override> overrides = new ArrayList<>();
        metricOverrides(root.get("metrics"), "$.metrics", null, overrides);
        JsonNode benchmarks = root.get("benchmarks");
        if (benchmarks != null) {
            requireObject(benchmarks, "$.benchmarks", "an object mapping benchmark globs to threshold entries");
            for (Iterator<Map.Entry<String, JsonNode>> it = benchmarks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "$.benchmarks[\"" + e.getKey() + "\"]";
                if (e.getKey().isBlank()) {
                    throw new InvalidThresholdsException(path, "expected a non-blank benchmark glob");
                }
                JsonNode entry = e.getValue();
                requireObject(entry, path, "an object with members " + new TreeSet<>(BENCHMARK_KEYS));
                requireKnownKeys(entry, path, BENCHMARK_KEYS);
                Double w = percent(entry.get("warning_percent"), path + ".warning_percent");
                Double c = percent(entry.get("critical_percent"), path + ".critical_percent");
                requireOrdered(w, c, path);
                var glob = Thresholds.glob(e.getKey());
                overrides.add(new Thresholds.Override(
                        glob,
                        null,
                        false,
                        w,
                        c,
                        kindPercents(entry.get("warning"), path + ".warning"),
                        kindPercents(entry.get("critical"), path + ".critical"),
                        bool(entry.get("blocking"), path + ".blocking")));
                metricOverrides(entry.get("metrics"), path + ".metrics", glob, overrides);
            }
        }
        return Thresholds.of(warning, critical, overrides);
    }

    private static void metricOverrides(JsonNode metrics, String path, Pattern glob, List<Thresholds.Override> out) {
        if (metrics == null) {
            return;
        }
        requireObject(metrics, path, "an object mapping metric or kind names to threshold entries");
        List<Thresholds.Override> byKind = new ArrayList<>();
        List<Thresholds.Override> byName = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String entryPath = path + "[\"" + key + "\"]";
            if (key.isBlank()) {
                throw new InvalidThresholdsException(entryPath, "expected a non-blank metric or kind name");
            }
            JsonNode entry = e.getValue();
            requireObject(entry, entryPath, "an object with members " + new TreeSet<>(METRIC_KEYS));
            requireKnownKeys(entry, entryPath, METRIC_KEYS);
            Double w = percent(entry.get("warning_percent"), entryPath + ".warning_percent");
            Double c = percent(entry.get("critical_percent"), entryPath + ".critical_percent");
            requireOrdered(w, c, entryPath);
            boolean isKind = !key.endsWith("_percent") && MetricKind.fromKeyOrName(key) != null;
            Thresholds.Override o = new Thresholds.Override(
                    glob, key, isKind, w, c, Map.of(), Map.of(), bool(entry.get("blocking"), entryPath + ".blocking"));
            (isKind ? byKind : byName).add(o);
        }
        out.addAll(byKind);
        out.addAll(byName);
    }

    private static Map<MetricKind, Double> kindPercents(JsonNode node, String path) {
        Map<MetricKind, Double> out = new EnumMap<>(MetricKind.class);
        if (node == null) {
            return out;
        }
        requireObject(node, path, "an object with members " + KIND_KEYS);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            MetricKind kind = e.getKey().endsWith("_percent") ? MetricKind.fromKeyOrName(e.getKey()) : null;
            if (kind == null) {
                throw new InvalidThresholdsException(
                        path + "." + e.getKey(), "unknown key; expected one of " + KIND_KEYS);
            }
            if (out.put(kind, percent(e.getValue(), path + "." + e.getKey())) != null) {
                throw new InvalidThresholdsException(
                        path + "." + e.getKey(), "duplicate of another key for " + kind.json());
            }
        }
        return out;
    }

    private static Double percent(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < 0.0) {
            throw new InvalidThresholdsException(path, "expected a number of percent >= 0 (e.g. 15), got " + node);
        }
        return node.asDouble();
    }

    private static Boolean bool(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidThresholdsException(path, "expected true or false, got " + node);
        }
        return node.asBoolean();
    }

    private static void requireOrdered(Double warning, Double critical, String path) {
        if (warning != null && critical != null && critical < warning) {
            throw new InvalidThresholdsException(
                    path + ".critical_percent",
                    "critical " + critical + " is below warning_percent " + warning + "; expected critical >= warning");
        }
    }

    private static void requireObject(JsonNode node, String path, String expected) {
        if (node == null || !node.isObject()) {
            throw new InvalidThresholdsException(
                    path,
                    "expected " + expected + ", got "
                            + (node == null
                                    ? "nothing"
                                    : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
    }

    private static void requireKnownKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InvalidThresholdsException(
                        path + "." + key, "unknown key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }
}
