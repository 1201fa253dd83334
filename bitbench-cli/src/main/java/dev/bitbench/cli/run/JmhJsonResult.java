package dev.bitbench.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.energy.ProfiledMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-iteration samples of one benchmark, read from the JSON JMH writes ({@code rawData} of the
 * primary metric, of the gc profiler's {@code gc.alloc.rate.norm} and of the {@link
 * MemoryEnergyProfiler}'s results, every fork flattened in order). A {@code SampleTime} benchmark
 * has {@code rawDataHistogram} instead of the primary {@code rawData}: its iterations' means are
 * the {@code times} and its invocations the {@code latencies} (see {@link SampleHistogram}).
 *
 * @param timeUnit JMH's score unit, e.g. {@code us/op}
 * @param times one average time per operation per measured iteration, in {@code timeUnit}
 * @param latencies the time of single invocations, in {@code timeUnit}, for a {@code SampleTime}
 *     benchmark (at most {@link SampleHistogram#MAX_SAMPLES}); empty for the other modes
 * @param allocBytesPerOp bytes allocated per operation per iteration; empty if the gc profiler gave
 *     nothing
 * @param profiled the {@link MemoryEnergyProfiler}'s samples by metric, in {@link ProfiledMetric}
 *     order; a metric it could not read is absent
 * @param raw the benchmark's object as JMH wrote it, for {@code jmh-raw.json}
 */
public record JmhJsonResult(
        String timeUnit,
        double[] times,
        double[] latencies,
        double[] allocBytesPerOp,
        Map<ProfiledMetric, double[]> profiled,
        JsonNode raw) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Reads the single benchmark of a JMH JSON file.
     *
     * @throws IOException if the file cannot be read or has no benchmark with samples
     */
    public static JmhJsonResult read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IOException(file + ": JMH wrote no benchmark result");
        }
        JsonNode bench = root.get(0);
        JsonNode primary = bench.path("primaryMetric");
        double[] times = flatten(primary.path("rawData"));
        double[] latencies = new double[0];
        if (times.length == 0 && primary.has("rawDataHistogram")) {
            try {
                SampleHistogram histogram = SampleHistogram.read(primary.get("rawDataHistogram"));
                times = histogram.iterationMeans();
                latencies = histogram.samples();
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        if (times.length == 0) {
            throw new IOException(file + ": JMH result has no samples");
        }
        double[] alloc = Optional.ofNullable(bench.path("secondaryMetrics").get("gc.alloc.rate.norm"))
                .map(m -> flatten(m.path("rawData")))
                .orElse(new double[0]);
        Map<ProfiledMetric, double[]> profiled = new EnumMap<>(ProfiledMetric.class);
        for (ProfiledMetric m : ProfiledMetric.values()) {
            JsonNode metric = bench.path("secondaryMetrics").get(m.label());
            double[] samples = metric == null ? new double[0] : flatten(metric.path("rawData"));
            if (samples.length > 0) {
                profiled.put(m, samples);
            }
        }
        return new JmhJsonResult(primary.path("scoreUnit").asText("s/op"), times, latencies, alloc, profiled, bench);
    }

    /** Seconds in one unit of {@code timeUnit} ({@code ns/op} gives 1e-9). */
    public double secondsPerUnit() {
        String u = timeUnit.replace("/op", "");
        return switch (u) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> throw new IllegalStateException("unexpected JMH time unit " + timeUnit);
        };
    }

    private static double[] flatten(JsonNode rawData) {
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : rawData) {
            for (JsonNode v : fork) {
                values.add(v.asDouble());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
