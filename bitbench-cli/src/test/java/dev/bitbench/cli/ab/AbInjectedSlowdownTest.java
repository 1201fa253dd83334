package dev.bitbench.cli.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.TrialSchedule;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.ThresholdsFile;
import dev.bitbench.suite.SlowdownInjection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ab} end to end on real child processes: the same build (this test's classpath) as A and B,
 * B with the suite's hook slowing one benchmark down by 20 %, smoke profile, 12 interleaved rounds
 * (49 processes, about 2 minutes on 2 idle cores). The slowed benchmark must come out CRITICAL (and
 * fail the gate: exit 3 with {@code --fail-on-regression}), the other not flagged: STABLE, or
 * INCONCLUSIVE when its smoke samples were too noisy to call (a level the "STABLE" does not
 * allow for, but the honest one for 3 x 50 ms samples; see the measurements in docs/measurement.md).
 *
 * <p>Thresholds as a {@code --thresholds} file would give them: time 5 / 15 %, throughput 5 / 12 %,
 * so that the expected regressions (time +20 %, throughput -16.7 %) sit 5 points above critical
 * instead of at the edge of the defaults (time 15 / 25 %: only WARNING; throughput critical 15 %).
 * A level above STABLE needs the whole interval beyond the warning threshold (or an interval
 * narrower than it): with the warning at 10 % a run whose slowed benchmark measured +19.4 % with an
 * interval of +8.1 to +22.3 % (two disturbed rounds of 50 ms samples) was INCONCLUSIVE; at 5 % the
 * same data is CRITICAL, while an untouched benchmark still needs a significant drift whose whole
 * interval lies beyond 5 % to be flagged. 12 rounds rather than 10 narrow the interval further.
 *
 * <p>This is a timing verdict, so it needs a machine that can time: with the load average well above
 * the number of cores, other processes take most of each 50 ms smoke iteration and single trials
 * vary by 50-100 %. Measured on the 2-core development machine: at load 11-12, and at load 1.6
 * rising to 6 during the rounds, every comparison INCONCLUSIVE although the slowed benchmark's median
 * ratio was 1.20; at 1.8 rising to 3.9 still INCONCLUSIVE (CI +9 to +25 %); at 1.7 rising to 2.6 the
 * slowed benchmark CRITICAL (B/A 1.195, CI +18.7 to +22.8 %) and the other INCONCLUSIVE. The test is then skipped, checked before the rounds and after them whatever the verdicts
 * (an assumption, reported as skipped, never passed).
 */
class AbInjectedSlowdownTest {

    static final String SLOWED = "kernels.gelu/scalar/f32/4096";
    static final String UNTOUCHED = "kernels.silu/scalar/f32/4096";
    static final int ROUNDS = 12;

    @TempDir
    Path scratch;

    private static final String THRESHOLDS = """
            {"warning": {"latency_increase_percent": 5, "throughput_decrease_percent": 5},
             "critical": {"latency_increase_percent": 15, "throughput_decrease_percent": 12}}
            """;

    @Test
    void aTwentyPercentInjectedSlowdownIsCriticalAndTheUntouchedBenchmarkStable() throws Exception {
        assumeQuiet("before");
        String java = CurrentJar.java();
        String classpath = System.getProperty("java.class.path");
        Version a = Version.ofClasspath("A", classpath, java);
        Version b = Version.ofClasspath("B", classpath, java)
                .with("B", List.of(), Map.of(SlowdownInjection.ENV, SLOWED + ":20"));
        StringWriter progress = new StringWriter();
        AbService service = new AbService(
                new ProcessTrialExecutor("smoke", 42L, scratch),
                Clock.systemUTC(),
                new PrintWriter(progress),
                new AtomicBoolean(),
                false);

        AbReport report = service.run(new AbService.Request(
                a,
                b,
                "^kernels\\.(gelu|silu)/scalar/f32/4096$",
                ROUNDS,
                TrialSchedule.Mode.INTERLEAVED,
                "smoke",
                DetectorConfig.defaults().withThresholds(ThresholdsFile.parse(THRESHOLDS))));

        String shown = new AbHumanFormat().render(report) + progress;
        System.out.println(shown); // the verdicts, for the build log, also when skipped below
        // decided without looking at the report: a machine that got busy during the rounds timed nothing
        assumeQuiet("after the rounds");
        assertThat(report.trials())
                .as(shown)
                .hasSize(ROUNDS * 2 * 2)
                .allSatisfy(t -> assertThat(t.error()).isNull());
        PairedComparison slowTime = find(report, SLOWED, "time");
        PairedComparison slowThroughput = find(report, SLOWED, "throughput");
        // the hook lengthens each operation by 20 % of its own time: B/A of time near 1.2
        assertThat(slowTime.medianRatio()).as(shown).isBetween(1.10, 1.35);
        assertThat(slowTime.level()).as(shown).isEqualTo(Level.CRITICAL);
        assertThat(slowThroughput.level()).as(shown).isEqualTo(Level.CRITICAL);
        // not flagged: STABLE when its pairs are tight, INCONCLUSIVE when a few rounds of silu's 50 ms
        // smoke samples were disturbed (its bootstrap interval then spans +-30 %, seen at load 1.7-2.6)
        assertThat(find(report, UNTOUCHED, "time").level()).as(shown).isIn(Level.STABLE, Level.INCONCLUSIVE);
        assertThat(find(report, UNTOUCHED, "throughput").level()).as(shown).isIn(Level.STABLE, Level.INCONCLUSIVE);
        assertThat(report.comparisons())
                .as(shown)
                .filteredOn(c -> c.level() != Level.STABLE && c.level() != Level.INCONCLUSIVE)
                .extracting(PairedComparison::benchmarkId)
                .containsOnly(SLOWED);
        assertThat(AbCommand.exitCode(report, true, Level.CRITICAL)).isEqualTo(ExitCodes.REGRESSION);
        assertThat(AbCommand.exitCode(report, false, Level.CRITICAL)).isEqualTo(ExitCodes.OK);
    }

    /**
     * Skips (never passes) the test when the 1-minute load average exceeds 1.5 times the number of
     * cores. The margin above 1 per core leaves room for this build's own Maven and test JVMs; at 2
     * per core and more the verdicts measured here were noise (see the class doc).
     */
    private static void assumeQuiet(String when) {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        assumeTrue(
                load <= 1.5 * cores,
                "load average " + load + " on " + cores + " cores " + when
                        + ": too busy for a timing verdict (see the class doc)");
    }

    private static PairedComparison find(AbReport report, String id, String metric) {
        return report.comparisons().stream()
                .filter(c -> c.benchmarkId().equals(id) && c.metric().equals(metric))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no " + id + " " + metric + " in\n" + new AbHumanFormat().render(report)));
    }
}
