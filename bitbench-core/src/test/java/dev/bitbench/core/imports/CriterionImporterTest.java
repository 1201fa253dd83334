package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static dev.bitbench.core.imports.ImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriterionImporterTest {

    private static final Path TREE = resource("criterion");

    @TempDir
    Path tmp;

    @Test
    void readsEveryBenchmarkOfTheLatestBaselineAndIgnoresReportsAndChanges() throws IOException {
        RunResult run = new CriterionImporter().read(TREE, OPTIONS);
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly("criterion.fib/iterative/20", "criterion.fib/recursive/20", "criterion.parse");
        BenchmarkResult fib = run.benchmarks().get(0);
        assertThat(fib.group()).isEqualTo("criterion");
        assertThat(fib.op()).isEqualTo("fib");
        assertThat(fib.params()).containsExactly(Map.entry("function", "iterative"), Map.entry("value", "20"));
        assertThat(run.benchmarks().get(2).params()).isEmpty();
    }

    @Test
    void samplesAreTimePerIterationOfEachCriterionSample() throws IOException {
        RunResult run = new CriterionImporter().read(TREE, OPTIONS);
        Metric time = run.benchmark("criterion.fib/iterative/20").metrics().get("time");
        // times[i] / iters[i] of new/sample.json: iters 1000, 2000, ... (linear sampling)
        assertThat(time.samples()).containsExactly(25.0, 25.5, 24.5, 26.0, 25.0, 24.0, 25.5, 25.0, 26.5, 24.5);
        assertThat(time.unit()).isEqualTo("ns/iter");
        assertThat(time.better()).isEqualTo(Direction.LOWER);
        assertThat(time.mean()).isCloseTo(25.15, within(1e-12)); // Criterion's own mean estimate
    }

    @Test
    void declaredThroughputBecomesAHigherBetterRatePerSample() throws IOException {
        RunResult run = new CriterionImporter().read(TREE, OPTIONS);
        BenchmarkResult parse = run.benchmark("criterion.parse");
        assertThat(parse.metrics().get("time").samples()).startsWith(1000.0, 1010.0, 990.0);
        Metric throughput = parse.metrics().get("throughput");
        assertThat(throughput.unit()).isEqualTo("B/s");
        assertThat(throughput.better()).isEqualTo(Direction.HIGHER);
        // 1024 bytes per iteration in 1000 ns, 1010 ns, 990 ns
        assertThat(throughput.samples()[0]).isCloseTo(1.024e9, within(1e-3));
        assertThat(throughput.samples()[1]).isCloseTo(1024 / 1010e-9, within(1e-3));
        assertThat(throughput.samples()[2]).isCloseTo(1024 / 990e-9, within(1e-3));
        assertThat(run.benchmark("criterion.fib/iterative/20").metrics()).containsOnlyKeys("time");
    }

    @Test
    void readsANamedBaselineInsteadOfNew() throws IOException {
        RunResult run = new CriterionImporter().read(TREE, OPTIONS.withCriterionBaseline("base"));
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly("criterion.fib/iterative/20", "criterion.fib/recursive/20");
        assertThat(run.benchmark("criterion.fib/iterative/20")
                        .metrics()
                        .get("time")
                        .samples())
                .containsExactly(24.0, 24.5, 23.5, 25.0, 24.0, 23.0, 24.5, 24.0, 25.5, 23.5);
        assertThat(run.run().id()).endsWith("-criterion-base");
        assertThat(new CriterionImporter().read(TREE, OPTIONS).run().id()).endsWith("-criterion");
        assertThat(ImportFixtures.roundTrip(run)).isEqualTo(run);
    }

    @Test
    void aMissingBaselineIsAnErrorListingThePresentOnes() {
        assertThatThrownBy(() -> new CriterionImporter().read(TREE, OPTIONS.withCriterionBaseline("main")))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining("'main/'")
                .hasMessageContaining("baselines present: base, new");
    }

    @Test
    void aBenchmarkDirectoryWithoutEstimatesIsAnErrorNamingTheFile() throws IOException {
        Path copy = copyTree();
        Path estimates = copy.resolve("fib/recursive/20/new/estimates.json");
        Files.delete(estimates);
        assertThatThrownBy(() -> new CriterionImporter().read(copy, OPTIONS))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining(estimates.toString())
                .hasMessageContaining("expected Criterion's estimates.json");
    }

    @Test
    void estimatesThatDisagreeWithTheSamplesAreRejected() throws IOException {
        Path copy = copyTree();
        Path estimates = copy.resolve("fib/iterative/20/new/estimates.json");
        Files.writeString(
                estimates,
                Files.readString(estimates).replace("\"point_estimate\":25.15,", "\"point_estimate\":30.0,"));
        assertThatThrownBy(() -> new CriterionImporter().read(copy, OPTIONS))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining("$.mean.point_estimate")
                .hasMessageContaining("found 30.0");
    }

    @Test
    void withoutSampleFileTheTypicalEstimateIsASingleSample() throws IOException {
        Path copy = copyTree();
        Files.delete(copy.resolve("fib/iterative/20/new/sample.json"));
        Metric time = new CriterionImporter()
                .read(copy, OPTIONS)
                .benchmark("criterion.fib/iterative/20")
                .metrics()
                .get("time");
        assertThat(time.samples()).containsExactly(25.19090909090909); // the slope estimate
    }

    @Test
    void aFileIsNotACriterionDirectory() {
        Path file = TREE.resolve("parse/new/sample.json");
        assertThatThrownBy(() -> new CriterionImporter().read(file, OPTIONS))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining("a Criterion output directory");
    }

    private Path copyTree() throws IOException {
        Path target = tmp.resolve("criterion");
        try (Stream<Path> all = Files.walk(TREE)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(TREE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
