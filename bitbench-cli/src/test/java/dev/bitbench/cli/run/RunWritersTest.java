package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWritersTest {
    @TempDir
    Path dir;

    private static BenchmarkResult timed(String group, String op, String backend, String shape, String unit, double t) {
        return new BenchmarkResult(
                group + "." + op + "/" + backend + "/f32/" + shape,
                group,
                op,
                backend,
                "f32",
                Map.of("shape", shape),
                BenchmarkStatus.OK,
                null,
                Map.of("time", Metric.of(unit, Direction.LOWER, t, t, t)));
    }

    private static RunResult run(List<BenchmarkResult> benchmarks) {
        RunInfo info = new RunInfo(
                "20261123T000000Z-abcdef0",
                Instant.parse("2026-11-23T00:00:00Z"),
                Instant.parse("2026-11-23T00:01:05Z"),
                "quick",
                42,
                RunStatus.PARTIAL,
                GitInfo.UNKNOWN,
                Map.of(),
                Map.of(
                        "forks",
                        1L,
                        "warmup_iterations",
                        2L,
                        "warmup_time",
                        "300ms",
                        "measurement_iterations",
                        5L,
                        "measurement_time",
                        "300ms",
                        "timeout",
                        "60s",
                        "threads",
                        2L,
                        "peers",
                        Map.of(
                                "openblas_corename",
                                "Haswell",
                                "environment_removed",
                                Map.of("OPENBLAS_CORETYPE", "Haswell"))));
        SystemInfo system = new SystemInfo(
                "Linux",
                "6.1",
                "amd64",
                "linux-x86_64",
                new CpuInfo("Test CPU", 2, 2, List.of("avx2", "fma")),
                1L << 30,
                new JvmInfo("Vendor", "17.0.15", List.of(), 256),
                null,
                null,
                Map.of(),
                null);
        return new RunResult(info, system, benchmarks);
    }

    @Test
    void latestPointsAtTheNewestRunAndIdsNeverCollide() throws IOException {
        Files.createDirectories(dir.resolve("20261123T000000Z-abcdef0"));
        assertThat(RunDirectory.newRunId(
                        dir,
                        Instant.parse("2026-11-23T00:00:00Z"),
                        new GitInfo("abcdef0123456789abcdef0123456789abcdef01", "main", false)))
                .isEqualTo("20261123T000000Z-abcdef0-2");
        Path written =
                RunDirectory.write(dir, run(List.of(timed("kernels", "add", "simd", "8", "us/op", 1))), List.of());
        RunDirectory.write(dir, run(List.of(timed("kernels", "add", "simd", "8", "us/op", 1))), List.of());
        assertThat(dir.resolve("latest").toRealPath()).isEqualTo(written.toRealPath());
        for (String f : RunDirectory.FILES) {
            assertThat(written.resolve(f)).isNotEmptyFile();
        }
    }
}
