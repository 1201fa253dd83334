package dev.bitbench.core.energy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleDetectorTest {

    @Test
    void slowestCpuBelowItsBaseFrequencyIsThrottled() {
        Reading<ThrottleDetector.Throttle> r = new ThrottleDetector(Sysfs.tree("cpu-throttled")).read();
        assertThat(r.value()).isEqualTo(new ThrottleDetector.Throttle(1_200_000, 3_000_000, "cpu1", true));
    }

    @Test
    void withinToleranceOfMaxFrequencyIsNotThrottled() {
        // 2.95 GHz of 3.0 GHz is 1.7 % below: inside the 5 % tolerance
        Reading<ThrottleDetector.Throttle> r = new ThrottleDetector(Sysfs.tree("cpu-steady")).read();
        assertThat(r.value().throttled()).isFalse();
        assertThat(r.value().sustainedKhz()).isEqualTo(3_000_000);
    }

    @Test
    void noCpufreqIsUnavailable() {
        assertThat(new ThrottleDetector(Sysfs.absent()).read().toString()).startsWith("unavailable: no cpufreq");
    }
}
