package dev.bitbench.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.MetricSamples;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinePoolingTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T12:00:00Z");

    static RunResult run(String id, String started, String sha, String jdk, BenchmarkResult... benchmarks) {
        Instant at = Instant.parse(started);
        return new RunResult(
                new RunInfo(
                        id,
                        at,
                        at.plusSeconds(10),
                        "quick",
                        42,
                        RunStatus.OK,
                        new GitInfo(sha.substring(0, 1).repeat(40), "main", false),
                        Map.of(),
                        Map.of()),
                new SystemInfo(
                        "Linux",
                        null,
                        "amd64",
                        "linux-x86_64",
                        new CpuInfo("cpu", 1, 1, List.of()),
                        0,
                        new JvmInfo("v", jdk, List.of(), 128),
                        null,
                        null,
                        Map.of(),
                        null),
                List.of(benchmarks));
    }

    static BenchmarkResult bench(String id, String unit, Direction better, double... samples) {
        return new BenchmarkResult(
                id,
                "kernels",
                "op",
                null,
                null,
                Map.of(),
                BenchmarkStatus.OK,
                null,
                Map.of("time", Metric.of(unit, better, samples)));
    }

    static BenchmarkResult failed(String id) {
        return BenchmarkResult.notMeasured(id, "kernels", "op", null, null, Map.of(), BenchmarkStatus.FAILED, "boom");
    }

    @Test
    void concatenatesSamplesOldestRunFirstAndTakesTheMedianOfThePool() {
        RunResult newer =
                run("b", "2026-11-23T11:00:00Z", "bbb", "21.0.1", bench("k.a", "ms/op", Direction.LOWER, 10, 20));
        RunResult older =
                run("a", "2026-11-23T10:00:00Z", "aaa", "17.0.15", bench("k.a", "ms/op", Direction.LOWER, 1, 2, 3));

        PlatformBaseline pooled = BaselinePooling.pool(List.of(newer, older), CREATED);

        BenchmarkBaseline a = pooled.benchmarks().get("k.a");
        assertThat(a.metrics().get("time").samples()).containsExactly(1, 2, 3, 10, 20);
        assertThat(a.metrics().get("time").median()).isEqualTo(3.0);
        assertThat(a.runs()).containsExactly("a", "b");
        assertThat(a.gitSha()).isEqualTo("b".repeat(40));
        assertThat(a.jdk()).isEqualTo("21.0.1");
        assertThat(a.created()).isEqualTo(CREATED);
    }

    @Test
    void leavesOutBenchmarksThatDidNotMeasureAndKeepsThoseMeasuredOnce() {
        RunResult first = run(
                "a", "2026-11-23T10:00:00Z", "aaa", "17", bench("k.a", "ms/op", Direction.LOWER, 1, 3), failed("k.b"));
        RunResult second =
                run("b", "2026-11-23T11:00:00Z", "bbb", "17", failed("k.a"), bench("k.b", "ns", Direction.LOWER, 5));

        PlatformBaseline pooled = BaselinePooling.pool(List.of(first, second), CREATED);

        assertThat(pooled.benchmarks()).containsOnlyKeys("k.a", "k.b");
        assertThat(pooled.benchmarks().get("k.a").runs()).containsExactly("a");
        assertThat(pooled.benchmarks().get("k.a").metrics().get("time").median())
                .isEqualTo(2.0);
        assertThat(pooled.benchmarks().get("k.b").gitSha()).isEqualTo("b".repeat(40));
    }

    @Test
    void refusesToPoolDifferentUnitsOrDirections() {
        RunResult ms = run("a", "2026-11-23T10:00:00Z", "aaa", "17", bench("k.a", "ms/op", Direction.LOWER, 1));
        RunResult us = run("b", "2026-11-23T11:00:00Z", "bbb", "17", bench("k.a", "us/op", Direction.LOWER, 1000));
        RunResult higher = run("c", "2026-11-23T12:00:00Z", "ccc", "17", bench("k.a", "ms/op", Direction.HIGHER, 1));

        assertThatThrownBy(() -> BaselinePooling.pool(List.of(ms, us), CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k.a [time]")
                .hasMessageContaining("run a has ms/op")
                .hasMessageContaining("run b has us/op");
        assertThatThrownBy(() -> BaselinePooling.pool(List.of(ms, higher), CREATED))
                .hasMessageContaining("higher is better");
        assertThatThrownBy(() -> BaselinePooling.pool(List.of(), CREATED)).hasMessageContaining("at least one run");
    }

    @Test
    void runSamplesGiveTheDetectorEveryMeasuredMetricWithItsMedian() {
        RunResult r = run(
                "a",
                "2026-11-23T10:00:00Z",
                "aaa",
                "17",
                bench("k.a", "ms/op", Direction.LOWER, 4, 1, 3, 2),
                failed("k.b"));

        List<MetricSamples> samples = RunSamples.of(r);

        assertThat(samples).hasSize(1);
        assertThat(samples.get(0).key()).isEqualTo(new MetricSamples.Key("k.a", "time"));
        assertThat(samples.get(0).median()).isEqualTo(2.5);
        assertThat(samples.get(0).samples()).containsExactly(4, 1, 3, 2);
    }

    @Test
    void updateReplacesOnlySelectedBenchmarks() {
        PlatformBaseline old = BaselinePooling.pool(
                List.of(run(
                        "a",
                        "2026-11-23T10:00:00Z",
                        "aaa",
                        "17",
                        bench("k.a", "ms", Direction.LOWER, 1),
                        bench("k.b", "ms", Direction.LOWER, 2))),
                CREATED);
        PlatformBaseline fresh = BaselinePooling.pool(
                List.of(run(
                        "b",
                        "2026-11-23T11:00:00Z",
                        "bbb",
                        "17",
                        bench("k.a", "ms", Direction.LOWER, 7),
                        bench("k.b", "ms", Direction.LOWER, 8),
                        bench("k.c", "ms", Direction.LOWER, 9))),
                CREATED);

        PlatformBaseline merged = old.replacing(fresh, id -> !id.equals("k.b"));

        assertThat(merged.benchmarks().get("k.a").metrics().get("time").median())
                .isEqualTo(7.0);
        assertThat(merged.benchmarks().get("k.b").metrics().get("time").median())
                .isEqualTo(2.0);
        assertThat(merged.benchmarks().get("k.c").metrics().get("time").median())
                .isEqualTo(9.0);
    }
}
