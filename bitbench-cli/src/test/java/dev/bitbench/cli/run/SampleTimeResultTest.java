package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.Metric;
import dev.bitbench.suite.BenchmarkDescriptor;
import dev.bitbench.suite.WorkUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/** JMH {@code SampleTime} results: {@code rawDataHistogram} read into iteration means and latencies. */
class SampleTimeResultTest {
    @TempDir
    Path dir;

    private static final BenchmarkDescriptor DECODE = new BenchmarkDescriptor(
            "inference.decode_latency/simd/tq2_0/small",
            "inference",
            "decode_latency",
            "simd",
            "tq2_0",
            "small",
            "x.InferenceBenchmark.decodeLatency",
            Map.of("backend", "simd", "model", "small", "prompt", "128"),
            WorkUnit.TOKEN,
            1);

    /**
     * {@code sample-time.json}: the JSON of one real JMH 1.37 run of {@link TwoSpeedBenchmark} (forks
     * 0, two measured iterations of 20 ms, in us/op; written by {@link #runTwoSpeed} and copied
     * unchanged). JMH's own statistics of that run are in the file too: 793 sampled invocations, mean
     * 8.36 us, p50 1.738, p95 50.88, p99 81.49 us (its {@code scorePercentiles}).
     */
    private static Path recorded() throws Exception {
        return Path.of(
                SampleTimeResultTest.class.getResource("sample-time.json").toURI());
    }

    @Test
    void aRecordedSampleTimeRunGivesItsIterationMeansAndEveryInvocationWithJmhsPercentiles() throws Exception {
        JmhJsonResult r = JmhJsonResult.read(recorded());
        var primary = r.raw().path("primaryMetric");
        long counted = 0;
        for (var fork : primary.path("rawDataHistogram")) {
            for (var iteration : fork) {
                for (var pair : iteration) {
                    counted += pair.get(1).asLong();
                }
            }
        }

        assertThat(r.timeUnit()).isEqualTo("us/op");
        assertThat(r.times()).hasSize(2);
        assertThat(r.latencies()).hasSize((int) counted);
        // JMH's score is the mean over every invocation; the iteration means weighted by their counts give it
        double mean = Arrays.stream(r.latencies()).average().orElseThrow();
        assertThat(mean).isCloseTo(primary.path("score").asDouble(), within(1e-9 * mean));
        Metric latency = Metric.of(r.timeUnit(), Direction.LOWER, r.latencies());
        var jmh = primary.path("scorePercentiles");
        assertThat(latency.min()).isEqualTo(jmh.path("0.0").asDouble());
        assertThat(latency.max()).isEqualTo(jmh.path("100.0").asDouble());
        double[] sorted = sorted(r.latencies());
        sameQuantile(latency.p50(), jmh.path("50.0").asDouble(), sorted, 0.50);
        sameQuantile(latency.p95(), jmh.path("95.0").asDouble(), sorted, 0.95);
        sameQuantile(latency.p99(), jmh.path("99.0").asDouble(), sorted, 0.99);
        // the slow tenth of the invocations: the median is a fast one, the 99th percentile a slow one
        assertThat(latency.p99()).isGreaterThan(5 * latency.p50());
    }

    @Test
    void theAssembledResultHasATimePerIterationAndALatencyMetricWithPercentiles() throws Exception {
        BenchmarkCase c = new BenchmarkCase(0, DECODE);
        var result = RunAssembler.toResult(new CaseOutcome(c, "ok", null, recorded()), Map.of());
        JmhJsonResult r = JmhJsonResult.read(recorded());

        assertThat(result.metrics()).containsKeys("time", "latency", "throughput");
        assertThat(result.metrics().get("time").samples()).containsExactly(r.times());
        Metric latency = result.metrics().get("latency");
        assertThat(latency.unit()).isEqualTo("us/op");
        assertThat(latency.better()).isEqualTo(Direction.LOWER);
        assertThat(latency.n()).isEqualTo(r.latencies().length);
        // one token per operation: tokens/s = 1e6 / (us per token)
        assertThat(result.metrics().get("throughput").samples()[0]).isCloseTo(1e6 / r.times()[0], within(1e-6));
    }

    @Test
    void aLiveSampleTimeRunAgreesWithJmhsOwnStatistics() throws Exception {
        Path json = dir.resolve("live.json");
        Statistics jmh = runTwoSpeed(json).getPrimaryResult().getStatistics();

        JmhJsonResult r = JmhJsonResult.read(json);
        assertThat(r.latencies()).hasSize((int) Math.min(jmh.getN(), SampleHistogram.MAX_SAMPLES));
        Metric latency = Metric.of(r.timeUnit(), Direction.LOWER, r.latencies());
        assertThat(latency.min()).isEqualTo(jmh.getMin());
        assertThat(latency.max()).isEqualTo(jmh.getMax());
        double[] sorted = sorted(r.latencies());
        sameQuantile(latency.p50(), jmh.getPercentile(50), sorted, 0.50);
        sameQuantile(latency.p95(), jmh.getPercentile(95), sorted, 0.95);
        sameQuantile(latency.p99(), jmh.getPercentile(99), sorted, 0.99);
    }

    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * Ours (interpolated at {@code (n - 1) p}) and JMH's (its own quantile definition) are the same
     * quantile: both lie between the order statistics around rank {@code p n} of our samples. Wrong
     * counts or values in the samples would move ours, or leave JMH's outside that interval.
     */
    private static void sameQuantile(double ours, double jmh, double[] sorted, double p) {
        int n = sorted.length;
        double low = sorted[Math.max(0, (int) Math.floor(p * (n - 1)) - 1)];
        double high = sorted[Math.min(n - 1, (int) Math.ceil(p * (n + 1)))];
        assertThat(ours).as("our %s quantile", p).isBetween(low, high);
        assertThat(jmh).as("JMH's %s quantile", p).isBetween(low, high);
    }

    @Test
    void moreInvocationsThanTheCapAreThinnedToEvenlySpacedOrderStatistics() throws IOException {
        // 40,000 invocations: 30,000 at 1, 9,000 at 2 and 1,000 at 10, over two iterations
        Path file = dir.resolve("many.json");
        Files.writeString(file, """
                [ { "benchmark" : "x.B.m", "mode" : "sample",
                    "primaryMetric" : { "score" : 1.45, "scoreUnit" : "ms/op",
                        "rawDataHistogram" : [ [ [ [1.0, 20000], [2.0, 9000] ], [ [1.0, 10000], [10.0, 1000] ] ] ] } } ]
                """);
        JmhJsonResult r = JmhJsonResult.read(file);

        assertThat(SampleHistogram.MAX_SAMPLES).isEqualTo(20_000);
        // every second invocation of the sorted 40,000: 15,000 ones, 4,500 twos, 500 tens
        double[] l = r.latencies();
        assertThat(l).hasSize(20_000);
        assertThat(Arrays.stream(l).filter(v -> v == 1.0).count()).isEqualTo(15_000);
        assertThat(Arrays.stream(l).filter(v -> v == 2.0).count()).isEqualTo(4_500);
        assertThat(Arrays.stream(l).filter(v -> v == 10.0).count()).isEqualTo(500);
        Metric latency = Metric.of(r.timeUnit(), Direction.LOWER, l);
        assertThat(latency.p50()).isEqualTo(1.0);
        assertThat(latency.p95()).isEqualTo(2.0);
        assertThat(latency.p99()).isEqualTo(10.0);
        // (20000 + 18000) / 29000 and (10000 + 10000) / 11000
        assertThat(r.times()).containsExactly(38_000.0 / 29_000, 20_000.0 / 11_000);
    }

    @Test
    void aBadHistogramPairIsAnErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                [ { "primaryMetric" : { "scoreUnit" : "ms/op", "rawDataHistogram" : [ [ [ [1.0, -3] ] ] ] } } ]
                """);
        assertThatThrownBy(() -> JmhJsonResult.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("[1.0,-3]");
    }

    /** {@link TwoSpeedBenchmark} in this JVM (forks 0): one warm-up and two measured iterations of 20 ms. */
    private static RunResult runTwoSpeed(Path json) throws RunnerException {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        var options = new OptionsBuilder()
                .include("^" + TwoSpeedBenchmark.class.getName().replace(".", "\\.") + "\\.step$")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(20))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(20))
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .shouldFailOnError(true)
                .build();
        return new Runner(options, OutputFormatFactory.createFormatInstance(quiet, VerboseMode.SILENT))
                .run()
                .iterator()
                .next();
    }
}
