package dev.bitbench.core.imports;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a JMH result file written with {@code -rf json} (JMH 1.x): a JSON array with one object
 * per benchmark, mode and parameter combination.
 *
 * <p>Mapping of each entry:
 *
 * <ul>
 *   <li>id {@code jmh.<benchmark>/<mode>[/<param>=<value>,...]}, e.g. {@code
 *       jmh.demo.ArraySumBenchmark.sum/avgt/size=256}; group {@code jmh}; op the benchmark name;
 *       params JMH's {@code params} plus {@code mode};
 *   <li>the primary metric is {@code throughput} ({@link Direction#HIGHER}) in mode {@code thrpt},
 *       and {@code time} ({@link Direction#LOWER}) in modes {@code avgt}, {@code sample} and {@code
 *       ss}, in JMH's {@code scoreUnit} unchanged ({@code ops/s}, {@code ops/ms}, {@code us/op},
 *       {@code ms/op}, …); its samples are {@code rawData} flattened fork by fork, one per
 *       measurement iteration. In mode {@code sample} JMH keeps a histogram per iteration ({@code
 *       rawDataHistogram}, pairs of value and count): each sample is then the count-weighted mean of
 *       one iteration, and the percentiles JMH reports per iteration ({@code p0.50}, {@code p0.99},
 *       …) become metrics {@code time_p50}, {@code time_p99}, {@code time_p99_9}, …;
 *   <li>secondary metrics (with or without JMH's leading {@code ·}): {@code gc.alloc.rate.norm}
 *       becomes {@code alloc} (B/op, lower) and {@code gc.count} becomes {@code gc_count} (lower);
 *       any other secondary metric in {@code ops/<time>} is kept under its name as higher-better and
 *       one in {@code <unit>/op} as lower-better. The rest ({@code gc.alloc.rate}, which is only
 *       throughput times allocation, {@code gc.time}, which JMH records only for iterations with a
 *       collection, and counters of unknown direction) are listed in {@code
 *       config.import.skipped_metrics} instead of being guessed.
 * </ul>
 *
 * <p>The JVM of the run comes from the file ({@code vmName} as vendor, {@code vmVersion}, {@code
 * jvmArgs}); JMH records no time stamps, so the run's times are the file's modification time.
 */
public final class JmhImporter implements ResultImporter {

    @Override
    public ImportFormat format() {
        return ImportFormat.JMH;
    }

    @Override
    public RunResult read(Path path, ImportOptions options) throws IOException {
        SourceJson root = SourceJson.read(path);
        List<SourceJson> entries = root.elements(1);
        ImportedRun run = new ImportedRun(ImportFormat.JMH, path, options);
        Set<String> skipped = new LinkedHashSet<>();
        for (SourceJson entry : entries) {
            run.add(benchmark(entry.requireObject(), skipped));
        }
        SourceJson first = entries.get(0);
        run.note("jmh_version", first.textOrNull("jmhVersion"));
        run.note("jdk_version", first.textOrNull("jdkVersion"));
        String vmName = first.textOrNull("vmName");
        String vmVersion = first.textOrNull("vmVersion");
        if (vmName != null && vmVersion != null) {
            run.jvm(new JvmInfo(vmName, vmVersion, jvmArgs(first), 0));
        }
        if (!skipped.isEmpty()) {
            run.note("skipped_metrics", List.copyOf(skipped));
        }
        return run.build(Files.getLastModifiedTime(path).toInstant());
    }

    private static BenchmarkResult benchmark(SourceJson entry, Set<String> skipped) {
        String name = entry.text("benchmark");
        String mode = entry.text("mode");
        Direction primaryDirection = switch (mode) {
            case "thrpt" -> Direction.HIGHER;
            case "avgt", "sample", "ss" -> Direction.LOWER;
            default -> throw entry.field("mode", "").error("one of \"thrpt\", \"avgt\", \"sample\", \"ss\"");
        };
        Map<String, String> params = new LinkedHashMap<>();
        SourceJson jmhParams = entry.optional("params");
        if (jmhParams != null) {
            jmhParams.requireObject();
            for (String key : jmhParams.fieldNames()) {
                SourceJson v = jmhParams.field(key, "a parameter value");
                String text = v.scalarText();
                if (text == null) {
                    throw v.error("a string, number or boolean");
                }
                params.put(key, text);
            }
        }
        StringBuilder id = new StringBuilder("jmh.").append(name).append('/').append(mode);
        if (!params.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            params.forEach((k, v) -> pairs.add(k + "=" + v));
            id.append('/').append(String.join(",", pairs));
        }
        params.put("mode", mode);

        Map<String, Metric> metrics = new LinkedHashMap<>();
        SourceJson primary = entry.object("primaryMetric");
        String unit = primary.text("scoreUnit");
        double[] samples = primary.has("rawDataHistogram") && !primary.has("rawData")
                ? histogramMeans(primary.field("rawDataHistogram", "an array of forks"))
                : flatten(primary.field("rawData", "an array of forks, each an array of iteration scores"));
        metrics.put(
                primaryDirection == Direction.HIGHER ? "throughput" : "time",
                Metric.of(unit, primaryDirection, samples));

        SourceJson secondaries = entry.optional("secondaryMetrics");
        if (secondaries != null) {
            secondaries.requireObject();
            for (String key : secondaries.fieldNames()) {
                secondary(secondaries.object(key), key, metrics, skipped);
            }
        }
        return new BenchmarkResult(id.toString(), "jmh", name, null, null, params, BenchmarkStatus.OK, null, metrics);
    }

    private static void secondary(SourceJson metric, String key, Map<String, Metric> metrics, Set<String> skipped) {
        String name = key.startsWith("\u00b7") ? key.substring(1) : key;
        String unit = metric.text("scoreUnit");
        String target;
        Direction direction;
        if (name.equals("gc.alloc.rate.norm")) {
            target = "alloc";
            direction = Direction.LOWER;
        } else if (name.equals("gc.count")) {
            target = "gc_count";
            direction = Direction.LOWER;
        } else if (name.matches("p[01]\\.\\d+")) {
            target = "time_" + percentileName(name);
            direction = Direction.LOWER;
        } else if (name.startsWith("gc.")) {
            skipped.add(name);
            return;
        } else if (unit.startsWith("ops/")) {
            target = name;
            direction = Direction.HIGHER;
        } else if (unit.endsWith("/op")) {
            target = name;
            direction = Direction.LOWER;
        } else {
            skipped.add(name);
            return;
        }
        SourceJson raw = metric.optional("rawData");
        double[] samples = raw == null ? new double[0] : flattenAllowingEmpty(raw);
        if (samples.length == 0) {
            skipped.add(name);
            return;
        }
        String unique = metrics.containsKey(target) ? "secondary_" + target : target;
        metrics.putIfAbsent(unique, Metric.of(unit, direction, samples));
    }

    /** {@code p0.50 -> p50}, {@code p0.999 -> p99_9}, {@code p1.00 -> p100}, {@code p0.00 -> p0}. */
    static String percentileName(String jmhName) {
        java.math.BigDecimal percent =
                new java.math.BigDecimal(jmhName.substring(1)).movePointRight(2).stripTrailingZeros();
        return "p" + percent.toPlainString().replace('.', '_');
    }

    private static double[] flatten(SourceJson rawData) {
        double[] all = flattenAllowingEmpty(rawData);
        if (all.length == 0) {
            throw rawData.error("at least one measurement iteration");
        }
        return all;
    }

    private static double[] flattenAllowingEmpty(SourceJson rawData) {
        List<Double> all = new ArrayList<>();
        for (SourceJson fork : rawData.elements(0)) {
            for (double v : fork.asNumbers(0)) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One sample per iteration: the count-weighted mean of its {@code [value, count]} pairs. */
    private static double[] histogramMeans(SourceJson histogram) {
        List<Double> means = new ArrayList<>();
        for (SourceJson fork : histogram.elements(0)) {
            for (SourceJson iteration : fork.elements(0)) {
                double sum = 0;
                double count = 0;
                for (SourceJson pair : iteration.elements(0)) {
                    double[] vc = pair.asNumbers(2);
                    if (vc.length != 2 || vc[1] < 0) {
                        throw pair.error("a pair [value, count >= 0]");
                    }
                    sum += vc[0] * vc[1];
                    count += vc[1];
                }
                if (count > 0) {
                    means.add(sum / count);
                }
            }
        }
        if (means.isEmpty()) {
            throw histogram.error("at least one measurement iteration with samples");
        }
        return means.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<String> jvmArgs(SourceJson entry) {
        SourceJson args = entry.optional("jvmArgs");
        List<String> out = new ArrayList<>();
        if (args != null) {
            for (SourceJson a : args.elements(0)) {
                out.add(a.node().asText());
            }
        }
        return out;
    }
}
