package dev.bitbench.core.result;

import dev.bitbench.core.Direction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Complete example runs for tests, covering every optional and nullable field. */
final class ResultFixtures {

    private ResultFixtures() {}

    static SystemInfo system(CiInfo ci) {
        return new SystemInfo(
                "Debian GNU/Linux 12 (bookworm)",
                "6.1.0-18-amd64",
                "amd64",
                "linux-x86_64",
                new CpuInfo("Example CPU @ 2.90GHz", 2, 4, List.of("avx2", "avx512f", "avx512_vnni", "fma")),
                8L * 1024 * 1024 * 1024,
                new JvmInfo(
                        "Eclipse Adoptium", "17.0.15+6", List.of("--add-modules=jdk.incubator.vector", "-Xmx2g"), 256),
                null,
                Boolean.TRUE,
                Map.of("governor", "/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor: no such file"),
                ci);
    }

    static RunResult run() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("profile", "quick");
        config.put("threads", 2);
        config.put("sizes", List.of(List.of(64, 64), List.of(1024, 1024)));
        config.put("timeout_ms", 30000L);
        config.put("ratio", 0.5f);
        config.put("deterministic", false);
        config.put("jvm", null);
        config.put("nested", Map.of("a", "b"));
        RunInfo info = new RunInfo(
                "20261123T101233Z-f8fe249",
                Instant.parse("2026-11-23T10:12:33Z"),
                Instant.parse("2026-11-23T10:16:40.123Z"),
                "quick",
                42,
                RunStatus.PARTIAL,
                new GitInfo("f8fe249aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "main", true),
                Map.of("release", "v0.1"),
                config);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of("ms/op", Direction.LOWER, 1.25, 1.5, 1.0, 1.125, 1.75, 1.3125));
        metrics.put("throughput", Metric.of("GFLOPS", Direction.HIGHER, 1.6, 1.3, 2.0, 1.7, 1.1, 1.5));
        metrics.put("alloc", Metric.of("B/op", Direction.LOWER, 0));
        BenchmarkResult ok = new BenchmarkResult(
                "kernels.matmul/simd/f32/1024x1024",
                "kernels",
                "matmul",
                "simd",
                "f32",
                Map.of("size", "1024x1024"),
                BenchmarkStatus.OK,
                null,
                metrics);
        BenchmarkResult timeout = BenchmarkResult.notMeasured(
                "kernels.matmul/scalar/f32/1024x1024",
                "kernels",
                "matmul",
                "scalar",
                "f32",
                Map.of("size", "1024x1024"),
                BenchmarkStatus.TIMEOUT,
                "exceeded timeout of 30s");
        BenchmarkResult skipped = BenchmarkResult.notMeasured(
                "peers.sgemm/metal/f32/64x64",
                "peers",
                "sgemm",
                null,
                null,
                Map.of(),
                BenchmarkStatus.SKIPPED,
                "device metal is not available on linux-x86_64");
        return new RunResult(
                info,
                system(new CiInfo("github-actions", "https://github.com/o/r/actions/runs/1")),
                List.of(ok, timeout, skipped));
    }
}
