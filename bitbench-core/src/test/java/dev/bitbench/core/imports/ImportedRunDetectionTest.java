package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.detect.Comparison;
import dev.bitbench.core.detect.ComparisonReport;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.MetricSamples;
import dev.bitbench.core.detect.RegressionDetector;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directions set by the importers reach the detector: a JMH throughput that halves is a
 * regression and an average time that halves is an improvement (reading throughput backwards is a
 * known bug of other tools).
 */
class ImportedRunDetectionTest {

    @TempDir
    Path tmp;

    @Test
    void halvedJmhThroughputIsCriticalAndHalvedAverageTimeIsAnImprovement() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        Path baseline = jmhFile("base.json", 100.0, 10.0, random);
        Path current = jmhFile("current.json", 50.0, 5.0, random);
        RunResult base = new JmhImporter().read(baseline, OPTIONS);
        RunResult cur = new JmhImporter().read(current, OPTIONS);

        ComparisonReport report =
                new RegressionDetector(DetectorConfig.defaults()).compare(samples(base), samples(cur));

        Comparison throughput = find(report, "jmh.k.Bench.run/thrpt", "throughput");
        assertThat(throughput.level()).isEqualTo(Level.CRITICAL);
        assertThat(throughput.regressionPct()).isCloseTo(50.0, org.assertj.core.api.Assertions.within(2.0));
        Comparison time = find(report, "jmh.k.Bench.run/avgt", "time");
        assertThat(time.level()).isEqualTo(Level.IMPROVEMENT);
        assertThat(time.regressionPct()).isNegative();
    }

    /** Two entries, thrpt and avgt, 2 forks x 5 iterations each with 1% noise. */
    private Path jmhFile(String name, double opsPerMs, double msPerOp, SplittableRandom random) throws IOException {
        String json =
                "[" + entry("thrpt", "ops/ms", opsPerMs, random) + "," + entry("avgt", "ms/op", msPerOp, random) + "]";
        return Files.writeString(tmp.resolve(name), json);
    }

    private static String entry(String mode, String unit, double center, SplittableRandom random) {
        List<String> forks = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            List<String> iterations = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                iterations.add(String.format(Locale.ROOT, "%.6f", center * (1 + 0.01 * random.nextGaussian())));
            }
            forks.add("[" + String.join(",", iterations) + "]");
        }
        return "{\"benchmark\": \"k.Bench.run\", \"mode\": \"" + mode + "\", \"primaryMetric\": {\"scoreUnit\": \""
                + unit + "\", \"rawData\": [" + String.join(",", forks) + "]}}";
    }

    private static List<MetricSamples> samples(RunResult run) {
        List<MetricSamples> out = new ArrayList<>();
        for (BenchmarkResult b : run.benchmarks()) {
            b.metrics().forEach((name, m) -> {
                out.add(MetricSamples.of(b.id(), name, m.unit(), m.better(), m.samples()));
            });
        }
        return out;
    }

    private static Comparison find(ComparisonReport report, String id, String metric) {
        return report.comparisons().stream()
                .filter(c -> c.benchmarkId().equals(id) && c.metric().equals(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " " + metric + " not in "
                        + report.comparisons().stream()
                                .map(c -> c.benchmarkId() + " " + c.metric())
                                .collect(Collectors.joining(", "))));
    }
}
