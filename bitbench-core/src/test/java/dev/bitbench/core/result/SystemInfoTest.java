package dev.bitbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemInfoTest {

    @Test
    void withJvmReplacesOnlyTheJvm() {
        SystemInfo s = ResultFixtures.system(null);
        JvmInfo other = new JvmInfo("Eclipse Adoptium", "25.0.3+9", List.of(), 512);

        SystemInfo changed = s.withJvm(other);

        assertThat(changed.jvm()).isEqualTo(other);
        assertThat(changed).usingRecursiveComparison().ignoringFields("jvm").isEqualTo(s);
    }

    @Test
    void withUnavailableAddsNewReasonsAndKeepsTheFirstReasonGiven() {
        SystemInfo s = ResultFixtures.system(null);
        String governor = s.unavailable().get("governor");

        SystemInfo changed = s.withUnavailable(Map.of("energy", "no RAPL counters", "governor", "a later reason"));

        assertThat(changed.unavailable())
                .containsExactly(Map.entry("governor", governor), Map.entry("energy", "no RAPL counters"));
        assertThat(changed)
                .usingRecursiveComparison()
                .ignoringFields("unavailable")
                .isEqualTo(s);
    }
}
