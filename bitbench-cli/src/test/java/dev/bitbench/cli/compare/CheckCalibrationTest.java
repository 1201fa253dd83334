package dev.bitbench.cli.compare;

import static dev.bitbench.cli.compare.TestRuns.ADD;
import static dev.bitbench.cli.compare.TestRuns.MATMUL;
import static dev.bitbench.cli.compare.TestRuns.bitbench;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.cli.compare.TestRuns.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --calibration}: warnings for thresholds finer than the machine's calibrated MDE. */
class CheckCalibrationTest {

    @TempDir
    Path dir;

    /** matmul time resolves 5 % (below its 15 % threshold); add time resolves nothing up to 20 %. */
    private Path calibration() throws IOException {
        return Files.writeString(dir.resolve("calibration.json"), """
                {"schema": "bitbench/calibration/v1", "rounds": 10, "benchmarks": [
                  {"benchmark": "%s", "metric": "time", "paired_cv_pct": 3.0, "mde_pct": 5.0,
                   "detection": [{"shift_pct": 20.0, "detected": 1.0}]},
                  {"benchmark": "%s", "metric": "time", "paired_cv_pct": 20.0, "mde_pct": null,
                   "detection": [{"shift_pct": 20.0, "detected": 0.4}]}]}
                """.formatted(MATMUL, ADD));
    }

    @Test
    void warnsOnOneStderrLineAboutTheThresholdBelowTheMdeWithTheRoundsNeeded() throws IOException {
        Path base = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base"));
        Path run = TestRuns.run().suite(101, 1.0, 1.0).writeTo(dir.resolve("run"));

        Outcome o = bitbench(
                "check",
                run.toString(),
                "--against",
                base.toString(),
                "--calibration",
                calibration().toString());

        assertThat(o.exitCode()).as(o.err()).isZero();
        String warning = o.err()
                .lines()
                .filter(l -> l.contains("warning:"))
                .reduce((a, b) -> a + "\n" + b)
                .orElseThrow();
        assertThat(warning).doesNotContain("\n");
        // 20 % paired CV, 15 % threshold: ((1.96 + 1.645) * 0.20 / ln 1.15)^2 * pi/3 = 27.9
        assertThat(warning)
                .contains("1 threshold is below")
                .contains(ADD + " time threshold 15% < MDE > 20%, needs ~28 rounds")
                .doesNotContain(MATMUL);
    }

    @Test
    void theMarkdownOutputCarriesTheWarningAsATable() throws IOException {
        Path base = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base"));
        Path run = TestRuns.run().suite(101, 1.0, 1.0).writeTo(dir.resolve("run"));

        Outcome o = bitbench(
                "check",
                run.toString(),
                "--against",
                base.toString(),
                "--calibration",
                calibration().toString(),
                "--format",
                "markdown");

        assertThat(o.out())
                .contains("**Warning:** 1 threshold is below")
                .contains("| `" + ADD + "` | time | 15% | > 20% | 28 |");
    }

    @Test
    void withoutACalibrationFileNothingIsSaidAndANamedMissingFileIsExitTwo() throws IOException {
        Path base = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("base"));
        Path run = TestRuns.run().suite(101, 1.0, 1.0).writeTo(dir.resolve("run"));

        Outcome plain = bitbench("check", run.toString(), "--against", base.toString());
        assertThat(plain.err()).doesNotContain("warning:");

        Outcome missing = bitbench(
                "check",
                run.toString(),
                "--against",
                base.toString(),
                "--calibration",
                dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json").contains("no such file");

        Path notCalibration = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"bitbench/ab/v1\"}");
        Outcome wrong = bitbench(
                "check", run.toString(), "--against", base.toString(), "--calibration", notCalibration.toString());
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("other.json").contains("bitbench/calibration/v1");
    }
}
