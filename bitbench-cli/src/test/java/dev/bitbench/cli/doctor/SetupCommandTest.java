package dev.bitbench.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.inference.fixtures.FixtureManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupCommandTest {

    @TempDir
    Path dir;

    private Cli.Result setup(String... extra) {
        String[] args = Stream.concat(
                        Stream.of("setup", "--dir", dir.toString(), "--db", "jdbc:sqlite:.bitbench/history.db"),
                        Stream.of(extra))
                .toArray(String[]::new);
        return Cli.execute(args);
    }

    /** Every path below the directory with its size and modification time. */
    private Map<String, String> tree() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                out.put(
                        dir.relativize(p).toString(),
                        Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return out;
    }

    @Test
    void dryRunChangesNothingInTheFileTree() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "x");
        Map<String, String> before = tree();
        Cli.Result r = setup("--dry-run");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("store      would create the run history at " + dir.resolve(".bitbench/history.db"));
        assertThat(r.out())
                .containsPattern("fixtures +would generate the bitnet-tiny-tq2_0.gguf and bitnet-small-tq2_0.gguf model"
                        + " fixture\\(s\\) \\(seed \\d+\\)");
        assertThat(r.out()).contains("Dry run: nothing changed.");
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void firstRunCreatesTheStoreAndSecondRunDoesNothing() {
        Cli.Result first = setup();
        assertThat(first.exit()).isZero();
        assertThat(first.out()).containsPattern("store +done: run history ready at .*schema \\d+");
        assertThat(dir.resolve(".bitbench/history.db")).exists();
        assertThat(first.out())
                .containsPattern("fixtures +done: generated bitnet-tiny-tq2_0.gguf, bitnet-small-tq2_0.gguf, 2 files"
                        + " verified");
        assertThat(dir.resolve(".bitbench/fixtures/manifest.json")).isNotEmptyFile();
        assertThat(dir.resolve(".bitbench/fixtures/bitnet-small-tq2_0.gguf")).isNotEmptyFile();
        assertThat(first.out()).contains("Set up: 2 step(s) done");

        Cli.Result second = setup();
        assertThat(second.exit()).isZero();
        assertThat(second.out()).doesNotContain("done:");
        assertThat(second.out()).containsPattern("store +already: run history exists");
        assertThat(second.out()).containsPattern("fixtures +already: 2 files verified");
        assertThat(second.out()).contains("Nothing to do: already set up");
    }

    @Test
    void forceRedoesStepsAlreadyDone() {
        setup();
        Cli.Result forced = setup("--force");
        assertThat(forced.exit()).isZero();
        assertThat(forced.out()).containsPattern("store +done: run history ready");
        assertThat(forced.out()).containsPattern("jdk +done: ");
        // the fixtures match their manifest, so forcing verifies and reuses them
        assertThat(forced.out()).containsPattern("fixtures +done: reused tiny and small, 2 files verified");
        assertThat(forced.out()).doesNotContain("Nothing to do");
    }

    @Test
    void skipReferenceSaysSo() {
        assertThat(setup("--dry-run", "--skip-reference").out())
                .containsPattern("reference +skipped: skipped \\(--skip-reference\\)");
    }

    @Test
    void failingStepStopsWithReasonAndHint() {
        Cli.Result r = Cli.execute("setup", "--dir", dir.toString(), "--db", "jdbc:mysql://nowhere/x");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("store +FAILED: ");
        assertThat(r.out()).contains("  fix: correct --db or BITBENCH_DB (default jdbc:sqlite:.bitbench/history.db)");
        assertThat(r.out()).doesNotContain("doctor ");
    }

    @Test
    void aMissingFixtureIsGeneratedFromTheSeedAndThePresentOneReused() throws IOException {
        setup();
        Path fixtures = dir.resolve(".bitbench/fixtures");
        Path small = fixtures.resolve("bitnet-small-tq2_0.gguf");
        Path tiny = fixtures.resolve("bitnet-tiny-tq2_0.gguf");
        String smallSha = FixtureManifest.sha256(small);
        FileTime tinyWritten = Files.getLastModifiedTime(tiny);
        Files.delete(small);
        FixtureManifest.write(
                fixtures,
                FixtureManifest.read(fixtures).stream()
                        .filter(e -> !e.file().equals("bitnet-small-tq2_0.gguf"))
                        .toList());

        assertThat(setup("--dry-run").out())
                .containsPattern("fixtures +would generate the bitnet-small-tq2_0.gguf model fixture");
        Cli.Result again = setup();
        assertThat(again.exit()).isZero();
        assertThat(again.out()).containsPattern("fixtures +done: generated bitnet-small-tq2_0.gguf, 2 files verified");
        assertThat(FixtureManifest.sha256(small)).isEqualTo(smallSha);
        assertThat(Files.getLastModifiedTime(tiny)).isEqualTo(tinyWritten);
    }

    @Test
    void brokenFixturesFailTheFixturesStep() throws IOException {
        Path fixtures = Files.createDirectories(dir.resolve(".bitbench/fixtures"));
        Files.writeString(
                fixtures.resolve("manifest.json"),
                "{\"files\":[{\"path\":\"tiny.gguf\",\"sha256\":\"" + "0".repeat(64) + "\"}]}");
        Cli.Result r = setup();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("fixtures +FAILED: 1 of 1 fixtures bad: tiny.gguf missing");
        assertThat(dir.resolve(".bitbench/history.db")).doesNotExist();
    }
}
