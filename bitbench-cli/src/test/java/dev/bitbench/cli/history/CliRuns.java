package dev.bitbench.cli.history;

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
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs to store and a way to execute the real command line, for the history command tests. */
public final class CliRuns {
    public static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private CliRuns() {}

    /** Result of one command: exit code, stdout, stderr. */
    public record Result(int exit, String out, String err) {}

    public static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BitBench.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * Run {@code r<index>} (two digits) started {@code index} days after T0, with benchmarks {@code
     * bench.op/b0} and {@code bench.op/b1} whose time samples are {@code level, level * 1.001, level *
     * 0.999}.
     */
    public static RunResult run(int index, String platform, Map<String, String> tags, double level) {
        String sha = String.format("%040x", index + 0xabc0);
        Map<String, Metric> m0 = new LinkedHashMap<>();
        m0.put("time", Metric.of("ms/op", Direction.LOWER, level, level * 1.001, level * 0.999));
        m0.put("throughput", Metric.of("ops/s", Direction.HIGHER, 1000 / level, 1000 / level * 1.001));
        Map<String, Metric> m1 = Map.of("time", Metric.of("ms/op", Direction.LOWER, 2.0, 2.0, 2.0));
        RunInfo info = new RunInfo(
                String.format("r%02d", index),
                T0.plusSeconds(86_400L * index),
                T0.plusSeconds(86_400L * index + 60),
                "quick",
                42,
                RunStatus.OK,
                new GitInfo(sha, "main", false),
                tags,
                Map.of("threads", 2L));
        SystemInfo system = new SystemInfo(
                "Debian GNU/Linux 12",
                "6.1.0",
                "amd64",
                platform,
                new CpuInfo("Example CPU", 2, 2, List.of("avx2")),
                1L << 33,
                new JvmInfo("Eclipse Adoptium", "17.0.15+6", List.of(), 256),
                null,
                null,
                Map.of(),
                null);
        return new RunResult(
                info,
                system,
                List.of(
                        new BenchmarkResult(
                                "bench.op/b0", "bench", "op", "simd", "f32", Map.of(), BenchmarkStatus.OK, null, m0),
                        new BenchmarkResult(
                                "bench.op/b1",
                                "bench",
                                "op",
                                "scalar",
                                "f32",
                                Map.of(),
                                BenchmarkStatus.OK,
                                null,
                                m1)));
    }
}
