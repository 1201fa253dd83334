package dev.bitbench.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A JSON object of a baselines file read field by field with its JSON path; every mismatch becomes
 * an {@link InvalidBaselinesException}, and {@link #end()} rejects members never asked for.
 */
final class StrictNode {

    private final String source;
    private final String path;
    private final JsonNode node;
    private final Set<String> seen = new HashSet<>();

    private StrictNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    static StrictNode object(String source, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidBaselinesException(source, path, "an object", describe(node));
        }
        return new StrictNode(source, path, node);
    }

    String source() {
        return source;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? path + "." + key : path + "[\"" + key + "\"]";
    }

    /** Member names in file order; marks them all as seen (for free-form maps). */
    List<String> keys() {
        List<String> keys = BaselinesJson.keysOf(node);
        seen.addAll(keys);
        return keys;
    }

    JsonNode optional(String key) {
        seen.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(String key) {
        seen.add(key);
        JsonNode value = node.get(key);
        if (value == null) {
            throw new InvalidBaselinesException(source, pathOf(key), "a value", "nothing (the field is missing)");
        }
        return value;
    }

    StrictNode object(String key) {
        return object(source, pathOf(key), required(key));
    }

    String text(String key) {
        JsonNode value = required(key);
        if (!value.isTextual()) {
            throw new InvalidBaselinesException(source, pathOf(key), "a string", describe(value));
        }
        return value.asText();
    }

    String nullableText(String key) {
        JsonNode value = required(key);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidBaselinesException(source, pathOf(key), "a string or null", describe(value));
        }
        return value.asText();
    }

    double finite(String key) {
        return finite(required(key), pathOf(key));
    }

    double finite(JsonNode value, String at) {
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new InvalidBaselinesException(source, at, "a finite number", describe(value));
        }
        return value.asDouble();
    }

    double[] finiteArray(String key) {
        JsonNode value = required(key);
        if (!value.isArray()) {
            throw new InvalidBaselinesException(source, pathOf(key), "an array of finite numbers", describe(value));
        }
        double[] out = new double[value.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = finite(value.get(i), pathOf(key) + "[" + i + "]");
        }
        return out;
    }

    List<String> textArray(String key) {
        JsonNode value = required(key);
        if (!value.isArray()) {
            throw new InvalidBaselinesException(source, pathOf(key), "an array of strings", describe(value));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new InvalidBaselinesException(
                        source, pathOf(key) + "[" + i + "]", "a string", describe(value.get(i)));
            }
            out.add(value.get(i).asText());
        }
        return out;
    }

    InvalidBaselinesException invalid(String key, String expected, String found) {
        return new InvalidBaselinesException(source, pathOf(key), expected, found);
    }

    /** Rejects members that were never read. */
    void end() {
        for (String key : BaselinesJson.keysOf(node)) {
            if (!seen.contains(key)) {
                throw new InvalidBaselinesException(
                        source, pathOf(key), "one of the members " + sorted(seen), "an unknown member");
            }
        }
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> out = new ArrayList<>(keys);
        out.sort(null);
        return out;
    }

    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        if (node.isNumber() || node.isBoolean() || node.isNull()) {
            return node.toString();
        }
        if (node.isTextual()) {
            String t = node.asText();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
