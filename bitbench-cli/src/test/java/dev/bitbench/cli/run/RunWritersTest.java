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
    void markdownShowsSpeedupOverScalarAndRatioToTheBestPeerFromMedianTimes() {
        RunResult run = run(List.of(
                timed("kernels", "matmul", "scalar", "256x256", "ms/op", 40),
                timed("kernels", "matmul", "simd", "256x256", "ms/op", 4),
                timed("kernels", "matmul", "parallel", "256x256", "us/op", 2500),
                timed("peers", "matmul", "openblas", "256x256", "ms/op", 1),
                timed("peers", "matmul", "ejml", "256x256", "ms/op", 5),
                BenchmarkResult.notMeasured(
                        "kernels.add/simd/f32/4096",
                        "kernels",
                        "add",
                        "simd",
                        "f32",
                        Map.of(),
                        BenchmarkStatus.FAILED,
                        "java.lang.UnsupportedOperationException: no")));

        String md = MarkdownSummaryWriter.render(run);

        // scalar 40 ms over simd 4 ms = 10x; over parallel 2.5 ms = 16x
        assertThat(md).contains("| matmul | 256x256 | f32 | 10.00x | 16.00x |");
        // best peer openblas 1 ms: scalar 1/40, simd 1/4, parallel 1/2.5
        assertThat(md).contains("| matmul | 256x256 | openblas | 1.000 ms/op | 0.03x | 0.25x | 0.40x |");
        assertThat(md).contains("`OPENBLAS_CORETYPE=Haswell`").contains("OpenBLAS core: `Haswell`");
        assertThat(md)
                .contains("| `kernels.add/simd/f32/4096` | failed | java.lang.UnsupportedOperationException: no |");
        assertThat(md).contains("took 1:05");
        assertThat(md)
                .contains("- JMH: 1 fork(s) per benchmark, warm-up 2 x 300ms, measurement 5 x 300ms, timeout 60s");
    }

    @Test
    void csvHasOneRowPerMetricAndQuotesCellsWithCommas() {
        RunResult run = run(List.of(
                timed("kernels", "matmul", "simd", "256x256", "ms/op", 4),
                BenchmarkResult.notMeasured(
                        "kernels.add/simd/f32/4096",
                        "kernels",
                        "add",
                        "simd",
                        "f32",
                        Map.of("size", "4096"),
                        BenchmarkStatus.FAILED,
                        "boom, \"quoted\"")));
        List<String> lines = CsvResultsWriter.render(run).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(CsvResultsWriter.HEADER);
        assertThat(lines.get(1))
                .startsWith("20261123T000000Z-abcdef0,kernels.matmul/simd/f32/256x256,kernels,matmul,simd,f32,"
                        + "shape=256x256,ok,time,ms/op,lower,3,4.00000,");
        assertThat(lines.get(2)).endsWith(",failed,,,,,,,,,,,,,,\"boom, \"\"quoted\"\"\"");
        assertThat(lines.get(1).split(",", -1)).hasSize(CsvResultsWriter.HEADER.split(",").length);
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
