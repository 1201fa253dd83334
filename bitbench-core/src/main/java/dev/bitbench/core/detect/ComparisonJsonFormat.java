package dev.bitbench.core.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The comparison as JSON, schema {@value #SCHEMA}:
 *
 * <pre>{@code
 * { "schema": "bitbench/comparison/v1",
 *   "settings": { "seed", "resamples", "confidence_level", "q", "min_samples" },
 *   "summary": { "total", "CRITICAL", "WARNING", "IMPROVEMENT", "STABLE", "INCONCLUSIVE", "NEW",
 *                "MISSING", "blocking_critical", "blocking_warning" },
 *   "results": [ { "id", "metric", "unit", "direction": "lower|higher", "kind",
 *                  "baseline_median", "current_median", "ratio", "change_pct", "regression_pct",
 *                  "ci": { "level", "low", "high" } | null, "p_value", "p_adjusted",
 *                  "level", "method": "statistical|threshold|none", "blocking",
 *                  "baseline_samples", "current_samples",
 *                  "thresholds": { "warning_percent", "critical_percent" }, "note" } ] }
 * }</pre>
 *
 * Numbers that do not apply, and infinite ones (a zero baseline), are {@code null}; {@code
 * blocking_critical} / {@code blocking_warning} count the comparisons that fail a gate at that level.
 * Results keep the report's order (benchmark id, then metric). Output is indented, UTF-8 text.
 */
public final class ComparisonJsonFormat implements ComparisonFormat {

    /** The schema name written in every document. */
    public static final String SCHEMA = "bitbench/comparison/v1";

    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String format(ComparisonReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as a Jackson tree, e.g. to embed it in another document. */
    public ObjectNode tree(ComparisonReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        DetectorConfig config = report.config();
        ObjectNode settings = root.putObject("settings");
        settings.put("seed", config.seed());
        settings.put("resamples", config.resamples());
        settings.put("confidence_level", config.confidenceLevel());
        settings.put("q", config.q());
        settings.put("min_samples", config.minSamples());
        ObjectNode summary = root.putObject("summary");
        summary.put("total", report.comparisons().size());
        for (Map.Entry<Level, Integer> e : report.counts().entrySet()) {
            summary.put(e.getKey().name(), e.getValue());
        }
        summary.put("blocking_critical", report.blocking(Level.CRITICAL).size());
        summary.put("blocking_warning", report.blocking(Level.WARNING).size());
        var results = root.putArray("results");
        for (Comparison c : report.comparisons()) {
            ObjectNode r = results.addObject();
            r.put("id", c.benchmarkId());
            r.put("metric", c.metric());
            r.put("unit", c.unit());
            r.put("direction", c.direction().json());
            r.put("kind", c.kind().json());
            number(r, "baseline_median", c.baselineMedian());
            number(r, "current_median", c.currentMedian());
            number(r, "ratio", c.ratio());
            number(r, "change_pct", c.changePct());
            number(r, "regression_pct", c.regressionPct());
            if (c.ci() == null) {
                r.putNull("ci");
            } else {
                ObjectNode ci = r.putObject("ci");
                ci.put("level", c.ci().level());
                number(ci, "low", c.ci().low());
                number(ci, "high", c.ci().high());
            }
            number(r, "p_value", c.pValue());
            number(r, "p_adjusted", c.pAdjusted());
            r.put("level", c.level().name());
            r.put("method", c.method().json());
            r.put("blocking", c.blocking());
            r.put("baseline_samples", c.baselineSamples());
            r.put("current_samples", c.currentSamples());
            ObjectNode thresholds = r.putObject("thresholds");
            thresholds.put("warning_percent", c.warningPercent());
            thresholds.put("critical_percent", c.criticalPercent());
            r.put("note", c.note());
        }
        return root;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
