package dev.bitbench.core.ab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRoundsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private static TrialOutcome ok(int round, String id, Arm arm, double value) {
        return new TrialOutcome(
                new Trial(round, 0, id, arm, 0),
                T0,
                T0.plusSeconds(1),
                List.of(new TrialOutcome.Value("time", "ms/op", Direction.LOWER, value)),
                null);
    }

    @Test
    void pairsByRoundAndDropsRoundsWithAFailedSide() {
        TrialOutcome failed = new TrialOutcome(new Trial(1, 0, "x", Arm.CANDIDATE, 0), T0, T0, List.of(), "exit 1");
        List<TrialOutcome> outcomes = List.of(
                ok(2, "x", Arm.CANDIDATE, 12.0),
                ok(0, "x", Arm.BASELINE, 10.0),
                ok(1, "x", Arm.BASELINE, 11.0),
                failed,
                ok(0, "x", Arm.CANDIDATE, 10.5),
                ok(2, "x", Arm.BASELINE, 9.0),
                ok(0, "y", Arm.BASELINE, 5.0));

        List<PairedSamples> paired = PairedRounds.assemble(outcomes);

        assertThat(paired).hasSize(1);
        PairedSamples x = paired.get(0);
        assertThat(x.benchmarkId()).isEqualTo("x");
        assertThat(x.baseline()).containsExactly(10.0, 9.0);
        assertThat(x.candidate()).containsExactly(10.5, 12.0);
        assertThat(x.unit()).isEqualTo("ms/op");
    }
}
