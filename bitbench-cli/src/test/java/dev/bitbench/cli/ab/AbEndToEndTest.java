package dev.bitbench.cli.ab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.TrialOutcome;
import dev.bitbench.core.ab.TrialSchedule;
import dev.bitbench.core.detect.DetectorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ab} through real child processes: the same build (this test's classpath) as A and B, one
 * benchmark, smoke profile, 6 rounds (13 processes). Asserts the plumbing (every trial ran and was read
 * back from its performance-report.json, pairs formed, a verdict given), never a timing or a level.
 */
class AbEndToEndTest {

    @TempDir
    Path scratch;

    @Test
    void sameBuildOnBothSidesRunsEveryTrialAndPairsEveryRound() throws Exception {
        String java = CurrentJar.java();
        Version self = Version.ofClasspath("A", System.getProperty("java.class.path"), java);
        Version copy = Version.ofClasspath("B", System.getProperty("java.class.path"), java);
        StringWriter progress = new StringWriter();
        AbService service = new AbService(
                new ProcessTrialExecutor("smoke", 42L, scratch),
                Clock.systemUTC(),
                new PrintWriter(progress),
                new AtomicBoolean(),
                false);

        AbReport report = service.run(new AbService.Request(
                self,
                copy,
                "^kernels\\.sum/simd/f32/",
                6,
                TrialSchedule.Mode.INTERLEAVED,
                "smoke",
                DetectorConfig.defaults()));

        assertThat(report.trials()).as(progress.toString()).hasSize(12);
        assertThat(report.trials()).allSatisfy(t -> assertThat(t.error()).isNull());
        assertThat(report.trials())
                .extracting(TrialOutcome::values)
                .allSatisfy(v ->
                        assertThat(v).extracting(TrialOutcome.Value::metric).contains("time"));
        assertThat(report.roundsCompleted()).isEqualTo(6);
        PairedComparison time = report.comparisons().stream()
                .filter(c -> c.metric().equals("time"))
                .findFirst()
                .orElseThrow();
        assertThat(time.benchmarkId()).startsWith("kernels.sum/simd/f32/");
        assertThat(time.rounds()).isEqualTo(6);
        assertThat(time.statistical()).isTrue();
        assertThat(time.level()).isNotNull();
        assertThat(new AbJsonFormat().render(report)).contains("\"trials\"").contains("\"started_at\"");
    }
}
