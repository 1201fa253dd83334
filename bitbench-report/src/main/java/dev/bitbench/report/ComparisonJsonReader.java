package dev.bitbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.detect.ComparisonJsonFormat;
import dev.bitbench.core.detect.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code bitbench/comparison/v1} document ({@code comparison-results.json}, {@code
 * regression-analysis.json}, {@code compare --format json}) into a {@link ComparisonSummary}. Pure:
 * parses text, does no I/O.
 */
public final class ComparisonJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ComparisonJsonReader() {}

    /** Whether {@code tree} is a comparison document (its {@code schema} says so). */
    public static boolean isComparison(JsonNode tree) {
        return ComparisonJsonFormat.SCHEMA.equals(tree.path("schema").asText(null));
    }

    /**
     * The comparison in {@code json}.
     *
     * @param source names the input in error messages (a path)
     * @param baselineLabel what the baseline was, or null
     * @param currentLabel what the current side was, or null
     * @throws IllegalArgumentException naming the source, field and expected value when the text is
     *     not JSON or not a comparison document
     */
    public static ComparisonSummary read(String json, String source, String baselineLabel, String currentLabel) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getOriginalMessage());
        }
        return fromTree(tree, source, baselineLabel, currentLabel);
    }

    /** The comparison in an already parsed document; see {@link #read}. */
    public static ComparisonSummary fromTree(JsonNode tree, String source, String baselineLabel, String currentLabel) {
        if (!isComparison(tree)) {
            throw new IllegalArgumentException(source + ": field schema: expected \"" + ComparisonJsonFormat.SCHEMA
                    + "\", was " + tree.path("schema"));
        }
        JsonNode results = tree.path("results");
        if (!results.isArray()) {
            throw new IllegalArgumentException(source + ": field results: expected an array");
        }
        List<ComparisonEntry> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            String where = source + ": results[" + i + "]";
            Level level;
            try {
                level = Level.valueOf(text(r, "level", where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".level: expected one of CRITICAL, WARNING, IMPROVEMENT,"
                        + " STABLE, INCONCLUSIVE, NEW, MISSING, was " + r.path("level"));
            }
            entries.add(new ComparisonEntry(
                    text(r, "id", where),
                    text(r, "metric", where),
                    r.path("unit").asText(""),
                    level,
                    number(r, "baseline_median"),
                    number(r, "current_median"),
                    number(r, "change_pct"),
                    number(r, "regression_pct"),
                    number(r, "p_adjusted"),
                    r.path("note").isTextual() ? r.path("note").asText() : null));
        }
        return new ComparisonSummary(entries, baselineLabel, currentLabel);
    }

    private static String text(JsonNode r, String field, String where) {
        JsonNode v = r.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": expected a non-blank string, was " + v);
        }
        return v.asText();
    }

    private static double number(JsonNode r, String field) {
        JsonNode v = r.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
