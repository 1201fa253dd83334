package dev.bitbench.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(r.out()).contains("Dry run: nothing changed.");
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void firstRunCreatesTheStoreAndSecondRunDoesNothing() {
        Cli.Result first = setup();
        assertThat(first.exit()).isZero();
        assertThat(first.out()).containsPattern("store +done: run history ready at .*schema \\d+");
        assertThat(dir.resolve(".bitbench/history.db")).exists();
        assertThat(first.out()).contains("Set up: 1 step(s) done");

        Cli.Result second = setup();
        assertThat(second.exit()).isZero();
        assertThat(second.out()).doesNotContain("done:");
        assertThat(second.out()).containsPattern("store +already: run history exists");
        assertThat(second.out()).contains("Nothing to do: already set up");
    }

    @Test
    void forceRedoesStepsAlreadyDone() {
        setup();
        Cli.Result forced = setup("--force");
        assertThat(forced.exit()).isZero();
        assertThat(forced.out()).containsPattern("store +done: run history ready");
        assertThat(forced.out()).containsPattern("jdk +done: ");
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
