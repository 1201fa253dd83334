package dev.bitbench.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --config FILE} JSON parser. It accepts the keys of the seed documents' comparison
 * config and BitBench's own run settings; any other key or a bad value is an {@link
 * InvalidConfigException} naming the file, the key and the expected form.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code tensor_sizes}</td><td>list of {@code [rows, cols]} (or {@code "512x512"})</td></tr>
 *   <tr><td>{@code warmup_iterations}</td><td>integer {@code >= 0}</td></tr>
 *   <tr><td>{@code measurement_iterations}</td><td>integer {@code >= 1}</td></tr>
 *   <tr><td>{@code operations}</td><td>list of {@link ConfigVocabulary#OPERATIONS}</td></tr>
 *   <tr><td>{@code devices}</td><td>list of {@code cpu} and other devices (recorded as skipped)</td></tr>
 *   <tr><td>{@code data_types}</td><td>list of {@link ConfigVocabulary#DATA_TYPES}</td></tr>
 *   <tr><td>{@code timeout}</td><td>{@code "500ms"}, {@code "30s"}, {@code "2m"}, {@code "1h"}</td></tr>
 *   <tr><td>{@code profile}</td><td>{@code smoke}, {@code quick}, {@code standard}, {@code thorough}</td></tr>
 *   <tr><td>{@code filter}</td><td>regular expression over benchmark ids</td></tr>
 *   <tr><td>{@code backends}</td><td>list of backend names</td></tr>
 *   <tr><td>{@code threads}</td><td>integer {@code >= 1}</td></tr>
 *   <tr><td>{@code seed}</td><td>integer</td></tr>
 *   <tr><td>{@code jvm}</td><td>path of a {@code java} executable</td></tr>
 *   <tr><td>{@code output_dir}</td><td>directory of run directories</td></tr>
 *   <tr><td>{@code db_url}</td><td>JDBC URL</td></tr>
 *   <tr><td>{@code store}</td><td>boolean</td></tr>
 *   <tr><td>{@code tags}</td><td>object of string values</td></tr>
 *   <tr><td>{@code deterministic}</td><td>boolean</td></tr>
 * </table>
 */
public final class ConfigFile {

    /** Every accepted key, in documentation order. */
    public static final List<String> KEYS = List.of(
            "tensor_sizes",
            "warmup_iterations",
            "measurement_iterations",
            "operations",
            "devices",
            "data_types",
            "timeout",
            "profile",
            "filter",
            "backends",
            "threads",
            "seed",
            "jvm",
            "output_dir",
            "db_url",
            "store",
            "tags",
            "deterministic");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ConfigFile() {}

    /**
     * Reads and validates a config file.
     *
     * @throws InvalidConfigException if the file is unreadable, not JSON, or has an unknown key or
     *     a bad value
     */
    public static RunConfigOverrides read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigException(file.toString(), "(file)", "a readable JSON file", e.toString());
        }
        return parse(text, file.toString());
    }

    /**
     * Parses and validates config JSON.
     *
     * @param source the name used in messages, e.g. the file path
     * @throws InvalidConfigException on anything not accepted
     */
    public static RunConfigOverrides parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidConfigException(source, "(document)", "valid JSON", "a syntax error" + where);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException(source, "(document)", "a JSON object of settings", describe(root));
        }
        RunConfigOverrides.Builder b = RunConfigOverrides.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            new Field(source, e.getKey(), e.getValue()).apply(b);
        }
        return b.build();
    }

    /** One key and its value. */
    private record Field(String source, String key, JsonNode value) {

        void apply(RunConfigOverrides.Builder b) {
            switch (key) {
                case "tensor_sizes" -> b.sizes(sizes());
                case "warmup_iterations" -> b.warmupIterations((int) integer(0, 1_000_000));
                case "measurement_iterations" -> b.measurementIterations((int) integer(1, 1_000_000));
                case "operations" -> b.operations(ConfigValues.operations(source, key, strings()));
                case "devices" -> b.devices(ConfigValues.devices(source, key, strings()));
                case "data_types" -> b.dataTypes(ConfigValues.dataTypes(source, key, strings()));
                case "timeout" -> b.timeout(ConfigValues.duration(source, key, text(DurationText.FORM)));
                case "profile" -> b.profile(ConfigValues.profile(source, key, text("one of " + Profile.names())));
                case "filter" -> b.filter(ConfigValues.regex(source, key, text("a regular expression")));
                case "backends" -> b.backends(ConfigValues.backends(source, key, strings()));
                case "threads" -> b.threads((int) integer(1, 65_536));
                case "seed" -> b.seed(integer(Long.MIN_VALUE, Long.MAX_VALUE));
                case "jvm" -> b.jvm(text("the path of a java executable"));
                case "output_dir" -> b.outputDir(Path.of(text("a directory path")));
                case "db_url" -> b.dbUrl(ConfigValues.jdbcUrl(source, key, text("a JDBC URL")));
                case "store" -> b.store(bool());
                case "tags" -> b.tags(tags());
                case "deterministic" -> b.deterministic(bool());
                default ->
                    throw new InvalidConfigException(
                            source, key, "a known key (" + String.join(", ", KEYS) + ")", "an unknown key");
            }
        }

        private String text(String expected) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw fail("a string: " + expected);
            }
            return value.asText();
        }

        private long integer(long min, long max) {
            String expected = min == Long.MIN_VALUE ? "an integer" : "an integer from " + min + " to " + max;
            if (!value.isIntegralNumber()
                    || !value.canConvertToLong()
                    || value.asLong() < min
                    || value.asLong() > max) {
                throw fail(expected);
            }
            return value.asLong();
        }

        private boolean bool() {
            if (!value.isBoolean()) {
                throw fail("true or false");
            }
            return value.asBoolean();
        }

        private List<String> strings() {
            if (!value.isArray()) {
                throw fail("a list of strings");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : value) {
                if (!e.isTextual()) {
                    throw fail("a list of strings");
                }
                out.add(e.asText());
            }
            return out;
        }

        private List<TensorSize> sizes() {
            String expected = "a non-empty list of [rows, cols] pairs of integers 1 to " + TensorSize.MAX;
            if (!value.isArray() || value.isEmpty()) {
                throw fail(expected);
            }
            List<TensorSize> out = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode e = value.get(i);
                try {
                    TensorSize size;
                    if (e.isTextual()) {
                        size = TensorSize.parse(e.asText());
                    } else if (e.isArray() && e.size() == 2 && isInt(e.get(0)) && isInt(e.get(1))) {
                        size = new TensorSize(e.get(0).asInt(), e.get(1).asInt());
                    } else {
                        throw new IllegalArgumentException();
                    }
                    if (!out.contains(size)) {
                        out.add(size);
                    }
                } catch (IllegalArgumentException ex) {
                    throw new InvalidConfigException(source, key + "[" + i + "]", expected, describe(e));
                }
            }
            return List.copyOf(out);
        }

        private static boolean isInt(JsonNode n) {
            return n.isIntegralNumber() && n.canConvertToInt();
        }

        private Map<String, String> tags() {
            if (!value.isObject()) {
                throw fail("an object of string values");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new InvalidConfigException(
                            source, key + "." + e.getKey(), "a string", describe(e.getValue()));
                }
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }

        private InvalidConfigException fail(String expected) {
            return new InvalidConfigException(source, key, expected, describe(value));
        }
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String text = n.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
