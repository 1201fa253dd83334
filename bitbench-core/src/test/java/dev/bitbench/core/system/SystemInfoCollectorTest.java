package dev.bitbench.core.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bitbench.core.result.CiInfo;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.SystemInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemInfoCollectorTest {

    @TempDir
    Path root;

    @Test
    void describesTheRealMachine() throws IOException {
        SystemInfo info = new SystemInfoCollector().collect(256, Map.of());

        assertThat(info.platform()).isEqualTo(PlatformKey.current());
        assertThat(info.arch()).isEqualTo(System.getProperty("os.arch"));
        assertThat(info.cpu().threads())
                .isEqualTo(
                        Runtime.getRuntime().availableProcessors() > 0
                                ? Math.max(info.cpu().threads(), 1)
                                : 1);
        assertThat(info.cpu().cores()).isBetween(1, info.cpu().threads());
        assertThat(info.memoryBytes()).isPositive();
        assertThat(info.jvm().vectorBits()).isEqualTo(256);
        assertThat(info.jvm().args())
                .isEqualTo(ManagementFactory.getRuntimeMXBean().getInputArguments());
        assertThat(info.jvm().version()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(info.ci()).isNull();
        if (info.governor() == null) {
            assertThat(info.unavailable()).containsKey("governor");
        }
        // what is collected survives the strict reader
        Path file = root.resolve("system-info.json");
        RunResultJson.write(info, file);
        assertThat(RunResultJson.readSystemInfo(file)).isEqualTo(info);
    }

    @Test
    void readsLinuxFilesBelowTheGivenRoot() throws IOException {
        assumeTrue(PlatformKey.current().startsWith("linux-"), "Linux /proc and /sys layout");
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fma avx2 avx512f\n");
        write("proc/sys/kernel/osrelease", "6.1.0-test\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "powersave\n");
        write("sys/devices/system/cpu/intel_pstate/no_turbo", "1\n");

        SystemInfo info = new SystemInfoCollector(root)
                .collect(0, Map.of("GITLAB_CI", "true", "CI_JOB_URL", "https://gitlab.example.com/j/1"));

        assertThat(info.cpu().features()).containsExactly("avx2", "avx512f", "fma");
        assertThat(info.kernel()).isEqualTo("6.1.0-test");
        assertThat(info.governor()).isEqualTo("powersave");
        assertThat(info.turbo()).isFalse();
        assertThat(info.unavailable()).doesNotContainKeys("governor", "turbo", "kernel");
        assertThat(info.ci()).isEqualTo(new CiInfo("gitlab-ci", "https://gitlab.example.com/j/1"));
        assertThat(info.jvm().vectorBits()).isZero();
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
