package dev.bitbench.core.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatteryReaderTest {

    @Test
    void skipsMainsAndReadsTheDischargingBattery() {
        Reading<BatteryReader.Battery> r = new BatteryReader(Sysfs.tree("power_supply")).read();
        assertThat(r.value()).isEqualTo(new BatteryReader.Battery("BAT0", true, 41_000_000));
    }

    @Test
    void chargeTimesVoltageWhenNoEnergyFile() {
        // 3 Ah x 12 V = 36 Wh
        Reading<BatteryReader.Battery> r = new BatteryReader(Sysfs.tree("power_supply-charge")).read();
        assertThat(r.value()).isEqualTo(new BatteryReader.Battery("BAT1", false, 36_000_000));
    }

    @Test
    void drainPerHourIsAverageWatts() {
        var before = new BatteryReader.Battery("BAT0", true, 41_000_000);
        var after = new BatteryReader.Battery("BAT0", true, 40_000_000);
        // 1 Wh in 30 minutes = 2 W
        assertThat(BatteryReader.drainWattHoursPerHour(before, after, Duration.ofMinutes(30)))
                .isCloseTo(2.0, within(1e-12));
        assertThatThrownBy(() -> BatteryReader.drainWattHoursPerHour(before, after, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noBatteryIsUnavailable() {
        assertThat(new BatteryReader(Sysfs.absent()).read().reason()).startsWith("no battery in");
    }
}
