package dev.bitbench.cli.ab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.TrialOutcome;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;

/**
 * An {@code ab} report as JSON, schema {@code bitbench/ab/v1}: the setup, one entry per comparison
 * and one per trial (round, slot, benchmark, version, lane, start, end, seconds, values or error), so
 * a reader can see what ran when. Non-finite numbers are written as {@code null}.
 */
public final class AbJsonFormat implements AbFormat {

    /** The schema identifier: {@value}. */
    public static final String SCHEMA = "bitbench/ab/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(AbReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
        root.put("profile", r.profile());
        root.put("seed", r.seed());
        root.set("baseline", version(r.baseline()));
        root.set("candidate", version(r.candidate()));
        root.put("pinned", r.pinned());
        root.put("started_at", r.startedAt().toString());
        root.put("ended_at", r.endedAt().toString());
        root.put("rounds_planned", r.roundsPlanned());
        root.put("rounds_completed", r.roundsCompleted());
        root.put("partial", r.partial());
        ArrayNode comparisons = root.putArray("comparisons");
        for (PairedComparison c : r.comparisons()) {
            ObjectNode n = comparisons.addObject();
            n.put("benchmark", c.benchmarkId());
            n.put("metric", c.metric());
            n.put("unit", c.unit());
            n.put("better", c.direction().json());
            n.put("kind", c.kind().json());
            n.put("level", c.level().name());
            n.put("method", c.statistical() ? "paired" : "threshold");
            n.put("pairs", c.rounds());
            number(n, "baseline_median", c.baselineMedian());
            number(n, "candidate_median", c.candidateMedian());
            number(n, "median_ratio", c.medianRatio());
            number(n, "ratio_ci_low", c.ratioLow());
            number(n, "ratio_ci_high", c.ratioHigh());
            number(n, "regression_pct", c.regressionPct());
            number(n, "regression_ci_low_pct", c.regressionLowPct());
            number(n, "regression_ci_high_pct", c.regressionHighPct());
            number(n, "p_value", c.pValue());
            number(n, "p_adjusted", c.pAdjusted());
            n.put("warning_pct", c.warningPercent());
            n.put("critical_pct", c.criticalPercent());
            n.put("blocking", c.blocking());
        }
        ArrayNode trials = root.putArray("trials");
        for (TrialOutcome o : r.trials()) {
            ObjectNode n = trials.addObject();
            n.put("round", o.trial().round());
            n.put("slot", o.trial().slot());
            n.put("benchmark", o.trial().benchmarkId());
            n.put("version", o.trial().arm().label());
            n.put("lane", o.trial().lane());
            n.put("started_at", o.startedAt().toString());
            n.put("ended_at", o.endedAt().toString());
            n.put("seconds", Duration.between(o.startedAt(), o.endedAt()).toMillis() / 1000.0);
            if (o.succeeded()) {
                ObjectNode values = n.putObject("values");
                for (TrialOutcome.Value v : o.values()) {
                    values.put(v.metric(), v.value());
                }
            } else {
                n.put("error", o.error());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode version(Version v) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("label", v.label());
        ArrayNode program = n.putArray("program");
        v.program().forEach(program::add);
        n.put("java", v.java());
        ArrayNode options = n.putArray("jvm_options");
        v.jvmOptions().forEach(options::add);
        ObjectNode environment = n.putObject("environment");
        new java.util.TreeMap<>(v.environment()).forEach(environment::put);
        return n;
    }

    private static void number(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, value);
        } else {
            n.putNull(field);
        }
    }
}
