package dev.bitbench.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineChecksTest {

    @TempDir
    Path root;

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void executable(String relative) throws IOException {
        write(relative, "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve(relative), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private MachineChecks checks(Map<String, String> env) {
        return new MachineChecks(root, env);
    }

    @Test
    void reportsAvx512FlagsFromCpuinfo() throws IOException {
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu sse avx2 avx512f avx512_vnni\n");
        CheckResult r = checks(Map.of()).cpuFeatures();
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.detail()).isEqualTo("avx2=yes avx512f=yes avx512_vnni=yes");
    }

    @Test
    void warnsWithoutAvx2() throws IOException {
        write("proc/cpuinfo", "flags : fpu sse sse2\n");
        CheckResult r = checks(Map.of()).cpuFeatures();
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.detail()).isEqualTo("avx2=no avx512f=no avx512_vnni=no");
    }

    @Test
    void warnsWhenCpuinfoIsMissing() {
        assertThat(checks(Map.of()).cpuFeatures().status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void busyMachineWarnsAndIdleIsOk() throws IOException {
        write("proc/loadavg", "3.50 2.00 1.00 3/200 1234\n");
        CheckResult busy = checks(Map.of()).load(4);
        assertThat(busy.status()).isEqualTo(CheckStatus.WARN);
        assertThat(busy.detail()).contains("3.50").contains("4 cores");
        write("proc/loadavg", "1.00 2.00 1.00 3/200 1234\n");
        assertThat(checks(Map.of()).load(4).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void memoryLevelsFollowAvailableBytes() throws IOException {
        write("proc/meminfo", "MemTotal: 8388608 kB\nMemFree: 1 kB\nMemAvailable: 4194304 kB\n");
        CheckResult ok = checks(Map.of()).memory();
        assertThat(ok.status()).isEqualTo(CheckStatus.OK);
        assertThat(ok.detail()).isEqualTo("4.0 GiB available of 8.0 GiB");
        write("proc/meminfo", "MemTotal: 8388608 kB\nMemAvailable: 1048576 kB\n");
        assertThat(checks(Map.of()).memory().status()).isEqualTo(CheckStatus.WARN);
        write("proc/meminfo", "MemTotal: 8388608 kB\nMemAvailable: 102400 kB\n");
        assertThat(checks(Map.of()).memory().status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void diskLevelsFollowFreeBytes() {
        assertThat(MachineChecks.disk(root, 10 * MachineChecks.GIB).status()).isEqualTo(CheckStatus.OK);
        assertThat(MachineChecks.disk(root, 1 * MachineChecks.GIB).status()).isEqualTo(CheckStatus.WARN);
        assertThat(MachineChecks.disk(root, 100 * MachineChecks.MIB).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void performanceGovernorWithoutTurboIsOk() throws IOException {
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
        write("sys/devices/system/cpu/intel_pstate/no_turbo", "1\n");
        CheckResult r = checks(Map.of()).frequency();
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.detail()).isEqualTo("governor=performance turbo=off");
    }

    @Test
    void powersaveOrTurboWarnWithAHint() throws IOException {
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "powersave\n");
        write("sys/devices/system/cpu/intel_pstate/no_turbo", "1\n");
        CheckResult powersave = checks(Map.of()).frequency();
        assertThat(powersave.status()).isEqualTo(CheckStatus.WARN);
        assertThat(powersave.hint()).contains("performance");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
        write("sys/devices/system/cpu/intel_pstate/no_turbo", "0\n");
        CheckResult turbo = checks(Map.of()).frequency();
        assertThat(turbo.status()).isEqualTo(CheckStatus.WARN);
        assertThat(turbo.detail()).isEqualTo("governor=performance turbo=on");
    }

    @Test
    void noCpufreqWarnsThatTheHostDecides() {
        CheckResult r = checks(Map.of()).frequency();
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.detail()).contains("no cpufreq");
    }

    @Test
    void findsChromiumInUsrBinOrChromeOnPath() throws IOException {
        assertThat(checks(Map.of("PATH", "/opt/x")).browser().status()).isEqualTo(CheckStatus.WARN);
        executable("opt/x/google-chrome");
        CheckResult onPath = checks(Map.of("PATH", "/opt/x")).browser();
        assertThat(onPath.status()).isEqualTo(CheckStatus.OK);
        assertThat(onPath.detail()).isEqualTo("/opt/x/google-chrome");
        executable("usr/bin/chromium");
        assertThat(checks(Map.of("PATH", "/opt/x")).browser().detail()).isEqualTo("/usr/bin/chromium");
    }

    @Test
    void referenceEngineIsOptional() throws IOException {
        CheckResult unset = checks(Map.of()).referenceEngine();
        assertThat(unset.status()).isEqualTo(CheckStatus.WARN);
        assertThat(unset.hint()).startsWith("optional");
        Map<String, String> env = Map.of("BITBENCH_LLAMA_CPP", "/opt/llama.cpp");
        assertThat(checks(env).referenceEngine().status()).isEqualTo(CheckStatus.WARN);
        write("opt/llama.cpp/build/bin/llama-bench", "");
        CheckResult found = checks(env).referenceEngine();
        assertThat(found.status()).isEqualTo(CheckStatus.OK);
        assertThat(found.detail()).isEqualTo("/opt/llama.cpp/build/bin/llama-bench");
    }

    @Test
    void jdkBelow17Fails() {
        assertThat(MachineChecks.jdk("1.8.0_412", "Oracle").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(MachineChecks.jdk("11.0.2", "x").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(MachineChecks.jdk("17.0.15", "Debian").status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void fewCoresWarn() {
        assertThat(MachineChecks.cores(2).status()).isEqualTo(CheckStatus.WARN);
        assertThat(MachineChecks.cores(8).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void otherJdksLeaveOutTheRunningOne() throws IOException {
        Path a = Files.createDirectories(root.resolve("a"));
        Path b = Files.createDirectories(root.resolve("b"));
        List<JdkInstallation> found =
                List.of(new JdkInstallation(a, "17.0.1", "X"), new JdkInstallation(b, "21.0.2", "Y"));
        CheckResult r = MachineChecks.otherJdks(found, a);
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.detail()).contains("21.0.2").doesNotContain("17.0.1");
        assertThat(MachineChecks.otherJdks(List.of(found.get(0)), a).status()).isEqualTo(CheckStatus.WARN);
    }
}
