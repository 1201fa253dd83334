package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static dev.bitbench.core.imports.ImportFixtures.json;
import static dev.bitbench.core.imports.ImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoogleBenchmarkImporterTest {

    @TempDir
    Path tmp;

    private static RunResult importFixture() throws IOException {
        return new GoogleBenchmarkImporter().read(resource("gbench/repetitions.json"), OPTIONS);
    }

    @Test
    void oneBenchmarkPerRunNameWithTheFamilyAsOp() throws IOException {
        RunResult run = importFixture();
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly("gbench.BM_Accumulate/256", "gbench.BM_Accumulate/4096", "gbench.BM_VectorCopy/1024");
        BenchmarkResult first = run.benchmarks().get(0);
        assertThat(first.op()).isEqualTo("BM_Accumulate");
        assertThat(first.params()).containsExactly(Map.entry("args", "256"));
    }

    @Test
    void samplesAreTheRepetitionsAndAggregatesAreNotCountedAgain() throws IOException {
        RunResult run = importFixture();
        JsonNode file = json("gbench/repetitions.json");
        List<Double> real = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (JsonNode entry : file.get("benchmarks")) {
            if (entry.get("run_name").asText().equals("BM_Accumulate/4096")
                    && entry.get("run_type").asText().equals("iteration")) {
                real.add(entry.get("real_time").asDouble());
                cpu.add(entry.get("cpu_time").asDouble());
            }
        }
        assertThat(real).hasSize(5);
        BenchmarkResult b = run.benchmark("gbench.BM_Accumulate/4096");
        assertThat(b.metrics().get("time").samples())
                .containsExactly(real.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(b.metrics().get("cpu_time").samples())
                .containsExactly(cpu.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(b.metrics().get("time").n()).isEqualTo(5);
    }

    @Test
    void timesKeepTheirUnitAndRatesAreHigherBetter() throws IOException {
        RunResult run = importFixture();
        Map<String, Metric> accumulate =
                run.benchmark("gbench.BM_Accumulate/256").metrics();
        assertThat(accumulate).containsOnlyKeys("time", "cpu_time", "throughput", "bandwidth");
        assertThat(accumulate.get("time").unit()).isEqualTo("ns/iter");
        assertThat(accumulate.get("time").better()).isEqualTo(Direction.LOWER);
        assertThat(accumulate.get("throughput").unit()).isEqualTo("items/s");
        assertThat(accumulate.get("throughput").better()).isEqualTo(Direction.HIGHER);
        assertThat(accumulate.get("bandwidth").unit()).isEqualTo("B/s");
        assertThat(accumulate.get("bandwidth").better()).isEqualTo(Direction.HIGHER);
        // 256 floats of 4 bytes: bytes per second is 4 x items per second in every repetition
        double[] items = accumulate.get("throughput").samples();
        double[] bytes = accumulate.get("bandwidth").samples();
        for (int i = 0; i < items.length; i++) {
            assertThat(bytes[i]).isCloseTo(4 * items[i], org.assertj.core.api.Assertions.within(1e-3 * bytes[i]));
        }
        Map<String, Metric> copy = run.benchmark("gbench.BM_VectorCopy/1024").metrics();
        assertThat(copy).containsOnlyKeys("time", "cpu_time");
        assertThat(copy.get("time").unit()).isEqualTo("us/iter");
    }

    @Test
    void contextGivesTheCpuCountAndTheRunTime() throws IOException {
        RunResult run = importFixture();
        JsonNode context = json("gbench/repetitions.json").get("context");
        assertThat(run.system().cpu().threads())
                .isEqualTo(context.get("num_cpus").asInt());
        assertThat(run.run().started())
                .isEqualTo(OffsetDateTime.parse(context.get("date").asText()).toInstant());
        assertThat(ImportFixtures.roundTrip(run)).isEqualTo(run);
    }

    @Test
    void anErroredBenchmarkIsFailedWithItsMessageAndTheRunPartial() throws IOException {
        Path file = tmp.resolve("error.json");
        Files.writeString(file, """
                { "context": { "date": "2026-01-02T03:04:05+01:00", "num_cpus": 4 },
                  "benchmarks": [
                    { "name": "BM_Ok", "run_name": "BM_Ok", "run_type": "iteration", "iterations": 10,
                      "real_time": 5.0, "cpu_time": 4.0, "time_unit": "ms" },
                    { "name": "BM_Bad", "run_name": "BM_Bad", "run_type": "iteration", "iterations": 0,
                      "real_time": 0, "cpu_time": 0, "time_unit": "ns",
                      "error_occurred": true, "error_message": "out of memory" } ] }
                """);
        RunResult run = new GoogleBenchmarkImporter().read(file, OPTIONS);
        assertThat(run.run().status()).isEqualTo(RunStatus.PARTIAL);
        BenchmarkResult bad = run.benchmark("gbench.BM_Bad");
        assertThat(bad.status()).isEqualTo(BenchmarkStatus.FAILED);
        assertThat(bad.error()).isEqualTo("out of memory");
        assertThat(run.benchmark("gbench.BM_Ok").metrics().get("time").samples())
                .containsExactly(5.0);
        assertThat(run.run().started())
                .isEqualTo(OffsetDateTime.parse("2026-01-02T02:04:05Z").toInstant());
    }

    @Test
    void aggregatesOnlyOutputFallsBackToTheMedianAsOneSample() throws IOException {
        Path file = tmp.resolve("aggregates.json");
        Files.writeString(file, """
                { "context": { "num_cpus": 2 },
                  "benchmarks": [
                    { "name": "BM_A_mean", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "mean",
                      "real_time": 12.0, "cpu_time": 11.0, "time_unit": "ns" },
                    { "name": "BM_A_median", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "median",
                      "real_time": 10.0, "cpu_time": 9.0, "time_unit": "ns" },
                    { "name": "BM_A_stddev", "run_name": "BM_A", "run_type": "aggregate", "aggregate_name": "stddev",
                      "real_time": 1.0, "cpu_time": 1.0, "time_unit": "ns" } ] }
                """);
        RunResult run = new GoogleBenchmarkImporter().read(file, OPTIONS);
        assertThat(run.benchmark("gbench.BM_A").metrics().get("time").samples()).containsExactly(10.0);
        assertThat(run.benchmark("gbench.BM_A").metrics().get("cpu_time").samples())
                .containsExactly(9.0);
    }
}
