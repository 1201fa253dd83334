package dev.bitbench.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureCheckTest {

    // SHA-256 of the three bytes "abc" (FIPS 180-2 example).
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void absentFixturesWarnWithTheGenerateCommand() {
        CheckResult r = FixtureCheck.check(dir.resolve("fixtures"));
        assertThat(r.status()).isEqualTo(CheckStatus.WARN);
        assertThat(r.detail()).startsWith("no fixtures");
        assertThat(r.hint()).isEqualTo("run bitbench fixtures generate");
    }

    @Test
    void sha256MatchesTheStandardTestVector() throws IOException {
        Path f = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
        assertThat(FixtureCheck.sha256(f)).isEqualTo(ABC);
    }

    @Test
    void verifiesListedFiles() throws IOException {
        Files.writeString(dir.resolve("tiny.gguf"), "abc");
        Files.writeString(
                dir.resolve("manifest.json"), "{\"files\":[{\"path\":\"tiny.gguf\",\"sha256\":\"" + ABC + "\"}]}");
        CheckResult r = FixtureCheck.check(dir);
        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.detail()).startsWith("1 files verified");
    }

    @Test
    void nameToDigestMapsAreReadToo() throws IOException {
        Files.writeString(dir.resolve("tiny.gguf"), "abd");
        Files.writeString(dir.resolve("manifest.json"), "{\"sha256\":{\"tiny.gguf\":\"" + ABC + "\"}}");
        CheckResult r = FixtureCheck.check(dir);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.detail()).contains("tiny.gguf checksum differs");
    }

    @Test
    void missingFileAndEscapingPathFail() throws IOException {
        Files.writeString(
                dir.resolve("manifest.json"),
                "[{\"file\":\"gone.gguf\",\"sha256\":\"" + ABC + "\"},{\"name\":\"../x\",\"sha256\":\"" + ABC + "\"}]");
        CheckResult r = FixtureCheck.check(dir);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.detail()).contains("2 of 2").contains("gone.gguf missing").contains("../x missing");
    }

    @Test
    void invalidOrEmptyManifestFails() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{not json");
        assertThat(FixtureCheck.check(dir).status()).isEqualTo(CheckStatus.FAIL);
        Files.writeString(dir.resolve("manifest.json"), "{\"files\":[]}");
        assertThat(FixtureCheck.check(dir).detail()).contains("lists no file");
    }
}
