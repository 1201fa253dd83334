package dev.bitbench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void parsesNamesCaseInsensitively() {
        assertThat(Profile.parse("smoke")).isEqualTo(Profile.SMOKE);
        assertThat(Profile.parse(" Thorough ")).isEqualTo(Profile.THOROUGH);
        assertThat(Profile.DEFAULT).isEqualTo(Profile.QUICK);
        assertThatThrownBy(() -> Profile.parse("fast"))
                .hasMessageContaining("'fast'")
                .hasMessageContaining("smoke, quick, standard, thorough");
    }

    @Test
    void profilesGrowInForksAndIterations() {
        Profile[] p = Profile.values();
        for (int i = 1; i < p.length; i++) {
            assertThat(p[i].forks()).isGreaterThanOrEqualTo(p[i - 1].forks());
            assertThat(p[i].measurementIterations()).isGreaterThanOrEqualTo(p[i - 1].measurementIterations());
            assertThat(p[i].samplesPerMetric()).isGreaterThanOrEqualTo(p[i - 1].samplesPerMetric());
            assertThat(plannedTime(p[i])).isGreaterThan(plannedTime(p[i - 1]));
        }
        assertThat(Profile.SMOKE.samplesPerMetric()).isEqualTo(3); // 0 forks still measure once
        assertThat(Profile.STANDARD.forks()).isEqualTo(3);
        assertThat(Profile.STANDARD.samplesPerMetric()).isEqualTo(15);
        assertThat(Profile.THOROUGH.forks()).isEqualTo(5);
    }

    @Test
    void everyProfilesTimeoutLeavesRoomForItsPlannedIterations() {
        for (Profile p : Profile.values()) {
            // JVM start-up and JIT per fork are not planned time: ask for at least twice the plan.
            assertThat(p.timeout()).isGreaterThan(plannedTime(p).multipliedBy(2));
        }
    }

    @Test
    void smokePlansAtMostHalfASecondPerBenchmark() {
        // 1 x 50 ms + 3 x 50 ms in the host JVM: the smoke budget of 60 s for the whole subset
        // holds only if each benchmark plans well under a second of iterations.
        assertThat(plannedTime(Profile.SMOKE)).isLessThanOrEqualTo(Duration.ofMillis(500));
    }

    private static Duration plannedTime(Profile p) {
        return p.warmupTime()
                .multipliedBy(p.warmupIterations())
                .plus(p.measurementTime().multipliedBy(p.measurementIterations()))
                .multipliedBy(Math.max(1, p.forks()));
    }
}
