package dev.bitbench.report;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.Level;
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
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Runs and comparisons for the report tests. */
final class ReportFixtures {
    /** A benchmark id that is an HTML injection attempt; must render as text. */
    static final String XSS_ID = "<img src=x onerror=alert(1)>";

    private ReportFixtures() {}

    /** The committed run file {@code src/test/resources/dev/bitbench/report/run-fixture.json}. */
    static RunResult fixtureRun() {
        try {
            return RunResultJson.read(
                    Path.of(ReportFixtures.class.getResource("run-fixture.json").toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SystemInfo system() {
        return new SystemInfo(
                "Debian GNU/Linux 12 (bookworm)",
                "6.1.0-18-amd64",
                "amd64",
                "linux-x86_64",
                new CpuInfo("Test CPU @ 3.0GHz", 2, 4, List.of("avx2", "fma")),
                8L * 1024 * 1024 * 1024,
                new JvmInfo("Eclipse Adoptium", "17.0.15+6", List.of("-Xmx2g"), 256),
                "schedutil",
                Boolean.TRUE,
                Map.of(),
                null);
    }

    static RunInfo info(String id, int benchmarks) {
        return new RunInfo(
                id,
                Instant.parse("2026-11-23T10:00:00Z"),
                Instant.parse("2026-11-23T10:05:00Z").plusSeconds(benchmarks),
                "quick",
                42,
                RunStatus.PARTIAL,
                new GitInfo("f8fe249a1b2c3d4e5f60718293a4b5c6d7e8f901", "main", false),
                Map.of("env", "test"),
                Map.of("forks", 1L));
    }

    static BenchmarkResult kernel(String op, String backend, String shape, double ms, double spread, long seed) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of("ms/op", Direction.LOWER, samples(ms, spread, seed)));
        long elements = 1;
        for (String d : shape.split("x")) {
            elements *= Long.parseLong(d);
        }
        metrics.put(
                "throughput", Metric.of("Melem/s", Direction.HIGHER, samples(elements / (ms * 1e3), spread, seed + 1)));
        metrics.put("alloc", Metric.of("B/op", Direction.LOWER, backend.equals("parallel") ? 512 : 0));
        return new BenchmarkResult(
                "kernels." + op + "/" + backend + "/f32/" + shape,
                "kernels",
                op,
                backend,
                "f32",
                Map.of("shape", shape),
                BenchmarkStatus.OK,
                null,
                metrics);
    }

    /** {@code n} samples around {@code center}, seeded, relative spread {@code spread}. */
    static double[] samples(double center, double spread, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[5];
        for (int i = 0; i < s.length; i++) {
            s[i] = center * (1 + spread * (r.nextDouble() * 2 - 1));
        }
        return s;
    }

    /** A synthetic run of {@code n} kernel benchmarks over three backends, seeded. */
    static RunResult synthetic(int n) {
        List<BenchmarkResult> benchmarks = new ArrayList<>(n);
        String[] backends = {"scalar", "simd", "parallel"};
        for (int i = 0; i < n; i++) {
            String backend = backends[i % 3];
            int op = i / 3 / 10;
            String shape = (64 << ((i / 3) % 10)) + "";
            double ms = (1 + (i / 3) % 10) * (backend.equals("scalar") ? 4 : backend.equals("simd") ? 1.5 : 1);
            benchmarks.add(kernel("op" + op, backend, shape, ms, 0.05, i));
        }
        return new RunResult(info("synthetic-" + n, n), system(), benchmarks);
    }

    /** A comparison with two CRITICAL, one WARNING, one IMPROVEMENT and one STABLE row. */
    static ComparisonSummary comparison() {
        return new ComparisonSummary(
                List.of(
                        entry("kernels.matmul/simd/f32/1024x1024", Level.CRITICAL, 10, 14),
                        entry("kernels.add/simd/f32/4096", Level.CRITICAL, 1, 1.3),
                        entry(XSS_ID, Level.WARNING, 2, 2.36),
                        entry("kernels.matmul/parallel/f32/1024x1024", Level.IMPROVEMENT, 4, 3),
                        entry("kernels.matmul/scalar/f32/1024x1024", Level.STABLE, 40, 40.4)),
                "a1b2c3d",
                "f8fe249");
    }

    static ComparisonEntry entry(String id, Level level, double baseline, double current) {
        double change = (current / baseline - 1) * 100;
        return new ComparisonEntry(id, "time", "ms/op", level, baseline, current, change, change, 0.001, null);
    }
}
