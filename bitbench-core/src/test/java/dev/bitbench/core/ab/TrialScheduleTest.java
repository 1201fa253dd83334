package dev.bitbench.core.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.ab.TrialSchedule.Mode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrialScheduleTest {

    private static final List<String> IDS = List.of("a", "b", "c", "d");

    @Test
    void interleavedRoundRunsEveryBenchmarkOnceForEachVersion() {
        List<Trial> plan = TrialSchedule.plan(IDS, 5, Mode.INTERLEAVED, 42L);

        assertThat(plan).hasSize(5 * 4 * 2);
        for (int round = 0; round < 5; round++) {
            int r = round;
            List<Trial> trials = plan.stream().filter(t -> t.round() == r).toList();
            assertThat(trials.stream()
                            .map(t -> t.benchmarkId() + t.arm().label())
                            .collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("aA", "aB", "bA", "bB", "cA", "cB", "dA", "dB");
            assertThat(trials.stream().map(Trial::slot).toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        }
    }

    @Test
    void interleavedOrderIsShuffledPerRoundAndReproducible() {
        List<Trial> plan = TrialSchedule.plan(IDS, 10, Mode.INTERLEAVED, 42L);
        Set<List<String>> orders = new HashSet<>();
        for (int round = 0; round < 10; round++) {
            int r = round;
            orders.add(plan.stream()
                    .filter(t -> t.round() == r)
                    .map(t -> t.benchmarkId() + t.arm().label())
                    .toList());
        }

        assertThat(orders.size()).isGreaterThan(1);
        assertThat(TrialSchedule.plan(IDS, 10, Mode.INTERLEAVED, 42L)).isEqualTo(plan);
        assertThat(TrialSchedule.plan(IDS, 10, Mode.INTERLEAVED, 43L)).isNotEqualTo(plan);
    }

    @Test
    void duetRunsBothVersionsInTheSameSlotOnOppositeLanesSwappedEachRound() {
        List<Trial> plan = TrialSchedule.plan(IDS, 4, Mode.DUET, 1L);

        assertThat(plan).hasSize(4 * 4 * 2);
        for (int i = 0; i < plan.size(); i += 2) {
            Trial a = plan.get(i);
            Trial b = plan.get(i + 1);
            assertThat(a.arm()).isEqualTo(Arm.BASELINE);
            assertThat(b.arm()).isEqualTo(Arm.CANDIDATE);
            assertThat(b.benchmarkId()).isEqualTo(a.benchmarkId());
            assertThat(b.slot()).isEqualTo(a.slot());
            assertThat(a.lane()).isEqualTo(a.round() % 2);
            assertThat(b.lane()).isEqualTo(1 - a.lane());
        }
    }

    @Test
    void rejectsEmptyOrRepeatedSelections() {
        assertThatThrownBy(() -> TrialSchedule.plan(List.of(), 3, Mode.INTERLEAVED, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrialSchedule.plan(List.of("a", "a"), 3, Mode.INTERLEAVED, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrialSchedule.plan(IDS, 0, Mode.DUET, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
