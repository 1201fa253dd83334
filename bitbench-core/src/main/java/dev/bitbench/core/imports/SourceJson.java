package dev.bitbench.core.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bitbench.core.result.InvalidResultException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON value of another tool's output, read with its JSON path so that every mismatch becomes
 * an {@link InvalidResultException} naming the file, the path (e.g. {@code
 * $[2].primaryMetric.rawData[0][1]}) and the expected value.
 *
 * <p>Unlike the reader of our own schema this one ignores unknown fields: the tools add fields
 * from version to version. {@code NaN} and {@code Infinity} tokens are parsed (Python's {@code
 * json} writes them) so that they can be rejected at their field with a precise message.
 */
final class SourceJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String source;
    private final String path;
    private final JsonNode node;

    SourceJson(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /**
     * Parses a whole file as one JSON document.
     *
     * @throws InvalidResultException if the file is empty or not JSON
     */
    static SourceJson read(Path file) throws IOException {
        String source = file.toString();
        return new SourceJson(source, "$", parse(Files.readAllBytes(file), source));
    }

    static JsonNode parse(String text, String source) {
        return parse(text.getBytes(StandardCharsets.UTF_8), source);
    }

    /** Parses UTF-8 bytes (faster than a String for large files: no char inflation). */
    static JsonNode parse(byte[] utf8, String source) {
        if (isBlank(utf8)) {
            throw new InvalidResultException(source, "$", "a JSON document", "an empty file");
        }
        try {
            return MAPPER.readTree(utf8);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidResultException(
                    source, "$", "valid JSON", "a syntax error" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read in-memory JSON of " + source, e);
        }
    }

    private static boolean isBlank(byte[] utf8) {
        for (byte b : utf8) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    String source() {
        return source;
    }

    String path() {
        return path;
    }

    JsonNode node() {
        return node;
    }

    InvalidResultException error(String expected) {
        return new InvalidResultException(source, path, expected, describe(node));
    }

    /** Requires this value to be an object. */
    SourceJson requireObject() {
        if (!node.isObject()) {
            throw error("an object");
        }
        return this;
    }

    /** The elements of this value, which must be an array of at least {@code minSize}. */
    List<SourceJson> elements(int minSize) {
        String expected = minSize == 0 ? "an array" : "an array of at least " + minSize + " element(s)";
        if (!node.isArray() || node.size() < minSize) {
            throw error(expected);
        }
        List<SourceJson> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new SourceJson(source, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** The field names of this object, in document order. */
    List<String> fieldNames() {
        requireObject();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** A field that must be present (it may be JSON null). */
    SourceJson field(String name, String expected) {
        requireObject();
        JsonNode v = node.get(name);
        if (v == null) {
            throw new InvalidResultException(source, path + "." + name, expected, "no such field");
        }
        return new SourceJson(source, path + "." + name, v);
    }

    /** A field that may be absent or null: then {@code null}. */
    SourceJson optional(String name) {
        requireObject();
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : new SourceJson(source, path + "." + name, v);
    }

    SourceJson object(String name) {
        return field(name, "an object").requireObject();
    }

    String text(String name) {
        return field(name, "a non-empty string").asText();
    }

    /** An optional string field, {@code null} when absent, null or blank. */
    String textOrNull(String name) {
        SourceJson v = optional(name);
        if (v == null) {
            return null;
        }
        if (!v.node.isTextual()) {
            throw v.error("a string or null");
        }
        return v.node.asText().isBlank() ? null : v.node.asText();
    }

    /** This value as a non-empty string. */
    String asText() {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw error("a non-empty string");
        }
        return node.asText();
    }

    double number(String name) {
        return field(name, "a finite number").asNumber();
    }

    /** This value as a finite number. */
    double asNumber() {
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw error("a finite number");
        }
        return node.asDouble();
    }

    long integer(String name, long min) {
        SourceJson v = field(name, "an integer >= " + min);
        if (!v.node.isIntegralNumber() || !v.node.canConvertToLong() || v.node.asLong() < min) {
            throw v.error("an integer >= " + min);
        }
        return v.node.asLong();
    }

    /** A field holding an array of at least {@code minSize} finite numbers. */
    double[] numbers(String name, int minSize) {
        return field(name, "an array of finite numbers").asNumbers(minSize);
    }

    double[] asNumbers(int minSize) {
        String expected = "an array of at least " + minSize + " finite number" + (minSize == 1 ? "" : "s");
        if (!node.isArray() || node.size() < minSize) {
            throw error(expected);
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SourceJson(source, path + "[" + i + "]", node.get(i)).asNumber();
        }
        return out;
    }

    /** A scalar (string, number or boolean) as text, for parameters; {@code null} for others. */
    String scalarText() {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return null;
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return n.isEmpty() ? "an empty array" : "an array of " + n.size();
        }
        String text = n.isTextual() ? "\"" + n.asText() + "\"" : n.asText();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
