package dev.bitbench.core.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.InvalidThresholdsException;
import dev.bitbench.core.result.AtomicFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code baselines.json}, schema {@value #SCHEMA}:
 *
 * <pre>{@code
 * { "schema": "bitbench/baselines/v1",
 *   "platforms": {
 *     "linux-x86_64": {
 *       "benchmarks": {
 *         "kernels.matmul/simd/f32/256x256": {
 *           "created": "2026-11-23T11:00:00Z", "git_sha": "f8fe249" | null, "jdk": "17.0.15" | null,
 *           "runs": ["20261123T101233Z-f8fe249"],
 *           "metrics": { "time": { "unit": "ms/op", "better": "lower",
 *                                  "median": 1.25, "samples": [1.24, 1.25, 1.27] } } } } } },
 *   "thresholds": { ... }   // optional, the form of ThresholdsFile
 * }
 * }</pre>
 *
 * <p>Reading is strict: unknown members, a missing or mistyped field, a non-finite number (JSON has
 * none, and {@code NaN} tokens are rejected), an unknown direction, a platform key not of the form
 * {@code <os>-<arch>} and text that is not JSON each raise {@link InvalidBaselinesException} naming the
 * file, the JSON path and the expected value. An empty {@code samples} array means a single-number
 * baseline (the median alone).
 *
 * <p>A document without {@code "schema"} whose root has {@code "baselines"} is read as the
 * BitNet.rs-style flat form by {@link FlatBaselinesReader}. Writing always produces {@value #SCHEMA},
 * atomically ({@link AtomicFileWriter}).
 */
public final class BaselinesJson {

    /** The schema identifier written and accepted: {@value}. */
    public static final String SCHEMA = "bitbench/baselines/v1";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private BaselinesJson() {}

    /**
     * Reads and validates a baselines file of either form.
     *
     * @throws IOException if the file cannot be read
     * @throws InvalidBaselinesException if the content is not a valid baselines document
     */
    public static Baselines read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses and validates a baselines document of either form.
     *
     * @param source name used in error messages, e.g. the file name
     * @throws InvalidBaselinesException if the text is not a valid baselines document
     */
    public static Baselines parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() == null
                    ? "malformed"
                    : e.getOriginalMessage().lines().findFirst().orElse("malformed");
            throw new InvalidBaselinesException(source, "$", "a JSON document", "invalid JSON (" + reason + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidBaselinesException(source, "$", "a JSON object", "an empty file");
        }
        StrictNode doc = StrictNode.object(source, "$", root);
        if (!root.has("schema") && root.has("baselines")) {
            return FlatBaselinesReader.read(doc);
        }
        String schema = doc.text("schema");
        if (!SCHEMA.equals(schema)) {
            throw new InvalidBaselinesException(
                    source,
                    "$.schema",
                    "\"" + SCHEMA + "\" (or a BitNet.rs-style file with \"baselines\")",
                    "\"" + schema + "\"");
        }
        Map<String, PlatformBaseline> platforms = new LinkedHashMap<>();
        StrictNode platformsNode = doc.object("platforms");
        for (String key : platformsNode.keys()) {
            String path = platformsNode.pathOf(key);
            if (!key.matches(Baselines.PLATFORM_PATTERN)) {
                throw new InvalidBaselinesException(source, path, "a platform key such as linux-x86_64", key);
            }
            StrictNode platform = platformsNode.object(key);
            StrictNode benchmarksNode = platform.object("benchmarks");
            platform.end();
            Map<String, BenchmarkBaseline> benchmarks = new LinkedHashMap<>();
            for (String id : benchmarksNode.keys()) {
                benchmarks.put(id, benchmark(benchmarksNode.object(id)));
            }
            platforms.put(key, new PlatformBaseline(benchmarks));
        }
        JsonNode thresholds = doc.optional("thresholds");
        doc.end();
        return new Baselines(platforms, thresholds(source, thresholds));
    }

    private static BenchmarkBaseline benchmark(StrictNode node) {
        Instant created = null;
        String createdText = node.nullableText("created");
        if (createdText != null) {
            try {
                created = Instant.parse(createdText);
            } catch (DateTimeParseException e) {
                throw node.invalid("created", "an ISO-8601 instant such as 2026-11-23T11:00:00Z, or null", createdText);
            }
        }
        String gitSha = node.nullableText("git_sha");
        String jdk = node.nullableText("jdk");
        List<String> runs = node.textArray("runs");
        StrictNode metricsNode = node.object("metrics");
        node.end();
        Map<String, BaselineMetric> metrics = new LinkedHashMap<>();
        for (String name : metricsNode.keys()) {
            StrictNode m = metricsNode.object(name);
            String unit = m.text("unit");
            String better = m.text("better");
            Direction direction;
            try {
                direction = Direction.parse(better);
            } catch (IllegalArgumentException e) {
                throw m.invalid("better", "\"higher\" or \"lower\"", "\"" + better + "\"");
            }
            double median = m.finite("median");
            double[] samples = m.finiteArray("samples");
            m.end();
            metrics.put(name, new BaselineMetric(unit, direction, median, samples));
        }
        if (metrics.isEmpty()) {
            throw new InvalidBaselinesException(
                    node.source(), metricsNode.path(), "at least one metric", "an empty object");
        }
        return new BenchmarkBaseline(created, gitSha, jdk, runs, metrics);
    }

    static JsonNode thresholds(String source, JsonNode thresholds) {
        if (thresholds == null) {
            return null;
        }
        try {
            dev.bitbench.core.detect.ThresholdsFile.fromJson(thresholds);
        } catch (InvalidThresholdsException e) {
            throw new InvalidBaselinesException(
                    source, "$.thresholds" + e.field().substring(1), "valid thresholds", e.getMessage());
        }
        return thresholds;
    }

    /** The document as pretty JSON text ending in a newline. */
    public static String toJson(Baselines baselines) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode platforms = root.putObject("platforms");
        baselines.platforms().forEach((key, platform) -> {
            ObjectNode benchmarks = platforms.putObject(key).putObject("benchmarks");
            platform.benchmarks().forEach((id, b) -> {
                ObjectNode entry = benchmarks.putObject(id);
                entry.put("created", b.created() == null ? null : b.created().toString());
                entry.put("git_sha", b.gitSha());
                entry.put("jdk", b.jdk());
                ArrayNode runs = entry.putArray("runs");
                b.runs().forEach(runs::add);
                ObjectNode metrics = entry.putObject("metrics");
                b.metrics().forEach((name, m) -> {
                    ObjectNode metric = metrics.putObject(name);
                    metric.put("unit", m.unit());
                    metric.put("better", m.better().json());
                    metric.put("median", m.median());
                    ArrayNode samples = metric.putArray("samples");
                    for (double v : m.samples()) {
                        samples.add(v);
                    }
                });
            });
        });
        if (baselines.thresholds() != null) {
            root.set("thresholds", baselines.thresholds().deepCopy());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document to {@code file} atomically, creating parent directories. */
    public static void write(Baselines baselines, Path file) throws IOException {
        AtomicFileWriter.write(file, toJson(baselines));
    }

    /** Helper for the list of keys in file order. */
    static List<String> keysOf(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
