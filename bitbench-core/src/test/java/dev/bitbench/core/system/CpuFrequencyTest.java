package dev.bitbench.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuFrequencyTest {

    @TempDir
    Path cpuDir;

    @Test
    void readsGovernorAndIntelNoTurbo() throws IOException {
        write("cpu0/cpufreq/scaling_governor", "performance\n");
        write("intel_pstate/no_turbo", "1\n");

        CpuFrequency f = CpuFrequency.read(cpuDir);

        assertThat(f.governor()).isEqualTo("performance");
        assertThat(f.turbo()).isFalse();
        assertThat(f.unavailable()).isEmpty();
    }

    @Test
    void intelPstateWinsOverCpufreqBoost() throws IOException {
        write("intel_pstate/no_turbo", "0\n");
        write("cpufreq/boost", "0\n");

        assertThat(CpuFrequency.read(cpuDir).turbo()).isTrue();
    }

    @Test
    void fallsBackToCpufreqBoost() throws IOException {
        write("cpufreq/boost", "1\n");

        CpuFrequency f = CpuFrequency.read(cpuDir);

        assertThat(f.turbo()).isTrue();
        assertThat(f.governor()).isNull();
        assertThat(f.unavailable()).containsOnlyKeys("governor");
    }

    @Test
    void nothingReadableGivesNullsWithReasons() throws IOException {
        write("cpufreq/boost", "garbage\n");

        CpuFrequency f = CpuFrequency.read(cpuDir);

        assertThat(f.governor()).isNull();
        assertThat(f.turbo()).isNull();
        assertThat(f.unavailable()).containsOnlyKeys("governor", "turbo");
        assertThat(f.unavailable().get("governor")).contains("scaling_governor");
        assertThat(f.unavailable().get("turbo")).contains("no_turbo").contains("boost");
    }

    private void write(String relative, String content) throws IOException {
        Path file = cpuDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
