package dev.bitbench.cli.ab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.ab.Arm;
import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.TrialOutcome;
import dev.bitbench.core.ab.TrialSchedule.Mode;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AbServiceTest {

    private static final Version A = Version.ofJar("A", Path.of("a.jar"), "java");
    private static final Version B = Version.ofJar("B", Path.of("b.jar"), "java");

    private static AbReport run(FakeTrialExecutor fake, Mode mode, int rounds, AtomicBoolean stop, StringWriter err)
            throws Exception {
        AbService service = new AbService(
                fake,
                Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC),
                new PrintWriter(err),
                stop,
                false);
        return service.run(new AbService.Request(
                A,
                B,
                "kernels",
                rounds,
                mode,
                "smoke",
                DetectorConfig.defaults().withParallel(false)));
    }

    @Test
    void interleavedRunsEachBenchmarkAloneForBothVersionsEveryRoundAndFindsTheSlowdown() throws Exception {
        FakeTrialExecutor fake = new FakeTrialExecutor(0.30);
        StringWriter err = new StringWriter();

        AbReport report = run(fake, Mode.INTERLEAVED, 10, new AtomicBoolean(), err);

        assertThat(fake.calls.get(0)).isEqualTo(new FakeTrialExecutor.Call("A", "kernels", -1)); // discovery
        assertThat(fake.calls).hasSize(1 + 10 * 2 * 2);
        assertThat(fake.calls.subList(1, fake.calls.size()))
                .allSatisfy(c -> assertThat(c.filter()).isIn("^\\Qkernels.x\\E$", "^\\Qkernels.y\\E$"));
        assertThat(report.trials()).hasSize(40);
        for (int round = 0; round < 10; round++) {
            int r = round;
            assertThat(report.trials().stream().filter(t -> t.trial().round() == r))
                    .hasSize(4);
        }
        assertThat(report.roundsCompleted()).isEqualTo(10);
        assertThat(report.partial()).isFalse();

        PairedComparison x = report.comparisons().get(0);
        PairedComparison y = report.comparisons().get(1);
        assertThat(x.benchmarkId()).isEqualTo("kernels.x");
        assertThat(x.level()).isEqualTo(Level.CRITICAL); // 30 % slower; time thresholds 15 / 25 %
        assertThat(x.regressionPct())
                .isCloseTo(30.0, org.assertj.core.api.Assertions.within(3.0)); // drift within a round;
        assertThat(x.rounds()).isEqualTo(10);
        assertThat(y.level()).isEqualTo(Level.STABLE);
        assertThat(report.fails(Level.CRITICAL)).isTrue();
        assertThat(err.toString()).contains("round 10/10");
    }

    @Test
    void pairsTheVersionsWithinARoundWhateverTheirOrder() throws Exception {
        FakeTrialExecutor fake = new FakeTrialExecutor(0.0);

        AbReport report = run(fake, Mode.INTERLEAVED, 8, new AtomicBoolean(), new StringWriter());

        for (PairedComparison c : report.comparisons()) {
            // the machine drifts by up to 20 % over the run but the pairs share a round: B/A stays near 1
            assertThat(c.medianRatio()).isBetween(0.95, 1.05);
            assertThat(c.level()).isEqualTo(Level.STABLE);
        }
        List<Arm> firstRound = report.trials().stream()
                .filter(t -> t.trial().round() == 0)
                .map(t -> t.trial().arm())
                .toList();
        assertThat(firstRound).containsExactlyInAnyOrder(Arm.BASELINE, Arm.BASELINE, Arm.CANDIDATE, Arm.CANDIDATE);
    }

    @Test
    void stopGivesAPartialVerdictOnTheRoundsDone() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        FakeTrialExecutor fake = new FakeTrialExecutor(0.20).stopAfter(1 + 4 * 7 + 2, stop);

        AbReport report = run(fake, Mode.INTERLEAVED, 10, stop, new StringWriter());

        assertThat(report.partial()).isTrue();
        assertThat(report.roundsCompleted()).isEqualTo(7);
        assertThat(report.roundsPlanned()).isEqualTo(10);
        // the trial during which Ctrl-C came is dropped; the complete rounds give the verdict
        assertThat(report.trials()).hasSize(4 * 7 + 1);
        assertThat(report.comparisons()).allSatisfy(c -> assertThat(c.rounds()).isEqualTo(7));
    }

    @Test
    void duetRunsBothVersionsOfASlotOnOppositeLanes() throws Exception {
        FakeTrialExecutor fake = new FakeTrialExecutor(0.0);

        AbReport report = run(fake, Mode.DUET, 4, new AtomicBoolean(), new StringWriter());

        assertThat(fake.calls).hasSize(1 + 4 * 2 * 2);
        for (TrialOutcome o : report.trials()) {
            int baselineLane = o.trial().round() % 2;
            assertThat(o.trial().lane()).isEqualTo(o.trial().arm() == Arm.BASELINE ? baselineLane : 1 - baselineLane);
        }
        assertThat(fake.calls.subList(1, fake.calls.size()))
                .extracting(FakeTrialExecutor.Call::lane)
                .containsOnly(0, 1);
    }
}
