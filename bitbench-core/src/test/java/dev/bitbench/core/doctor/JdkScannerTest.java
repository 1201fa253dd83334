package dev.bitbench.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkScannerTest {

    @TempDir
    Path root;

    private void jdk(String dir, String release) throws IOException {
        Path home = Files.createDirectories(root.resolve(dir));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
    }

    @Test
    void findsJdksInUsrLibJvmSdkmanAndJavaHomeOnce() throws IOException {
        jdk("usr/lib/jvm/temurin-21", "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"21.0.5\"\n");
        jdk("usr/lib/jvm/openjdk-17", "JAVA_VERSION=\"17.0.15\"\n");
        Files.createDirectories(root.resolve("usr/lib/jvm/not-a-jdk"));
        Files.createSymbolicLink(root.resolve("usr/lib/jvm/alias-17"), root.resolve("usr/lib/jvm/openjdk-17"));
        jdk("home/u/.sdkman/candidates/java/22-graal", null);
        var found = new JdkScanner(root, Map.of("HOME", "/home/u", "JAVA_HOME", "/usr/lib/jvm/openjdk-17")).scan();
        assertThat(found)
                .extracting(j -> root.relativize(j.home()).toString())
                .containsExactly(
                        "usr/lib/jvm/openjdk-17", "usr/lib/jvm/temurin-21", "home/u/.sdkman/candidates/java/22-graal");
        assertThat(found.get(1).vendor()).isEqualTo("Eclipse Adoptium");
        assertThat(found.get(1).feature()).isEqualTo(21);
        assertThat(found.get(2).version()).isEqualTo("unknown");
        assertThat(found.get(2).feature()).isZero();
    }

    @Test
    void nothingFoundOnAnEmptyRoot() {
        assertThat(new JdkScanner(root, Map.of()).scan()).isEmpty();
    }

    @Test
    void featureReleaseOfOldAndNewVersionStrings() {
        assertThat(JdkScanner.feature("1.8.0_412")).isEqualTo(8);
        assertThat(JdkScanner.feature("17.0.15+6")).isEqualTo(17);
        assertThat(JdkScanner.feature("25")).isEqualTo(25);
        assertThat(JdkScanner.feature("weird")).isZero();
    }
}
