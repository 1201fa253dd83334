package dev.bitbench.core.imports;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports Google Benchmark's JSON output ({@code --benchmark_format=json} or {@code
 * --benchmark_out=F --benchmark_out_format=json}): {@code {"context": {...}, "benchmarks": [...]}}.
 *
 * <p>Entries are grouped by {@code run_name} (the name without an aggregate suffix). The entries
 * with {@code "run_type": "iteration"} are the repetitions, one sample each; the {@code aggregate}
 * entries ({@code mean}, {@code median}, {@code stddev}, {@code cv}, {@code BigO}, {@code RMS}) are
 * summaries of those and are not counted again. Only when a run has no iteration entry (run with
 * {@code --benchmark_report_aggregates_only}) is its {@code median} (else {@code mean}) aggregate
 * taken as a single sample, so comparisons fall back to thresholds.
 *
 * <p>Mapping: id {@code gbench.<run_name>} (e.g. {@code gbench.BM_Accumulate/256}), group {@code
 * gbench}, op the family name (up to the first {@code /}), param {@code args} the rest of the name.
 * Metrics: {@code time} from {@code real_time} and {@code cpu_time} from {@code cpu_time}, both
 * lower-better in {@code <time_unit>/iter} ({@code ns/iter}, {@code us/iter}, …); {@code throughput}
 * from {@code items_per_second} ({@code items/s}) and {@code bandwidth} from {@code
 * bytes_per_second} ({@code B/s}), both higher-better. User counters have no declared direction and
 * are listed in {@code config.import.skipped_metrics}. An entry with {@code error_occurred} makes
 * the benchmark {@code failed} with its {@code error_message}. The context's {@code num_cpus}
 * becomes the CPU thread count and its {@code date} the run's time.
 */
public final class GoogleBenchmarkImporter implements ResultImporter {

    private static final Set<String> KNOWN_FIELDS = Set.of(
            "name",
            "family_index",
            "per_family_instance_index",
            "run_name",
            "run_type",
            "repetitions",
            "repetition_index",
            "threads",
            "iterations",
            "real_time",
            "cpu_time",
            "time_unit",
            "bytes_per_second",
            "items_per_second",
            "label",
            "error_occurred",
            "error_message",
            "skipped",
            "skip_message",
            "aggregate_name",
            "aggregate_unit",
            "big_o",
            "rms",
            "complexity_n");

    private static final List<String> AGGREGATE_SUFFIXES = List.of("_mean", "_median", "_stddev", "_cv");

    @Override
    public ImportFormat format() {
        return ImportFormat.GBENCH;
    }

    @Override
    public RunResult read(Path path, ImportOptions options) throws IOException {
        SourceJson root = SourceJson.read(path).requireObject();
        SourceJson context = root.object("context");
        ImportedRun run = new ImportedRun(ImportFormat.GBENCH, path, options);
        context(context, run);

        Map<String, List<SourceJson>> iterations = new LinkedHashMap<>();
        Map<String, Map<String, SourceJson>> aggregates = new LinkedHashMap<>();
        for (SourceJson entry :
                root.field("benchmarks", "an array of benchmark entries").elements(1)) {
            entry.requireObject();
            String name = entry.text("name");
            String runName = entry.has("run_name") ? entry.text("run_name") : withoutAggregateSuffix(name);
            boolean aggregate =
                    entry.has("run_type") ? !entry.text("run_type").equals("iteration") : !runName.equals(name);
            iterations.computeIfAbsent(runName, k -> new ArrayList<>());
            if (aggregate) {
                String kind = entry.has("aggregate_name")
                        ? entry.text("aggregate_name")
                        : name.substring(runName.length() + 1);
                aggregates.computeIfAbsent(runName, k -> new LinkedHashMap<>()).put(kind, entry);
            } else {
                iterations.get(runName).add(entry);
            }
        }
        Set<String> skipped = new LinkedHashSet<>();
        List<String> skippedRuns = new ArrayList<>();
        for (Map.Entry<String, List<SourceJson>> e : iterations.entrySet()) {
            List<SourceJson> entries = e.getValue();
            if (entries.isEmpty()) {
                Map<String, SourceJson> agg = aggregates.getOrDefault(e.getKey(), Map.of());
                SourceJson summary = agg.containsKey("median") ? agg.get("median") : agg.get("mean");
                if (summary == null) {
                    skippedRuns.add(e.getKey() + " (aggregates " + String.join(", ", agg.keySet()) + " only)");
                    continue;
                }
                entries = List.of(summary);
                run.note("single_sample_from_aggregate", true);
            }
            run.add(benchmark(e.getKey(), entries, skipped));
        }
        if (!skipped.isEmpty()) {
            run.note("skipped_metrics", List.copyOf(skipped));
        }
        if (!skippedRuns.isEmpty()) {
            run.note("skipped_runs", skippedRuns);
        }
        return run.build(Files.getLastModifiedTime(path).toInstant());
    }

    private static void context(SourceJson context, ImportedRun run) {
        String date = context.textOrNull("date");
        if (date != null) {
            try {
                run.seen(OffsetDateTime.parse(date).toInstant());
            } catch (DateTimeParseException e) {
                run.note("date", date);
            }
        }
        if (context.has("num_cpus")) {
            run.cpuThreads((int) context.integer("num_cpus", 1));
        }
        if (context.has("mhz_per_cpu")) {
            run.note("mhz_per_cpu", context.number("mhz_per_cpu"));
        }
        run.note("executable", context.textOrNull("executable"));
        run.note("library_build_type", context.textOrNull("library_build_type"));
        if (context.has("cpu_scaling_enabled")) {
            run.note(
                    "cpu_scaling_enabled",
                    context.node().get("cpu_scaling_enabled").asBoolean());
        }
    }

    private static BenchmarkResult benchmark(String runName, List<SourceJson> entries, Set<String> skipped) {
        int slash = runName.indexOf('/');
        String family = slash < 0 ? runName : runName.substring(0, slash);
        Map<String, String> params = new LinkedHashMap<>();
        if (slash >= 0 && slash + 1 < runName.length()) {
            params.put("args", runName.substring(slash + 1));
        }
        String id = "gbench." + runName;
        for (SourceJson entry : entries) {
            if (entry.has("error_occurred")
                    && entry.node().get("error_occurred").asBoolean()) {
                String message = entry.textOrNull("error_message");
                return BenchmarkResult.notMeasured(
                        id,
                        "gbench",
                        family,
                        null,
                        null,
                        params,
                        BenchmarkStatus.FAILED,
                        message == null ? "error_occurred without a message" : message);
            }
        }
        String timeUnit = entries.get(0).has("time_unit") ? timeUnit(entries.get(0)) : "ns";
        double[] real = new double[entries.size()];
        double[] cpu = new double[entries.size()];
        double[] items = column(entries, "items_per_second");
        double[] bytes = column(entries, "bytes_per_second");
        for (int i = 0; i < entries.size(); i++) {
            SourceJson entry = entries.get(i);
            String unit = entry.has("time_unit") ? timeUnit(entry) : "ns";
            if (!unit.equals(timeUnit)) {
                throw entry.field("time_unit", "").error("\"" + timeUnit + "\" like the other repetitions");
            }
            real[i] = entry.number("real_time");
            cpu[i] = entry.number("cpu_time");
            for (String field : entry.fieldNames()) {
                if (!KNOWN_FIELDS.contains(field) && entry.node().get(field).isNumber()) {
                    skipped.add(field);
                }
            }
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of(timeUnit + "/iter", Direction.LOWER, real));
        metrics.put("cpu_time", Metric.of(timeUnit + "/iter", Direction.LOWER, cpu));
        if (items != null) {
            metrics.put("throughput", Metric.of("items/s", Direction.HIGHER, items));
        }
        if (bytes != null) {
            metrics.put("bandwidth", Metric.of("B/s", Direction.HIGHER, bytes));
        }
        return new BenchmarkResult(id, "gbench", family, null, null, params, BenchmarkStatus.OK, null, metrics);
    }

    /** The field of every entry, or {@code null} when no entry has it; all or none must. */
    private static double[] column(List<SourceJson> entries, String field) {
        boolean any = entries.stream().anyMatch(e -> e.has(field));
        if (!any) {
            return null;
        }
        double[] out = new double[entries.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = entries.get(i).number(field);
        }
        return out;
    }

    private static String timeUnit(SourceJson entry) {
        String unit = entry.text("time_unit");
        if (!List.of("ns", "us", "ms", "s").contains(unit)) {
            throw entry.field("time_unit", "").error("one of \"ns\", \"us\", \"ms\", \"s\"");
        }
        return unit;
    }

    private static String withoutAggregateSuffix(String name) {
        for (String suffix : AGGREGATE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
