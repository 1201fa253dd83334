package dev.bitbench.store;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.CiInfo;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Deterministic runs for the store tests. */
final class StoreFixtures {
    static final String SHA = "f8fe249aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private StoreFixtures() {}

    static SystemInfo system(String platform) {
        return new SystemInfo(
                "Debian GNU/Linux 12 (bookworm)",
                null,
                "amd64",
                platform,
                new CpuInfo("Example CPU @ 2.90GHz", 2, 4, List.of("avx2", "fma")),
                8L * 1024 * 1024 * 1024,
                new JvmInfo("Eclipse Adoptium", "17.0.15+6", List.of("-Xmx2g"), 256),
                "performance",
                null,
                Map.of("turbo", "no boost file"),
                new CiInfo("github-actions", null));
    }

    /** A run with every kind of field: nested config, tags, nulls, a timeout and a skipped benchmark. */
    static RunResult rich(String id) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("profile", "quick");
        config.put("threads", 2L);
        config.put("sizes", List.of(List.of(64L, 64L), List.of(1024L, 1024L)));
        config.put("ratio", 0.5);
        config.put("deterministic", false);
        config.put("jvm", null);
        config.put("nested", Map.of("a", "b"));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("release", "v0.1");
        tags.put("runner", "ci-3");
        RunInfo info = new RunInfo(
                id,
                Instant.parse("2026-11-23T10:12:33.123456789Z"),
                Instant.parse("2026-11-23T10:16:40.5Z"),
                "quick",
                42,
                RunStatus.PARTIAL,
                new GitInfo(SHA, "main", true),
                tags,
                config);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of("ms/op", Direction.LOWER, 1.25, 1.5, 1.0, 1.125, 1.75, 0.1 + 0.2));
        metrics.put("throughput", Metric.of("GFLOPS", Direction.HIGHER, 1.6, 1.3, 2.0, Math.PI, 1.1, 1.5));
        metrics.put("alloc", Metric.of("B/op", Direction.LOWER, 0));
        List<BenchmarkResult> benchmarks = List.of(
                new BenchmarkResult(
                        "kernels.matmul/simd/f32/1024x1024",
                        "kernels",
                        "matmul",
                        "simd",
                        "f32",
                        Map.of("size", "1024x1024"),
                        BenchmarkStatus.OK,
                        null,
                        metrics),
                BenchmarkResult.notMeasured(
                        "kernels.matmul/scalar/f32/1024x1024",
                        "kernels",
                        "matmul",
                        "scalar",
                        "f32",
                        Map.of("size", "1024x1024"),
                        BenchmarkStatus.TIMEOUT,
                        "exceeded timeout of 30s"),
                BenchmarkResult.notMeasured(
                        "peers.sgemm/metal/f32/64x64",
                        "peers",
                        "sgemm",
                        null,
                        null,
                        Map.of(),
                        BenchmarkStatus.SKIPPED,
                        "no Metal device"));
        return new RunResult(info, system("linux-x86_64"), benchmarks);
    }

    /**
     * A run of {@code benchmarks} benchmarks {@code bench.op/b<i>} with metrics {@code time} and
     * {@code throughput} of {@code samples} samples each around {@code level}.
     */
    static RunResult run(
            String id,
            Instant started,
            String platform,
            String branch,
            Map<String, String> tags,
            int benchmarks,
            int samples,
            double level,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchmarkResult> list = new ArrayList<>(benchmarks);
        for (int b = 0; b < benchmarks; b++) {
            double[] time = new double[samples];
            double[] throughput = new double[samples];
            for (int s = 0; s < samples; s++) {
                time[s] = level * (1 + 0.01 * random.nextDouble());
                throughput[s] = 1000 / time[s];
            }
            Map<String, Metric> metrics = new LinkedHashMap<>();
            metrics.put("time", Metric.of("ms/op", Direction.LOWER, time));
            metrics.put("throughput", Metric.of("ops/s", Direction.HIGHER, throughput));
            list.add(new BenchmarkResult(
                    "bench.op/b" + b,
                    "bench",
                    "op",
                    "scalar",
                    "f32",
                    Map.of("i", "" + b),
                    BenchmarkStatus.OK,
                    null,
                    metrics));
        }
        RunInfo info = new RunInfo(
                id,
                started,
                started.plusSeconds(60),
                "quick",
                seed,
                RunStatus.OK,
                new GitInfo(SHA, branch, false),
                tags,
                Map.of());
        return new RunResult(info, system(platform), list);
    }

    static RunResult small(String id, Instant started) {
        return run(id, started, "linux-x86_64", "main", Map.of(), 3, 5, 10.0, id.hashCode());
    }
}
