package dev.bitbench.core.imports;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Imports a Criterion.rs output directory ({@code target/criterion}, or any directory below it).
 * Every benchmark has a directory {@code <group>[/<function>][/<value>]/} holding one directory per
 * baseline: {@code new/} for the latest measurement, {@code base/} and any {@code
 * --save-baseline NAME}; {@link ImportOptions#criterionBaseline()} selects which one is read. In it:
 *
 * <ul>
 *   <li>{@code benchmark.json} (required): {@code group_id}, {@code function_id} and {@code
 *       value_str} (each may be null), {@code full_id}, and {@code throughput}: null or one of
 *       {@code {"Bytes": n}}, {@code {"BytesDecimal": n}}, {@code {"Elements": n}}, {@code
 *       {"Bits": n}} per iteration;
 *   <li>{@code estimates.json} (required): {@code mean}, {@code median}, {@code std_dev}, {@code
 *       median_abs_dev} and {@code slope} (null in flat sampling mode), each {@code
 *       {"confidence_interval": {"confidence_level", "lower_bound", "upper_bound"},
 *       "point_estimate", "standard_error"}} in nanoseconds;
 *   <li>{@code sample.json}: {@code sampling_mode}, {@code iters} (iterations per sample) and
 *       {@code times} (total nanoseconds per sample).
 * </ul>
 *
 * <p>Mapping: id {@code criterion.<full_id>} (e.g. {@code criterion.fib/iterative/20}), group
 * {@code criterion}, op the {@code group_id}, params {@code function} and {@code value} when set.
 * Metric {@code time} in {@code ns/iter}, lower-better, one sample per Criterion sample: {@code
 * times[i] / iters[i]}, which is exactly what Criterion's own mean estimate averages; a file whose
 * estimate disagrees with its samples is rejected. With a declared throughput, metric {@code
 * throughput} (higher-better) in {@code elements/s}, {@code B/s} or {@code bit/s}, per sample {@code
 * n / (time per iteration)}. The run id ends in {@code -criterion}, or {@code -criterion-<NAME>} for
 * another baseline than {@code new}. Without {@code sample.json} the time metric is the single number
 * Criterion calls typical (slope, else mean), so comparisons fall back to thresholds. The run's
 * times are the modification times of the estimates files.
 */
public final class CriterionImporter implements ResultImporter {

    private static final double ESTIMATE_TOLERANCE = 1e-6;

    @Override
    public ImportFormat format() {
        return ImportFormat.CRITERION;
    }

    @Override
    public RunResult read(Path path, ImportOptions options) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new InvalidResultException(
                    path.toString(), "$", "a Criterion output directory such as target/criterion", "a file");
        }
        String baseline = options.criterionBaseline();
        List<Path> dirs = measurementDirs(path, baseline);
        if (dirs.isEmpty()) {
            throw new InvalidResultException(
                    path.toString(),
                    "$",
                    "benchmark directories with a '" + baseline + "/' baseline (baselines present: "
                            + baselinesPresent(path) + ")",
                    "none");
        }
        ImportedRun run = new ImportedRun(ImportFormat.CRITERION, path, options);
        run.note("baseline", baseline);
        if (!baseline.equals(ImportOptions.CRITERION_LATEST)) {
            run.qualifyId(baseline);
        }
        for (Path dir : dirs) {
            run.add(benchmark(dir));
            Path estimates = dir.resolve("estimates.json");
            run.seen(Files.getLastModifiedTime(estimates).toInstant());
        }
        return run.build(Files.getLastModifiedTime(path).toInstant());
    }

    private static BenchmarkResult benchmark(Path dir) throws IOException {
        SourceJson id = SourceJson.read(require(dir, "benchmark.json")).requireObject();
        SourceJson estimates = SourceJson.read(require(dir, "estimates.json")).requireObject();
        String group = id.text("group_id");
        String function = id.textOrNull("function_id");
        String value = id.textOrNull("value_str");
        String fullId = id.has("full_id") ? id.text("full_id") : join(group, function, value);

        double typical = pointEstimate(estimates, "mean");
        pointEstimate(estimates, "median");
        pointEstimate(estimates, "std_dev");
        if (estimates.has("slope")) {
            typical = pointEstimate(estimates, "slope");
        }

        double[] perIteration;
        Path sampleFile = dir.resolve("sample.json");
        if (Files.isRegularFile(sampleFile)) {
            perIteration = perIteration(SourceJson.read(sampleFile).requireObject());
            checkMean(estimates, perIteration);
        } else {
            perIteration = new double[] {typical};
        }

        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of("ns/iter", Direction.LOWER, perIteration));
        SourceJson throughput = id.optional("throughput");
        if (throughput != null) {
            metrics.put("throughput", throughput(throughput, perIteration));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (function != null) {
            params.put("function", function);
        }
        if (value != null) {
            params.put("value", value);
        }
        return new BenchmarkResult(
                "criterion." + fullId, "criterion", group, null, null, params, BenchmarkStatus.OK, null, metrics);
    }

    private static double[] perIteration(SourceJson sample) {
        double[] iters = sample.numbers("iters", 1);
        double[] times = sample.numbers("times", 1);
        if (times.length != iters.length) {
            throw sample.field("times", "").error("an array as long as iters (" + iters.length + ")");
        }
        double[] out = new double[iters.length];
        for (int i = 0; i < out.length; i++) {
            if (iters[i] <= 0) {
                throw new SourceJson(
                                sample.source(),
                                "$.iters[" + i + "]",
                                sample.node().get("iters").get(i))
                        .error("a positive iteration count");
            }
            if (times[i] <= 0) {
                throw new SourceJson(
                                sample.source(),
                                "$.times[" + i + "]",
                                sample.node().get("times").get(i))
                        .error("a positive time in ns");
            }
            out[i] = times[i] / iters[i];
        }
        return out;
    }

    private static void checkMean(SourceJson estimates, double[] perIteration) {
        double sum = 0;
        for (double v : perIteration) {
            sum += v;
        }
        double mean = sum / perIteration.length;
        double estimate = pointEstimate(estimates, "mean");
        if (Math.abs(mean - estimate) > ESTIMATE_TOLERANCE * Math.max(Math.abs(mean), Math.abs(estimate))) {
            throw new InvalidResultException(
                    estimates.source(),
                    "$.mean.point_estimate",
                    "the mean of sample.json's times/iters, " + mean + " ns (estimates and samples of one baseline)",
                    Double.toString(estimate));
        }
    }

    private static Metric throughput(SourceJson throughput, double[] nsPerIteration) {
        throughput.requireObject();
        List<String> kinds = throughput.fieldNames();
        if (kinds.size() != 1) {
            throw throughput.error("one of {\"Bytes\": n}, {\"BytesDecimal\": n}, {\"Elements\": n}, {\"Bits\": n}");
        }
        String kind = kinds.get(0);
        String unit = switch (kind) {
            case "Bytes", "BytesDecimal" -> "B/s";
            case "Elements" -> "elements/s";
            case "Bits" -> "bit/s";
            default -> throw throughput.error("one of Bytes, BytesDecimal, Elements, Bits");
        };
        long perIteration = throughput.integer(kind, 1);
        double[] rates = new double[nsPerIteration.length];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = perIteration * 1e9 / nsPerIteration[i];
        }
        return Metric.of(unit, Direction.HIGHER, rates);
    }

    private static double pointEstimate(SourceJson estimates, String statistic) {
        SourceJson estimate = estimates.object(statistic);
        SourceJson ci = estimate.object("confidence_interval");
        ci.number("confidence_level");
        ci.number("lower_bound");
        ci.number("upper_bound");
        return estimate.number("point_estimate");
    }

    private static String join(String group, String function, String value) {
        StringBuilder b = new StringBuilder(group);
        if (function != null) {
            b.append('/').append(function);
        }
        if (value != null) {
            b.append('/').append(value);
        }
        return b.toString();
    }

    private static Path require(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new InvalidResultException(
                    file.toString(), "$", "Criterion's " + name + " in every baseline directory", "no such file");
        }
        return file;
    }

    /** Directories named {@code baseline} holding any of Criterion's files, sorted by path. */
    private static List<Path> measurementDirs(Path root, String baseline) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isDirectory)
                    .filter(d -> d.getFileName() != null
                            && d.getFileName().toString().equals(baseline))
                    .filter(d -> Files.isRegularFile(d.resolve("benchmark.json"))
                            || Files.isRegularFile(d.resolve("estimates.json"))
                            || Files.isRegularFile(d.resolve("sample.json")))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String baselinesPresent(Path root) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> p.getFileName().toString().equals("benchmark.json"))
                    .forEach(p -> names.add(p.getParent().getFileName().toString()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
