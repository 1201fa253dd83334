package dev.bitbench.core.imports;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports hyperfine's {@code --export-json} file: {@code {"results": [{"command", "mean",
 * "stddev", "median", "user", "system", "min", "max", "times": [...], "exit_codes": [...],
 * "parameters": {...}}]}}, all times in seconds.
 *
 * <p>Mapping: id {@code hyperfine.<command>} (the command as hyperfine printed it, or its {@code
 * --command-name}; a repeated command gets {@code " #2"}, …), group {@code hyperfine}, op the
 * command, params the {@code -P}/{@code -L} parameters. Metric {@code time} in {@code s},
 * lower-better, one sample per run from {@code times}. When hyperfine records per-run peak memory
 * ({@code memory_usage_byte}, newer versions) it becomes {@code memory} in {@code B}, lower-better.
 * {@code user} and {@code system} are means only and are not imported. A run with a non-zero exit
 * code (possible with {@code --ignore-failure}) is recorded under {@code params.failed_runs}. hyperfine
 * records no time stamps: the run's times are the file's modification time.
 */
public final class HyperfineImporter implements ResultImporter {

    @Override
    public ImportFormat format() {
        return ImportFormat.HYPERFINE;
    }

    @Override
    public RunResult read(Path path, ImportOptions options) throws IOException {
        SourceJson root = SourceJson.read(path).requireObject();
        ImportedRun run = new ImportedRun(ImportFormat.HYPERFINE, path, options);
        for (SourceJson result :
                root.field("results", "an array of command results").elements(1)) {
            run.add(benchmark(result.requireObject()));
        }
        return run.build(Files.getLastModifiedTime(path).toInstant());
    }

    private static BenchmarkResult benchmark(SourceJson result) {
        String command = result.text("command");
        double[] times = result.numbers("times", 1);
        for (int i = 0; i < times.length; i++) {
            if (times[i] < 0) {
                throw new SourceJson(
                                result.source(),
                                result.path() + ".times[" + i + "]",
                                result.node().get("times").get(i))
                        .error("a time >= 0 in seconds");
            }
        }
        // The summary fields must be there (they are in every hyperfine version), though the
        // statistics are recomputed from the samples.
        result.number("mean");
        result.number("median");

        Map<String, String> params = new LinkedHashMap<>();
        SourceJson parameters = result.optional("parameters");
        if (parameters != null) {
            for (String name : parameters.fieldNames()) {
                SourceJson v = parameters.field(name, "a parameter value");
                String text = v.scalarText();
                if (text == null) {
                    throw v.error("a string or number");
                }
                params.put(name, text);
            }
        }
        SourceJson exitCodes = result.optional("exit_codes");
        if (exitCodes != null) {
            long failed = exitCodes.elements(0).stream()
                    .filter(c -> !c.node().isNumber() || c.node().asLong() != 0)
                    .count();
            if (failed > 0) {
                params.put("failed_runs", Long.toString(failed));
            }
        }

        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of("s", Direction.LOWER, times));
        if (result.has("memory_usage_byte")) {
            metrics.put("memory", Metric.of("B", Direction.LOWER, result.numbers("memory_usage_byte", 1)));
        }
        return new BenchmarkResult(
                "hyperfine." + command, "hyperfine", command, null, null, params, BenchmarkStatus.OK, null, metrics);
    }
}
