package dev.bitbench.core.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemperatureReaderTest {

    @Test
    void readsHwmonInputsWithLabelsAndThermalZonesInCelsius() {
        Reading<Map<String, Double>> r = new TemperatureReader(Sysfs.tree("hwmon"), Sysfs.tree("thermal")).read();
        assertThat(r.value())
                .containsExactly(
                        Map.entry("coretemp/Package id 0", 45.0),
                        Map.entry("coretemp/temp2", 43.5),
                        Map.entry("zone/x86_pkg_temp", 47.25));
    }

    @Test
    void noSensorsIsUnavailable() {
        Reading<Map<String, Double>> r = new TemperatureReader(Sysfs.absent(), Sysfs.absent()).read();
        assertThat(r.available()).isFalse();
        assertThat(r.reason()).startsWith("no readable temperature sensor");
    }
}
