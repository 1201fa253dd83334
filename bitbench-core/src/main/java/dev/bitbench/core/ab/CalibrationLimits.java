package dev.bitbench.core.ab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code calibration.json} (schema {@value #SCHEMA}, written by {@code bitbench calibrate})
 * says this machine can resolve, per benchmark metric, and the thresholds that ask for more: a
 * threshold below the minimum detectable effect recorded for its metric cannot be enforced with that
 * many rounds. The rounds that would resolve it follow from the recorded paired CV ({@link
 * NoiseCalibration#roundsFor}).
 *
 * @param rounds the A/A rounds of the calibration
 * @param largestShiftPercent the largest shift the calibration tried; an MDE of NaN means "above it"
 * @param entries the calibrated metrics, by {@code benchmark + " " + metric}
 */
public record CalibrationLimits(int rounds, double largestShiftPercent, Map<String, Entry> entries) {

    /** The schema this reads: {@value}. */
    public static final String SCHEMA = "bitbench/calibration/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One calibrated metric.
     *
     * @param benchmarkId benchmark id
     * @param metric metric name
     * @param pairedCvPercent the spread of the A/A per-round log ratios, percent
     * @param mdePercent the minimum detectable effect at the calibration's rounds, percent; NaN when
     *     none of the tried shifts was detected reliably
     */
    public record Entry(String benchmarkId, String metric, double pairedCvPercent, double mdePercent) {
        public Entry {
            Objects.requireNonNull(benchmarkId, "benchmarkId");
            Objects.requireNonNull(metric, "metric");
        }
    }

    /**
     * A threshold finer than the calibrated resolution.
     *
     * @param benchmarkId benchmark id
     * @param metric metric name
     * @param thresholdPercent the warning threshold, percent
     * @param mdePercent the calibrated MDE, percent; NaN when above {@code largestShiftPercent}
     * @param roundsNeeded the rounds that would detect {@code thresholdPercent} at 95 % power
     */
    public record Shortfall(
            String benchmarkId, String metric, double thresholdPercent, double mdePercent, int roundsNeeded) {}

    public CalibrationLimits {
        entries = Map.copyOf(entries);
    }

    /**
     * Reads a {@code calibration.json}.
     *
     * @throws IllegalArgumentException with a one-line reason if the text is not such a document
     */
    public static CalibrationLimits parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IllegalArgumentException("not a calibration (expected \"schema\": \"" + SCHEMA + "\")");
        }
        int rounds = root.path("rounds").asInt(0);
        double largest = 0.0;
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode b : root.path("benchmarks")) {
            String id = b.path("benchmark").asText(null);
            String metric = b.path("metric").asText(null);
            if (id == null || metric == null || !b.path("paired_cv_pct").isNumber()) {
                throw new IllegalArgumentException(
                        "a benchmark entry lacks \"benchmark\", \"metric\" or \"paired_cv_pct\"");
            }
            double mde = b.path("mde_pct").isNumber() ? b.path("mde_pct").asDouble() : Double.NaN;
            for (JsonNode d : b.path("detection")) {
                largest = Math.max(largest, d.path("shift_pct").asDouble(0.0));
            }
            entries.put(
                    key(id, metric),
                    new Entry(id, metric, b.path("paired_cv_pct").asDouble(), mde));
        }
        return new CalibrationLimits(rounds, largest, entries);
    }

    /** The calibrated metric, or {@code null}. */
    public Entry find(String benchmarkId, String metric) {
        return entries.get(key(benchmarkId, metric));
    }

    /**
     * The shortfall of one threshold, or {@code null} when the metric was not calibrated or its MDE is
     * at most the threshold.
     *
     * @param calibration how {@code roundsNeeded} is computed (alpha, power)
     */
    public Shortfall check(String benchmarkId, String metric, double thresholdPercent, NoiseCalibration calibration) {
        Entry e = find(benchmarkId, metric);
        if (e == null || !(thresholdPercent > 0.0)) {
            return null;
        }
        boolean resolves = !Double.isNaN(e.mdePercent()) && e.mdePercent() <= thresholdPercent;
        if (resolves) {
            return null;
        }
        int needed = calibration.roundsFor(Math.max(0.0, e.pairedCvPercent()), thresholdPercent);
        return new Shortfall(benchmarkId, metric, thresholdPercent, e.mdePercent(), needed);
    }

    private static String key(String benchmarkId, String metric) {
        return benchmarkId + " " + metric;
    }
}
