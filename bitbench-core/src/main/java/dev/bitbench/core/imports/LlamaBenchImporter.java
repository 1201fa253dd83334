package dev.bitbench.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports llama.cpp's {@code llama-bench -o json} output (a JSON array of test records) or {@code
 * -o jsonl} (one record per line). A record describes one test of one configuration: the model
 * ({@code model_filename}, {@code model_type}, {@code model_size}, {@code model_n_params}), the
 * settings ({@code n_threads}, {@code n_batch}, {@code n_gpu_layers}, {@code type_k}, …), the test
 * ({@code n_prompt}, {@code n_gen}, {@code n_depth}), the build ({@code build_commit}, {@code
 * build_number}, {@code cpu_info}, {@code gpu_info}, {@code backends}), {@code test_time} and the
 * measurements ({@code avg_ns}, {@code stddev_ns}, {@code avg_ts}, {@code stddev_ts}, and per
 * repetition {@code samples_ns} and {@code samples_ts}).
 *
 * <p>Mapping: the test is named as llama-bench prints it: {@code pp<n_prompt>} for prompt
 * processing, {@code tg<n_gen>} for generation, {@code pp<p>+tg<g>} for both, with {@code
 * @d<n_depth>} for a prefilled context. Id {@code llama-bench.<model_type>/<test>}, followed by
 * {@code /<key>=<value>,...} for the settings that differ between the file's records (e.g. {@code
 * llama-bench.qwen2 7B Q4_K - Medium/tg128/n_threads=8}), so every record has its own id; group
 * {@code llama-bench}, op the test, backend {@code backends}, params every scalar setting. Metrics:
 * {@code throughput} in {@code tokens/s}, higher-better, samples {@code samples_ts}; {@code time} in
 * {@code ns} per test run, lower-better, samples {@code samples_ns}. Records of versions without
 * sample arrays give one sample ({@code avg_ts}, {@code avg_ns}). The first record's {@code
 * cpu_info} becomes the CPU model; {@code test_time} spans the run's times.
 */
public final class LlamaBenchImporter implements ResultImporter {

    private static final Set<String> NOT_SETTINGS = Set.of(
            "build_commit",
            "build_number",
            "cpu_info",
            "gpu_info",
            "test_time",
            "avg_ns",
            "stddev_ns",
            "avg_ts",
            "stddev_ts",
            "samples_ns",
            "samples_ts");

    /** Settings that are in the id already or follow from the model. */
    private static final Set<String> NOT_DISTINGUISHING =
            Set.of("model_type", "n_prompt", "n_gen", "n_depth", "model_size", "model_n_params", "backends");

    @Override
    public ImportFormat format() {
        return ImportFormat.LLAMA_BENCH;
    }

    @Override
    public RunResult read(Path path, ImportOptions options) throws IOException {
        List<SourceJson> records = records(path);
        List<Map<String, String>> settings = new ArrayList<>();
        for (SourceJson r : records) {
            settings.add(settings(r.requireObject()));
        }
        Set<String> varying = varyingKeys(settings);
        ImportedRun run = new ImportedRun(ImportFormat.LLAMA_BENCH, path, options);
        for (int i = 0; i < records.size(); i++) {
            run.add(benchmark(records.get(i), settings.get(i), varying, run));
        }
        SourceJson first = records.get(0);
        run.cpuModel(first.textOrNull("cpu_info"));
        run.note("build_commit", first.textOrNull("build_commit"));
        if (first.has("build_number")) {
            run.note("build_number", first.node().get("build_number").asText());
        }
        run.note("gpu_info", first.textOrNull("gpu_info"));
        return run.build(Files.getLastModifiedTime(path).toInstant());
    }

    private static List<SourceJson> records(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        String source = path.toString();
        JsonNode root;
        try {
            root = SourceJson.parse(text, source);
        } catch (InvalidResultException notOneDocument) {
            List<String> lines = text.strip().lines().toList();
            if (lines.size() < 2 || !lines.get(0).strip().startsWith("{")) {
                throw notOneDocument;
            }
            List<SourceJson> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    out.add(new SourceJson(source, "$[" + out.size() + "]", SourceJson.parse(lines.get(i), source)));
                } catch (InvalidResultException e) {
                    throw new InvalidResultException(
                            source, "line " + (i + 1), "one JSON object per line (JSON Lines)", e.getMessage());
                }
            }
            return out;
        }
        SourceJson doc = new SourceJson(source, "$", root);
        return root.isObject() ? List.of(doc) : doc.elements(1);
    }

    private static Map<String, String> settings(SourceJson record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : record.fieldNames()) {
            if (!NOT_SETTINGS.contains(key)) {
                String text = new SourceJson(
                                record.source(),
                                record.path() + "." + key,
                                record.node().get(key))
                        .scalarText();
                if (text != null) {
                    out.put(key, text);
                }
            }
        }
        return out;
    }

    private static Set<String> varyingKeys(List<Map<String, String>> settings) {
        Set<String> keys = new LinkedHashSet<>();
        settings.forEach(s -> keys.addAll(s.keySet()));
        Set<String> varying = new LinkedHashSet<>();
        for (String key : keys) {
            if (NOT_DISTINGUISHING.contains(key)) {
                continue;
            }
            Set<String> values = new HashSet<>();
            settings.forEach(s -> values.add(s.get(key)));
            if (values.size() > 1) {
                varying.add(key);
            }
        }
        return varying;
    }

    private static BenchmarkResult benchmark(
            SourceJson record, Map<String, String> settings, Set<String> varying, ImportedRun run) {
        String model = record.text("model_type");
        long prompt = record.integer("n_prompt", 0);
        long gen = record.integer("n_gen", 0);
        long depth = record.has("n_depth") ? record.integer("n_depth", 0) : 0;
        String test;
        if (prompt > 0 && gen > 0) {
            test = "pp" + prompt + "+tg" + gen;
        } else if (prompt > 0) {
            test = "pp" + prompt;
        } else if (gen > 0) {
            test = "tg" + gen;
        } else {
            throw record.field("n_gen", "").error("n_prompt or n_gen > 0");
        }
        if (depth > 0) {
            test += "@d" + depth;
        }
        StringBuilder id =
                new StringBuilder("llama-bench.").append(model).append('/').append(test);
        List<String> pairs = new ArrayList<>();
        for (String key : varying) {
            pairs.add(key + "=" + settings.getOrDefault(key, "none"));
        }
        if (!pairs.isEmpty()) {
            id.append('/').append(String.join(",", pairs));
        }
        String testTime = record.textOrNull("test_time");
        if (testTime != null) {
            try {
                run.seen(Instant.parse(testTime));
            } catch (DateTimeParseException e) {
                throw record.field("test_time", "").error("an ISO-8601 UTC time such as 2025-04-24T11:58:50Z");
            }
        }
        double[] ts =
                record.has("samples_ts") ? record.numbers("samples_ts", 1) : new double[] {record.number("avg_ts")};
        double[] ns =
                record.has("samples_ns") ? record.numbers("samples_ns", 1) : new double[] {record.number("avg_ns")};
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("throughput", Metric.of("tokens/s", Direction.HIGHER, ts));
        metrics.put("time", Metric.of("ns", Direction.LOWER, ns));
        return new BenchmarkResult(
                id.toString(),
                "llama-bench",
                test,
                record.textOrNull("backends"),
                null,
                settings,
                BenchmarkStatus.OK,
                null,
                metrics);
    }
}
