package dev.bitbench.cli.compare;

import dev.bitbench.cli.BitBench;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Runs with seeded lognormal samples, written as run directories, and a way to run the CLI on them. */
public final class TestRuns {

    /** The matmul benchmark: time (ms/op, lower) and throughput (GFLOPS, higher). */
    public static final String MATMUL = "kernels.matmul/simd/f32/256x256";
    /** The add benchmark: time only. */
    public static final String ADD = "kernels.add/scalar/f32/4096";

    private final List<BenchmarkResult> benchmarks = new ArrayList<>();
    private String id = "20261123T100000Z-abcdef1";
    private String platform = "linux-x86_64";
    private Instant started = Instant.parse("2026-11-23T10:00:00Z");

    /** A run with no benchmarks yet. */
    public static TestRuns run() {
        return new TestRuns();
    }

    /** {@code n} lognormal samples with median about {@code median} and coefficient of variation {@code cv}. */
    public static double[] samples(long seed, double median, double cv, int n) {
        Random random = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = median * Math.exp(cv * random.nextGaussian());
        }
        return out;
    }

    public TestRuns id(String newId) {
        this.id = newId;
        return this;
    }

    public TestRuns platform(String newPlatform) {
        this.platform = newPlatform;
        return this;
    }

    public TestRuns started(Instant at) {
        this.started = at;
        return this;
    }

    /** Adds a benchmark with the given metrics. */
    public TestRuns benchmark(String benchmarkId, Map<String, Metric> metrics) {
        int dot = benchmarkId.indexOf('.');
        int slash = benchmarkId.indexOf('/');
        String group = dot < 0 ? "imported" : benchmarkId.substring(0, dot);
        String op = benchmarkId.substring(dot + 1, slash < 0 ? benchmarkId.length() : slash);
        benchmarks.add(new BenchmarkResult(
                benchmarkId, group, op, null, null, Map.of(), BenchmarkStatus.OK, null, new LinkedHashMap<>(metrics)));
        return this;
    }

    /**
     * The standard suite: matmul time and throughput and add time, 10 samples at CV 2 %, scaled by
     * {@code timeFactor} (times) and {@code throughputFactor} (matmul throughput).
     */
    public TestRuns suite(long seed, double timeFactor, double throughputFactor) {
        benchmark(
                MATMUL,
                Map.of(
                        "time",
                        Metric.of("ms/op", Direction.LOWER, samples(seed, 2.0 * timeFactor, 0.02, 10)),
                        "throughput",
                        Metric.of("GFLOPS", Direction.HIGHER, samples(seed + 1, 50.0 * throughputFactor, 0.02, 10))));
        benchmark(ADD, Map.of("time", Metric.of("us/op", Direction.LOWER, samples(seed + 2, 3.0, 0.02, 10))));
        return this;
    }

    public RunResult build() {
        RunInfo info = new RunInfo(
                id,
                started,
                started.plusSeconds(60),
                "quick",
                42,
                RunStatus.OK,
                new GitInfo("abcdef1234567890abcdef1234567890abcdef12", "main", false),
                Map.of(),
                Map.of());
        SystemInfo system = new SystemInfo(
                "Debian GNU/Linux 12",
                null,
                "amd64",
                platform,
                new CpuInfo("Test CPU", 2, 2, List.of("avx2")),
                1L << 33,
                new JvmInfo("Debian", "17.0.15+6", List.of(), 256),
                null,
                null,
                Map.of(),
                null);
        return new RunResult(info, system, benchmarks);
    }

    /** Writes the run as {@code dir/performance-report.json}; returns {@code dir}. */
    public Path writeTo(Path dir) throws IOException {
        RunResultJson.write(build(), dir.resolve("performance-report.json"));
        return dir;
    }

    /** The outcome of one CLI invocation. */
    public record Outcome(int exitCode, String out, String err) {}

    /** Runs {@code bitbench args...} and captures its streams. */
    public static Outcome bitbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BitBench.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
