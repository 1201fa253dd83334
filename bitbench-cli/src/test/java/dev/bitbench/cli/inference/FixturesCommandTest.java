package dev.bitbench.cli.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.inference.fixtures.FixtureManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesCommandTest {
    @TempDir
    Path dir;

    @Test
    void generateWritesTheFixtureAndItsManifestEntry() throws IOException {
        CliRun run = CliRun.of("fixtures", "generate", "--size", "tiny", "--output", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = dir.resolve("bitnet-tiny-tq2_0.gguf");
        assertThat(file).isRegularFile();
        FixtureManifest.Entry entry = FixtureManifest.read(dir).get(0);
        assertThat(entry.sha256()).isEqualTo(FixtureManifest.sha256(file));
        assertThat(entry.seed()).isEqualTo(42);
        assertThat(run.out()).contains("wrote", "bitnet-tiny-tq2_0.gguf", entry.sha256());
    }

    @Test
    void sameSeedGivesIdenticalBytesAcrossRuns() throws IOException {
        CliRun.of("fixtures", "generate", "--size", "tiny", "--type", "tq1_0", "--seed", "3", "--output", dir + "/a");
        CliRun.of("fixtures", "generate", "--size", "tiny", "--type", "tq1_0", "--seed", "3", "--output", dir + "/b");
        assertThat(Files.mismatch(dir.resolve("a/bitnet-tiny-tq1_0.gguf"), dir.resolve("b/bitnet-tiny-tq1_0.gguf")))
                .isEqualTo(-1);
    }

    @Test
    void verifyPassesThenNamesTheCorruptedFile() throws IOException {
        CliRun.of("fixtures", "generate", "--size", "tiny", "--output", dir.toString());
        CliRun ok = CliRun.of("fixtures", "verify", dir.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("ok", "bitnet-tiny-tq2_0.gguf");

        Path file = dir.resolve("bitnet-tiny-tq2_0.gguf");
        byte[] bytes = Files.readAllBytes(file);
        bytes[1000] ^= 0x10;
        Files.write(file, bytes);
        CliRun bad = CliRun.of("fixtures", "verify", "--output", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("MISMATCH", "bitnet-tiny-tq2_0.gguf: SHA-256");
    }

    @Test
    void verifyWithoutManifestAndUnknownSizeAreUsageErrors() {
        CliRun missing = CliRun.of("fixtures", "verify", dir.resolve("nothing").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no fixture manifest");

        CliRun size = CliRun.of("fixtures", "generate", "--size", "huge", "--output", dir.toString());
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.err()).contains("unknown fixture size 'huge'");
    }
}
