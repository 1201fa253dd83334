package dev.bitbench.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object read field by field with its JSON path, turning every mismatch into an {@link
 * InvalidResultException}. {@link #end()} rejects fields that were never asked for.
 */
final class StrictJsonObject {

    private final String source;
    private final String path;
    private final JsonNode node;
    private final Set<String> seen = new HashSet<>();

    private StrictJsonObject(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /** The node at {@code path} as an object, or an error naming what it is instead. */
    static StrictJsonObject of(String source, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidResultException(source, path, "an object", describe(node));
        }
        return new StrictJsonObject(source, path, node);
    }

    String path() {
        return path;
    }

    String pathOf(String name) {
        return path + "." + name;
    }

    InvalidResultException error(String name, String expected, JsonNode found) {
        return new InvalidResultException(source, name == null ? path : pathOf(name), expected, describe(found));
    }

    /** The raw value of a required field (may be a JSON null). */
    JsonNode required(String name, String expected) {
        seen.add(name);
        JsonNode v = node.get(name);
        if (v == null) {
            throw new InvalidResultException(source, pathOf(name), expected, "no such field");
        }
        return v;
    }

    StrictJsonObject object(String name) {
        return of(source, pathOf(name), required(name, "an object"));
    }

    /** A nested object, or {@code null} for a JSON null. */
    StrictJsonObject objectOrNull(String name) {
        JsonNode v = required(name, "an object or null");
        return v.isNull() ? null : of(source, pathOf(name), v);
    }

    String text(String name) {
        JsonNode v = required(name, "a non-empty string");
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(name, "a non-empty string", v);
        }
        return v.asText();
    }

    /** A required string, possibly empty. */
    String string(String name) {
        JsonNode v = required(name, "a string");
        if (!v.isTextual()) {
            throw error(name, "a string", v);
        }
        return v.asText();
    }

    String textOrNull(String name) {
        JsonNode v = required(name, "a string or null");
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(name, "a string or null", v);
        }
        return v.asText();
    }

    /** A required string restricted to {@code choices}. */
    String choice(String name, String... choices) {
        String expected = "one of \"" + String.join("\", \"", choices) + "\"";
        JsonNode v = required(name, expected);
        if (v.isTextual()) {
            for (String c : choices) {
                if (c.equals(v.asText())) {
                    return c;
                }
            }
        }
        throw error(name, expected, v);
    }

    Boolean booleanOrNull(String name) {
        JsonNode v = required(name, "true, false or null");
        if (v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(name, "true, false or null", v);
        }
        return v.asBoolean();
    }

    long integer(String name, long min) {
        String expected = "an integer >= " + min;
        JsonNode v = required(name, expected);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min) {
            throw error(name, expected, v);
        }
        return v.asLong();
    }

    int intValue(String name, int min) {
        String expected = "an integer from " + min + " to " + Integer.MAX_VALUE;
        JsonNode v = required(name, expected);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw error(name, expected, v);
        }
        return v.asInt();
    }

    double number(String name) {
        JsonNode v = required(name, "a finite number");
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw error(name, "a finite number", v);
        }
        return v.asDouble();
    }

    /** A non-negative finite number. */
    double nonNegative(String name) {
        double d = number(name);
        if (d < 0) {
            throw error(name, "a number >= 0", node.get(name));
        }
        return d;
    }

    double[] numbers(String name, int minSize) {
        String expected = "an array of at least " + minSize + " finite number" + (minSize == 1 ? "" : "s");
        JsonNode v = required(name, expected);
        if (!v.isArray() || v.size() < minSize) {
            throw error(name, expected, v);
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                throw new InvalidResultException(source, pathOf(name) + "[" + i + "]", "a finite number", describe(e));
            }
            out[i] = e.asDouble();
        }
        return out;
    }

    List<String> strings(String name) {
        JsonNode v = required(name, "an array of strings");
        if (!v.isArray()) {
            throw error(name, "an array of strings", v);
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw new InvalidResultException(source, pathOf(name) + "[" + i + "]", "a string", describe(e));
            }
            out.add(e.asText());
        }
        return out;
    }

    /** An object whose every value is a string. */
    Map<String, String> stringMap(String name) {
        StrictJsonObject o = object(name);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<String> it = o.node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            JsonNode e = o.node.get(key);
            if (!e.isTextual()) {
                throw o.error(key, "a string", e);
            }
            out.put(key, e.asText());
        }
        return out;
    }

    /** Field names in document order; they count as seen. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        seen.addAll(names);
        return names;
    }

    /** Rejects any field that was not read. */
    void end() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!seen.contains(name)) {
                throw new InvalidResultException(
                        source, pathOf(name), "no such field in this object", "an unknown field");
            }
        }
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
        String text = n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
