package dev.bitbench.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses configuration values from text, shared by the config file, the environment and the
 * command line so that each gives the same error: an {@link InvalidConfigException} naming the
 * source, the key and the expected form. Pure.
 */
public final class ConfigValues {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private ConfigValues() {}

    /** A profile name. */
    public static Profile profile(String source, String key, String value) {
        try {
            return Profile.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source, key, "one of " + Profile.names(), quote(value));
        }
    }

    /** Canonical operation names, duplicates removed, at least one. */
    public static List<String> operations(String source, String key, List<String> values) {
        return names(
                source,
                key,
                values,
                ConfigVocabulary::operation,
                "operations from " + String.join(", ", ConfigVocabulary.OPERATIONS));
    }

    /** Canonical data types, duplicates removed, at least one. */
    public static List<String> dataTypes(String source, String key, List<String> values) {
        return names(
                source,
                key,
                values,
                ConfigVocabulary::dataType,
                "data types from " + String.join(", ", ConfigVocabulary.DATA_TYPES));
    }

    /** Canonical device names, duplicates removed, at least one. */
    public static List<String> devices(String source, String key, List<String> values) {
        return names(
                source,
                key,
                values,
                ConfigVocabulary::device,
                "devices from " + String.join(", ", ConfigVocabulary.devices()));
    }

    /** Backend names (lower-case identifiers such as {@code scalar}, {@code simd}), at least one. */
    public static List<String> backends(String source, String key, List<String> values) {
        return names(
                source,
                key,
                values,
                v -> NAME.matcher(v.trim()).matches() ? v.trim() : null,
                "backend names such as " + String.join(", ", ConfigVocabulary.CPU_BACKENDS));
    }

    /** Tensor sizes from text, at least one. */
    public static List<TensorSize> sizes(String source, String key, List<String> values) {
        if (values.isEmpty()) {
            throw new InvalidConfigException(source, key, "at least one " + TensorSize.FORM, "none");
        }
        List<TensorSize> out = new ArrayList<>();
        for (String v : values) {
            try {
                TensorSize s = TensorSize.parse(v);
                if (!out.contains(s)) {
                    out.add(s);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(source, key, TensorSize.FORM, quote(v));
            }
        }
        return List.copyOf(out);
    }

    /** A duration such as {@code 30s}. */
    public static Duration duration(String source, String key, String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source, key, DurationText.FORM, quote(value));
        }
    }

    /** A whole number in {@code [min, max]}. */
    public static long integer(String source, String key, String value, long min, long max) {
        String expected = max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        try {
            long v = Long.parseLong(value == null ? "" : value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigException(source, key, expected, quote(value));
    }

    /** {@code true/false}, {@code 1/0}, {@code yes/no}. */
    public static boolean bool(String source, String key, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidConfigException(source, key, "true or false (or 1 or 0)", quote(value));
        };
    }

    /** A regular expression that compiles. */
    public static String regex(String source, String key, String value) {
        try {
            Pattern.compile(value);
            return value;
        } catch (PatternSyntaxException | NullPointerException e) {
            throw new InvalidConfigException(source, key, "a valid regular expression", quote(value));
        }
    }

    /** A JDBC URL ({@code jdbc:...}). */
    public static String jdbcUrl(String source, String key, String value) {
        if (value == null || !value.trim().startsWith("jdbc:") || value.trim().length() <= "jdbc:".length()) {
            throw new InvalidConfigException(
                    source, key, "a JDBC URL like jdbc:sqlite:.bitbench/history.db", quote(value));
        }
        return value.trim();
    }

    /** Tags from {@code key=value} items; a later item wins for the same key. */
    public static Map<String, String> tags(String source, String key, List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item == null ? -1 : item.indexOf('=');
            if (eq <= 0 || item.substring(0, eq).isBlank()) {
                throw new InvalidConfigException(source, key, "a tag of the form key=value", quote(item));
            }
            out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return out;
    }

    private static List<String> names(
            String source,
            String key,
            List<String> values,
            java.util.function.UnaryOperator<String> canonical,
            String expected) {
        if (values.isEmpty()) {
            throw new InvalidConfigException(source, key, "a non-empty list of " + expected, "an empty list");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String c = v == null ? null : canonical.apply(v);
            if (c == null) {
                throw new InvalidConfigException(source, key, expected, quote(v));
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    static String quote(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }
}
