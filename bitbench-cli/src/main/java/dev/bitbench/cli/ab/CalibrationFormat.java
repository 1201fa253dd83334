package dev.bitbench.cli.ab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.core.ab.BenchmarkNoise;
import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.detect.Level;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * {@code calibration.json} (schema {@code bitbench/calibration/v1}, the A/A report of {@link
 * AbJsonFormat} under {@code "ab"}) and the Markdown section of a calibration.
 */
public final class CalibrationFormat {

    /** The schema identifier: {@value}. */
    public static final String SCHEMA = dev.bitbench.core.ab.CalibrationLimits.SCHEMA;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CalibrationFormat() {}

    /** The JSON document. */
    public static String json(CalibrationReport r) {
        try {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("schema", SCHEMA);
            root.put("rounds", r.ab().roundsCompleted());
            root.put("profile", r.ab().profile());
            root.put("mode", r.ab().mode().name().toLowerCase(Locale.ROOT));
            number(root, "observed_false_positive_rate", r.observedFalsePositiveRate());
            root.put("target_effect_pct", r.targetPercent());
            ArrayNode list = root.putArray("benchmarks");
            for (int i = 0; i < r.noise().size(); i++) {
                BenchmarkNoise n = r.noise().get(i);
                ObjectNode o = list.addObject();
                o.put("benchmark", n.benchmarkId());
                o.put("metric", n.metric());
                o.put("pairs", n.rounds());
                number(o, "cv_pct", n.cvPercent());
                number(o, "paired_cv_pct", n.pairedCvPercent());
                o.put("flagged_in_run", n.flaggedInRun());
                o.put("false_positive_rate", n.falsePositiveRate());
                number(o, "mde_pct", n.mdePercent());
                o.put("rounds_for_target", r.roundsForTarget().get(i));
                ArrayNode d = o.putArray("detection");
                for (BenchmarkNoise.ShiftDetection s : n.detection()) {
                    d.addObject().put("shift_pct", s.shiftPercent()).put("detected", s.detectedFraction());
                }
            }
            if (r.injectSelector() != null) {
                ObjectNode inj = root.putObject("injected");
                inj.put("selector", r.injectSelector());
                inj.put("slowdown_pct", r.injectPercent());
                ArrayNode v = inj.putArray("verdicts");
                for (PairedComparison c : r.injected()) {
                    ObjectNode o = v.addObject();
                    o.put("benchmark", c.benchmarkId());
                    o.put("metric", c.metric());
                    o.put("detected", detected(c));
                    o.put("level", c.level().name());
                    number(o, "regression_pct", c.regressionPct());
                    number(o, "p_adjusted", c.pAdjusted());
                }
            }
            root.set("ab", MAPPER.readTree(new AbJsonFormat().render(r.ab())));
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown section. */
    public static String markdown(CalibrationReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "## Noise calibration (%s, profile %s, %d A/A rounds%s)%n%n",
                r.ab().mode().name().toLowerCase(Locale.ROOT),
                r.ab().profile(),
                r.ab().roundsCompleted(),
                r.ab().partial() ? ", partial" : ""));
        out.append(
                        "| benchmark | metric | pairs | CV | paired CV | A/A flagged | FP rate (resampled) | MDE (95% power) |")
                .append(String.format(Locale.ROOT, " rounds for %.0f%% |%n", r.targetPercent()));
        out.append("|---|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (int i = 0; i < r.noise().size(); i++) {
            BenchmarkNoise n = r.noise().get(i);
            out.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %s | %d | %.1f%% | %.1f%% | %s | %.3f | %s | %d |%n",
                    n.benchmarkId(),
                    n.metric(),
                    n.rounds(),
                    n.cvPercent(),
                    n.pairedCvPercent(),
                    n.flaggedInRun() ? "yes" : "no",
                    n.falsePositiveRate(),
                    Double.isNaN(n.mdePercent()) ? "> 20%" : String.format(Locale.ROOT, "%.0f%%", n.mdePercent()),
                    r.roundsForTarget().get(i)));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nA/A metrics flagged by the run itself: %s. CV: spread of single trials (what a plain run-vs-run"
                        + " comparison sees); paired CV: spread of the per-round B/A ratios (what `ab` sees).%n",
                Double.isNaN(r.observedFalsePositiveRate())
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.1f%%", 100.0 * r.observedFalsePositiveRate())));
        if (r.injectSelector() != null) {
            long detected =
                    r.injected().stream().filter(CalibrationFormat::detected).count();
            out.append(String.format(
                    Locale.ROOT,
                    "%nInjected slowdown of %.1f%% in B on `%s`: %d of %d metrics flagged (WARNING or"
                            + " CRITICAL)%n%n",
                    r.injectPercent(),
                    r.injectSelector(),
                    detected,
                    r.injected().size()));
            for (PairedComparison c : r.injected()) {
                out.append(String.format(
                        Locale.ROOT,
                        "- `%s` %s: **%s**, regression %s, CI [%s, %s], p (BH) %s%n",
                        c.benchmarkId(),
                        c.metric(),
                        c.level(),
                        AbFormat.pct(c.regressionPct()),
                        AbFormat.pct(c.regressionLowPct()),
                        AbFormat.pct(c.regressionHighPct()),
                        AbFormat.p(c.pAdjusted())));
            }
        }
        return out.toString();
    }

    /** Whether an injected slowdown was flagged as a regression. */
    static boolean detected(PairedComparison c) {
        return c.level() == Level.WARNING || c.level() == Level.CRITICAL;
    }

    private static void number(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, value);
        } else {
            n.putNull(field);
        }
    }
}
