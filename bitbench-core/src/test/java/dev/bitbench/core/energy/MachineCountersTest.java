package dev.bitbench.core.energy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineCountersTest {

    @Test
    void emptyRootMakesEveryReaderUnavailableWithItsReason(@TempDir Path root) {
        Map<String, String> d = new MachineCounters(root).describe();
        assertThat(d).containsOnlyKeys("rapl", "temperature", "throttle", "battery", "peak_rss");
        assertThat(d.values()).allMatch(v -> v.startsWith("unavailable: "));
    }

    @Test
    void readersLookBelowTheRoot(@TempDir Path root) throws IOException {
        Path zone = Files.createDirectories(root.resolve("sys/class/thermal/thermal_zone0"));
        Files.writeString(zone.resolve("temp"), "50000\n");
        Files.writeString(zone.resolve("type"), "acpitz\n");
        assertThat(new MachineCounters(root).describe().get("temperature")).isEqualTo("{zone/acpitz=50.0}");
    }
}
