package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static dev.bitbench.core.imports.ImportFixtures.json;
import static dev.bitbench.core.imports.ImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhImporterTest {

    @TempDir
    Path tmp;

    private static RunResult importFixture(String name) throws IOException {
        return new JmhImporter().read(resource("jmh/" + name), OPTIONS);
    }

    @Test
    void namesEveryEntryByBenchmarkModeAndParams() throws IOException {
        RunResult run = importFixture("thrpt-avgt-gc.json");
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly(
                        "jmh.demo.ArraySumBenchmark.copy/thrpt/size=256",
                        "jmh.demo.ArraySumBenchmark.copy/thrpt/size=4096",
                        "jmh.demo.ArraySumBenchmark.sum/thrpt/size=256",
                        "jmh.demo.ArraySumBenchmark.sum/thrpt/size=4096",
                        "jmh.demo.ArraySumBenchmark.copy/avgt/size=256",
                        "jmh.demo.ArraySumBenchmark.copy/avgt/size=4096",
                        "jmh.demo.ArraySumBenchmark.sum/avgt/size=256",
                        "jmh.demo.ArraySumBenchmark.sum/avgt/size=4096");
        BenchmarkResult first = run.benchmarks().get(0);
        assertThat(first.group()).isEqualTo("jmh");
        assertThat(first.op()).isEqualTo("demo.ArraySumBenchmark.copy");
        assertThat(first.params()).containsExactly(Map.entry("size", "256"), Map.entry("mode", "thrpt"));
    }

    @Test
    void throughputModeIsHigherBetterAndTimeModesLowerBetter() throws IOException {
        RunResult gc = importFixture("thrpt-avgt-gc.json");
        Metric thrpt = gc.benchmark("jmh.demo.ArraySumBenchmark.sum/thrpt/size=256")
                .metrics()
                .get("throughput");
        assertThat(thrpt.better()).isEqualTo(Direction.HIGHER);
        assertThat(thrpt.unit()).isEqualTo("ops/us");
        Metric avgt = gc.benchmark("jmh.demo.ArraySumBenchmark.sum/avgt/size=256")
                .metrics()
                .get("time");
        assertThat(avgt.better()).isEqualTo(Direction.LOWER);
        assertThat(avgt.unit()).isEqualTo("us/op");

        RunResult sampleSs = importFixture("sample-ss.json");
        assertThat(sampleSs.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly(
                        "jmh.demo.ArraySumBenchmark.sum/sample/size=256", "jmh.demo.ArraySumBenchmark.sum/ss/size=256");
        for (BenchmarkResult b : sampleSs.benchmarks()) {
            assertThat(b.metrics()).doesNotContainKey("throughput");
            assertThat(b.metrics().get("time").better()).isEqualTo(Direction.LOWER);
        }
    }

    @Test
    void samplesAreTheRawDataOfEveryForkAndIterationInOrder() throws IOException {
        RunResult run = importFixture("thrpt-avgt-gc.json");
        JsonNode file = json("jmh/thrpt-avgt-gc.json");
        for (int i = 0; i < file.size(); i++) {
            double[] expected = flatten(file.get(i).get("primaryMetric").get("rawData"));
            assertThat(expected).hasSize(6); // 2 forks x 3 iterations
            Metric primary =
                    run.benchmarks().get(i).metrics().values().iterator().next();
            assertThat(primary.samples()).containsExactly(expected);
            assertThat(primary.n()).isEqualTo(6);
        }
    }

    @Test
    void allocationPerOperationBecomesTheAllocMetric() throws IOException {
        RunResult run = importFixture("thrpt-avgt-gc.json");
        JsonNode file = json("jmh/thrpt-avgt-gc.json");
        Metric alloc = run.benchmark("jmh.demo.ArraySumBenchmark.copy/avgt/size=4096")
                .metrics()
                .get("alloc");
        assertThat(alloc.unit()).isEqualTo("B/op");
        assertThat(alloc.better()).isEqualTo(Direction.LOWER);
        assertThat(alloc.samples())
                .containsExactly(flatten(file.get(5)
                        .get("secondaryMetrics")
                        .get("gc.alloc.rate.norm")
                        .get("rawData")));
        // a copy of 4096 floats allocates a 16 KiB array (plus header) per operation
        assertThat(alloc.median()).isBetween(16384.0, 16500.0);
        assertThat(run.benchmarks().get(5).metrics()).containsKeys("time", "alloc", "gc_count");
        @SuppressWarnings("unchecked")
        Map<String, Object> imported = (Map<String, Object>) run.run().config().get("import");
        assertThat(imported.get("skipped_metrics")).isEqualTo(List.of("gc.alloc.rate", "gc.time"));
    }

    @Test
    void sampleModeTakesTheCountWeightedMeanOfEachIterationAndItsPercentiles() throws IOException {
        Path file = tmp.resolve("sample.json");
        Files.writeString(file, """
                [ { "benchmark": "x.Y.z", "mode": "sample", "threads": 1, "forks": 1,
                    "primaryMetric": { "scoreUnit": "ns/op",
                      "rawDataHistogram": [ [ [[1.0, 3], [2.0, 1]], [[10.0, 2]] ] ] },
                    "secondaryMetrics": {
                      "p0.999": { "scoreUnit": "ns/op", "rawData": [[2.0, 10.0]] },
                      "p1.00": { "scoreUnit": "ns/op", "rawData": [[2.0, 10.0]] } } } ]
                """);
        BenchmarkResult b = new JmhImporter().read(file, OPTIONS).benchmarks().get(0);
        assertThat(b.id()).isEqualTo("jmh.x.Y.z/sample");
        assertThat(b.metrics().get("time").samples()).containsExactly(1.25, 10.0);
        assertThat(b.metrics()).containsKeys("time_p99_9", "time_p100");
        assertThat(b.metrics().get("time_p99_9").better()).isEqualTo(Direction.LOWER);
    }

    @Test
    void percentileNamesAreReadableMetricNames() {
        assertThat(JmhImporter.percentileName("p0.00")).isEqualTo("p0");
        assertThat(JmhImporter.percentileName("p0.50")).isEqualTo("p50");
        assertThat(JmhImporter.percentileName("p0.999")).isEqualTo("p99_9");
        assertThat(JmhImporter.percentileName("p0.9999")).isEqualTo("p99_99");
        assertThat(JmhImporter.percentileName("p1.00")).isEqualTo("p100");
    }

    @Test
    void acceptsOlderJmhSecondaryNamesWithTheMiddleDotAndOpsPerSecond() throws IOException {
        Path file = tmp.resolve("old.json");
        Files.writeString(file, """
                [ { "jmhVersion": "1.21", "benchmark": "a.B.c", "mode": "thrpt", "threads": 1, "forks": 1,
                    "params": { "n": 16, "fast": true },
                    "primaryMetric": { "scoreUnit": "ops/s", "rawData": [[100.0, 110.0], [90.0]] },
                    "secondaryMetrics": {
                      "\u00b7gc.alloc.rate.norm": { "scoreUnit": "B/op", "rawData": [[0.0, 0.0], [0.0]] } } } ]
                """);
        BenchmarkResult b = new JmhImporter().read(file, OPTIONS).benchmarks().get(0);
        assertThat(b.id()).isEqualTo("jmh.a.B.c/thrpt/n=16,fast=true");
        assertThat(b.metrics().get("throughput").samples()).containsExactly(100.0, 110.0, 90.0);
        assertThat(b.metrics().get("throughput").unit()).isEqualTo("ops/s");
        assertThat(b.metrics().get("alloc").samples()).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void recordsTheJvmOfTheFileAndRoundTripsThroughOurSchema() throws IOException {
        RunResult run = importFixture("thrpt-avgt-gc.json");
        assertThat(run.system().jvm().vendor()).isEqualTo("OpenJDK 64-Bit Server VM");
        assertThat(run.system().jvm().version()).isEqualTo("17.0.15+6-Debian-1deb12u1");
        assertThat(run.run().profile()).isEqualTo("jmh");
        assertThat(run.run().id()).endsWith("-jmh");
        assertThat(ImportFixtures.roundTrip(run)).isEqualTo(run);
    }

    @Test
    void rejectsAnUnknownModeNamingTheField() throws IOException {
        Path file = tmp.resolve("mode.json");
        Files.writeString(file, """
                [ { "benchmark": "a.B.c", "mode": "fast",
                    "primaryMetric": { "scoreUnit": "ops/s", "rawData": [[1.0]] } } ]
                """);
        assertThatThrownBy(() -> new JmhImporter().read(file, OPTIONS))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("$[0].mode")
                .hasMessageContaining("\"thrpt\"");
    }

    private static double[] flatten(JsonNode forks) {
        List<Double> all = new ArrayList<>();
        forks.forEach(fork -> fork.forEach(v -> all.add(v.asDouble())));
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
