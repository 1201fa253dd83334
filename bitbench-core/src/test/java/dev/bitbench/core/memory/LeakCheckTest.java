package dev.bitbench.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.energy.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeakCheckTest {

    @Test
    void flagsAnOperationThatKeepsAKibibytePerRun() {
        List<byte[]> kept = new ArrayList<>();
        Reading<LeakCheck.Verdict> verdict = LeakCheck.DEFAULT.run(() -> kept.add(new byte[1024]));

        assertThat(verdict.available()).isTrue();
        assertThat(verdict.value().leaking()).as(verdict.toString()).isTrue();
        // 900 more runs keep 900 arrays of 1024 bytes plus their headers and the list's slots
        assertThat(verdict.value().bytesPerRun()).isBetween(1024.0, 1200.0);
        assertThat(kept).hasSize(100 + 1000);
    }

    @Test
    void passesAnOperationThatOnlyMakesGarbage() {
        Random random = new Random(42);
        long[] sink = new long[1];
        Reading<LeakCheck.Verdict> verdict = LeakCheck.DEFAULT.run(() -> {
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            sink[0] += garbage[17];
        });

        assertThat(verdict.value().leaking()).as(verdict.toString()).isFalse();
    }

    @Test
    void aOneTimeCacheIsNotALeak() {
        List<byte[]> cache = new ArrayList<>();
        Reading<LeakCheck.Verdict> verdict = LeakCheck.DEFAULT.run(() -> {
            if (cache.isEmpty()) {
                cache.add(new byte[4 * 1024 * 1024]);
            }
        });

        assertThat(verdict.value().leaking()).as(verdict.toString()).isFalse();
    }

    @Test
    void rejectsRepetitionsThatCannotShowGrowth() {
        assertThatThrownBy(() -> new LeakCheck(100, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeakCheck(0, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LeakCheck(1, 10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void disabledExplicitGcIsRecognisedAndTheLastFlagWins() {
        assertThat(LiveHeap.explicitGcDisabled(List.of("-Xmx1g", "-XX:+DisableExplicitGC")))
                .isTrue();
        assertThat(LiveHeap.explicitGcDisabled(List.of("-XX:+DisableExplicitGC", "-XX:-DisableExplicitGC")))
                .isFalse();
        assertThat(LiveHeap.explicitGcDisabled(List.of())).isFalse();
    }

    @Test
    void liveHeapOfThisJvmSeesAnArrayItHolds() {
        long before = LiveHeap.measure(5).value();
        byte[] held = new byte[8 * 1024 * 1024];
        long during = LiveHeap.measure(5).value();

        assertThat(during - before).isGreaterThan(7L * 1024 * 1024);
        assertThat(held).hasSize(8 * 1024 * 1024);
    }
}
