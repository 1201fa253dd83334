package dev.bitbench.core.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RaplReaderTest {

    @Test
    void readsTopLevelDomainsWithNamesAndRanges() {
        Reading<Map<String, RaplReader.Counter>> r = new RaplReader(Sysfs.tree("rapl-before")).sample();
        assertThat(r.available()).isTrue();
        assertThat(r.value()).containsOnlyKeys("intel-rapl:0", "intel-rapl:1");
        assertThat(r.value().get("intel-rapl:0"))
                .isEqualTo(new RaplReader.Counter("package-0", 262_143_000_000L, 262_143_328_850L));
    }

    @Test
    void energyAcrossAWrapAroundCountsTheRestOfTheRangePlusTheNewValue() {
        Map<String, RaplReader.Counter> before =
                new RaplReader(Sysfs.tree("rapl-before")).sample().value();
        Map<String, RaplReader.Counter> after =
                new RaplReader(Sysfs.tree("rapl-after")).sample().value();
        // package: (262143328850 - 262143000000) + 671150 = 1_000_000 uJ; dram: 3_500_000 - 1_000_000
        assertThat(RaplReader.joules(before, after)).isCloseTo(3.5, within(1e-12));
    }

    @Test
    void deltaWithoutAndWithWrap() {
        assertThat(RaplReader.deltaMicrojoules(100, 250, 1000)).isEqualTo(150);
        assertThat(RaplReader.deltaMicrojoules(900, 50, 1000)).isEqualTo(150);
        assertThat(RaplReader.deltaMicrojoules(7, 7, 1000)).isZero();
    }

    @Test
    void absentOrUnreadableCountersAreUnavailableWithAReason() {
        Reading<Map<String, RaplReader.Counter>> none = new RaplReader(Sysfs.absent()).sample();
        assertThat(none.available()).isFalse();
        assertThat(none.toString()).startsWith("unavailable: no RAPL domains in /nonexistent-bitbench-sysfs");
        Reading<Map<String, RaplReader.Counter>> unreadable = new RaplReader(Sysfs.tree("rapl-unreadable")).sample();
        assertThat(unreadable.reason()).contains("energy_uj is not readable");
    }
}
