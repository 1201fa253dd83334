package dev.bitbench.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformKeyTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "Linux, amd64, linux-x86_64",
        "Linux, x86_64, linux-x86_64",
        "Linux, aarch64, linux-aarch64",
        "Mac OS X, aarch64, macos-aarch64",
        "Mac OS X, x86_64, macos-x86_64",
        "Darwin, arm64, macos-aarch64",
        "Windows 11, amd64, windows-x86_64",
        "Windows Server 2022, x86, windows-x86",
        "Linux, i686, linux-x86",
        "Linux, ppc64le, linux-ppc64le",
        "Linux, riscv64, linux-riscv64",
        "FreeBSD, amd64, freebsd-x86_64",
        "SunOS, sparcv9, sunos-sparcv9",
        "'', '', unknown-unknown"
    })
    void mapsJavaPropertiesToTheKey(String osName, String osArch, String expected) {
        assertThat(PlatformKey.of(osName, osArch)).isEqualTo(expected);
    }

    @Test
    void currentKeyHasTheSchemaShape() {
        assertThat(PlatformKey.current()).matches("[a-z0-9]+-[a-z0-9_]+");
    }
}
