package dev.bitbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunDigestTest {

    private static BenchmarkResult timed(String op, String backend, String shape, String unit, double value) {
        return new BenchmarkResult(
                "kernels." + op + "/" + backend + "/f32/" + shape,
                backend.startsWith("peer") ? "peers" : "kernels",
                op,
                backend,
                "f32",
                Map.of("shape", shape),
                BenchmarkStatus.OK,
                null,
                Map.of("time", Metric.of(unit, Direction.LOWER, value)));
    }

    @ParameterizedTest
    @CsvSource({"ns/op,2000,0.000002", "us/op,2000,0.002", "ms/op,2,0.002", "s/op,2,2", "µs/op,1,0.000001"})
    void secondsConvertsTimeUnits(String unit, double value, double seconds) {
        assertThat(RunDigest.seconds(timed("add", "scalar", "8", unit, value)).getAsDouble())
                .isCloseTo(seconds, within(seconds * 1e-12));
    }

    @Test
    void unknownTimeUnitHasNoSeconds() {
        assertThat(RunDigest.seconds(timed("add", "scalar", "8", "ops/s", 5))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1024x1024/batch1,1048576", "4096,4096", "512x512/per_tensor,262144", "2x3x4,24", "abc,0"})
    void elementsIsTheProductOfTheLeadingShape(String shape, long elements) {
        assertThat(RunDigest.elements(timed("add", "scalar", shape, "ms/op", 1)))
                .isEqualTo(elements);
    }

    @Test
    void speedupsMixedUnitsAreComparedInSeconds() {
        RunResult run = new RunResult(
                ReportFixtures.info("r", 0),
                ReportFixtures.system(),
                List.of(
                        timed("add", "scalar", "64", "us/op", 3),
                        timed("add", "simd", "64", "ns/op", 1500),
                        timed("add", "parallel", "64", "ms/op", 0.006),
                        timed("add", "scalar", "8", "us/op", 1),
                        timed("add", "simd", "8", "us/op", 2)));
        List<RunDigest.Speedup> s = new RunDigest(run).speedups();
        // sorted by size: 8 before 64
        assertThat(s).extracting(RunDigest.Speedup::shape).containsExactly("8", "64", "64");
        assertThat(s.get(0).speedup()).isCloseTo(0.5, within(1e-12));
        assertThat(s.get(1).speedup()).isCloseTo(2.0, within(1e-12));
        assertThat(s.get(2).speedup()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void fastestPerOpCountsWinsAcrossShapesIncludingPeers() {
        RunResult run = new RunResult(
                ReportFixtures.info("r", 0),
                ReportFixtures.system(),
                List.of(
                        timed("mm", "scalar", "8", "ms/op", 4),
                        timed("mm", "simd", "8", "ms/op", 1),
                        timed("mm", "peer-blas", "8", "ms/op", 2),
                        timed("mm", "scalar", "64", "ms/op", 40),
                        timed("mm", "simd", "64", "ms/op", 10),
                        timed("mm", "peer-blas", "64", "ms/op", 5),
                        timed("mm", "simd", "128", "ms/op", 5)));
        assertThat(new RunDigest(run).fastestPerOp()).singleElement().satisfies(f -> {
            assertThat(f.wins()).isEqualTo(1);
            assertThat(f.shapes()).isEqualTo(2);
            assertThat(f.backend()).isIn("simd", "peer-blas");
        });
        assertThat(new RunDigest(run).peerRatios())
                .extracting(p -> p.ratios().get("simd"))
                .containsExactly(2.0, 0.5);
    }
}
