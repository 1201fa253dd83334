package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import dev.bitbench.suite.BenchmarkDescriptor;
import dev.bitbench.suite.WorkUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAssemblerTest {
    @TempDir
    Path dir;

    private static final BenchmarkDescriptor MATMUL = new BenchmarkDescriptor(
            "kernels.matmul/simd/f32/1000x1000",
            "kernels",
            "matmul",
            "simd",
            "f32",
            "1000x1000",
            "x.MatmulBenchmark.matmul",
            Map.of("backend", "simd", "size", "1000"),
            WorkUnit.FLOP,
            2e9);

    /** A JMH JSON result as JMH 1.37 writes it: two forks of two iterations, in ms/op. */
    private Path jmhJson() throws IOException {
        Path file = dir.resolve("0.json");
        Files.writeString(file, """
                [ { "benchmark" : "x.MatmulBenchmark.matmul", "mode" : "avgt", "forks" : 2,
                    "params" : { "backend" : "simd", "size" : "1000" },
                    "primaryMetric" : { "score" : 250.0, "scoreUnit" : "ms/op",
                        "rawData" : [ [ 200.0, 250.0 ], [ 250.0, 400.0 ] ] },
                    "secondaryMetrics" : {
                        "gc.alloc.rate.norm" : { "score" : 16.0, "scoreUnit" : "B/op",
                            "rawData" : [ [ 16.0, 16.0 ], [ 16.0, 16.0 ] ] } } } ]
                """);
        return file;
    }

    @Test
    void keepsEverySampleAndDerivesThroughputPerSampleFromTheDeclaredWork() throws IOException {
        BenchmarkCase c = new BenchmarkCase(0, MATMUL);
        BenchmarkResult r = RunAssembler.toResult(new CaseOutcome(c, "ok", null, jmhJson()), Map.of());

        assertThat(r.status()).isEqualTo(BenchmarkStatus.OK);
        Metric time = r.metrics().get("time");
        assertThat(time.samples()).containsExactly(200.0, 250.0, 250.0, 400.0);
        assertThat(time.unit()).isEqualTo("ms/op");
        assertThat(time.better()).isEqualTo(Direction.LOWER);
        // 2e9 FLOP in 0.2 s = 10 GFLOPS; 0.25 s = 8; 0.4 s = 5
        Metric throughput = r.metrics().get("throughput");
        assertThat(throughput.unit()).isEqualTo("GFLOPS");
        assertThat(throughput.better()).isEqualTo(Direction.HIGHER);
        assertThat(throughput.samples()).containsExactly(10.0, 8.0, 8.0, 5.0);
        assertThat(r.metrics().get("alloc").samples()).containsExactly(16.0, 16.0, 16.0, 16.0);
        assertThat(r.params())
                .containsEntry("size", "1000")
                .containsEntry("shape", "1000x1000")
                .doesNotContainKey("backend");
    }

    @Test
    void profiledMetricsBecomeMetricsWithTheirUnitAndDirectionAndUnreadOnesStayAbsent() throws IOException {
        Path file = dir.resolve("1.json");
        Files.writeString(file, """
                [ { "benchmark" : "x.MatmulBenchmark.matmul", "mode" : "avgt", "forks" : 1,
                    "primaryMetric" : { "score" : 250.0, "scoreUnit" : "ms/op", "rawData" : [ [ 200.0, 300.0 ] ] },
                    "secondaryMetrics" : {
                        "peak_rss" : { "score" : 2.0E8, "scoreUnit" : "B", "rawData" : [ [ 1.5E8, 2.0E8 ] ] },
                        "peak_heap" : { "score" : 6.0E7, "scoreUnit" : "B", "rawData" : [ [ 6.0E7, 5.9E7 ] ] },
                        "ops_per_joule" : { "score" : 40.0, "scoreUnit" : "ops/J", "rawData" : [ [ 30.0, 50.0 ] ] }
                    } } ]
                """);
        BenchmarkResult r =
                RunAssembler.toResult(new CaseOutcome(new BenchmarkCase(0, MATMUL), "ok", null, file), Map.of());

        assertThat(r.metrics().get("peak_rss").samples()).containsExactly(1.5e8, 2.0e8);
        assertThat(r.metrics().get("peak_rss").unit()).isEqualTo("B");
        assertThat(r.metrics().get("peak_rss").better()).isEqualTo(Direction.LOWER);
        assertThat(r.metrics().get("peak_heap").samples()).containsExactly(6.0e7, 5.9e7);
        assertThat(r.metrics().get("ops_per_joule").better()).isEqualTo(Direction.HIGHER);
        assertThat(r.metrics()).doesNotContainKeys("energy", "power", "alloc", "temperature");
    }

    @Test
    void unavailableMetricReasonsJoinTheSystemOnceWithoutReplacingItsOwn() {
        SystemInfo system = new SystemInfo(
                "Linux",
                null,
                "amd64",
                "linux-x86_64",
                new CpuInfo("cpu", 2, 2, List.of()),
                0,
                new JvmInfo("Eclipse Adoptium", "17.0.12+7", List.of(), 256),
                null,
                null,
                Map.of("kernel", "os.version is not set"),
                null);

        SystemInfo with = RunService.withUnavailableMetrics(
                system, Map.of("energy", "no RAPL domains", "kernel", "not this one"));

        assertThat(with.unavailable())
                .containsExactly(Map.entry("kernel", "os.version is not set"), Map.entry("energy", "no RAPL domains"));
        assertThat(RunService.withUnavailableMetrics(system, Map.of())).isSameAs(system);
    }

    @Test
    void notMeasuredBenchmarksKeepTheirStatusAndError() {
        BenchmarkResult r = RunAssembler.toResult(
                new CaseOutcome(new BenchmarkCase(0, MATMUL), "timeout", "exceeded the timeout of 3 s", null),
                Map.of());
        assertThat(r.status()).isEqualTo(BenchmarkStatus.TIMEOUT);
        assertThat(r.error()).isEqualTo("exceeded the timeout of 3 s");
        assertThat(r.metrics()).isEmpty();
    }

    @Test
    void runStatusIsPartialWhenAnythingFailedOrTheRunWasInterrupted() {
        BenchmarkResult ok =
                BenchmarkResult.notMeasured("a", "g", "o", null, null, Map.of(), BenchmarkStatus.SKIPPED, "x");
        BenchmarkResult measured = new BenchmarkResult(
                "b",
                "g",
                "o",
                null,
                null,
                Map.of(),
                BenchmarkStatus.OK,
                null,
                Map.of("time", Metric.of("ms/op", Direction.LOWER, 1.0)));
        BenchmarkResult failed =
                BenchmarkResult.notMeasured("c", "g", "o", null, null, Map.of(), BenchmarkStatus.FAILED, "x");
        assertThat(RunAssembler.status(List.of(ok, measured), false)).isEqualTo(RunStatus.OK);
        assertThat(RunAssembler.status(List.of(ok, measured), true)).isEqualTo(RunStatus.PARTIAL);
        assertThat(RunAssembler.status(List.of(measured, failed), false)).isEqualTo(RunStatus.PARTIAL);
        assertThat(RunAssembler.status(List.of(failed), false)).isEqualTo(RunStatus.FAILED);
    }
}
