package dev.bitbench.cli.baseline;

import static dev.bitbench.cli.compare.TestRuns.ADD;
import static dev.bitbench.cli.compare.TestRuns.MATMUL;
import static dev.bitbench.cli.compare.TestRuns.bitbench;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.cli.compare.TestRuns;
import dev.bitbench.cli.compare.TestRuns.Outcome;
import dev.bitbench.core.Direction;
import dev.bitbench.core.baseline.BaselineMetric;
import dev.bitbench.core.baseline.Baselines;
import dev.bitbench.core.baseline.BaselinesJson;
import dev.bitbench.core.baseline.PlatformBaseline;
import dev.bitbench.core.result.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("baselines.json");
    }

    /** A run whose matmul time samples are exactly {@code samples}. */
    private Path run(String name, Instant started, double... samples) throws IOException {
        return TestRuns.run()
                .id(name)
                .started(started)
                .benchmark(MATMUL, Map.of("time", Metric.of("ms/op", Direction.LOWER, samples)))
                .benchmark(ADD, Map.of("time", Metric.of("us/op", Direction.LOWER, 3.0, 3.1, 2.9)))
                .writeTo(dir.resolve(name));
    }

    @Test
    void generatePoolsTheSamplesOfEveryRunIntoThePlatformsBaseline() throws IOException {
        Path a = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0, 3.0);
        Path b = run("run-b", Instant.parse("2026-11-23T11:00:00Z"), 4.0, 5.0, 6.0, 7.0);

        Outcome outcome = bitbench(
                "baseline", "generate", "--from", b.toString(), "--from", a.toString(), "--file", file().toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out())
                .contains("linux-x86_64")
                .contains("2 benchmarks")
                .contains("2 runs");
        Baselines baselines = BaselinesJson.read(file());
        PlatformBaseline linux = baselines.platform("linux-x86_64").orElseThrow();
        BaselineMetric time = linux.benchmarks().get(MATMUL).metrics().get("time");
        assertThat(time.samples()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
        assertThat(time.median()).isEqualTo(4.0);
        assertThat(time.unit()).isEqualTo("ms/op");
        assertThat(linux.benchmarks().get(MATMUL).runs()).containsExactly("run-a", "run-b");
        assertThat(linux.benchmarks().get(MATMUL).jdk()).isEqualTo("17.0.15+6");
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).contains("\"schema\" : \"bitbench/baselines/v1\"");
    }

    @Test
    void generateKeepsOtherPlatformsAndTheThresholds() throws IOException {
        Files.writeString(file(), """
                { "baselines": { "macos-aarch64": { "impl": { "latency_p50_ms": 10.0 } } },
                  "thresholds": { "critical": { "latency_increase_percent": 30 } } }
                """);
        Path a = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0, 3.0);

        Outcome outcome = bitbench("baseline", "generate", "--from", a.toString(), "--file", file().toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        Baselines baselines = BaselinesJson.read(file());
        assertThat(baselines.platformKeys()).containsExactly("linux-x86_64", "macos-aarch64");
        assertThat(baselines
                        .thresholds()
                        .get("critical")
                        .get("latency_increase_percent")
                        .asDouble())
                .isEqualTo(30.0);
        assertThat(baselines
                        .platform("macos-aarch64")
                        .orElseThrow()
                        .benchmarks()
                        .get("impl")
                        .metrics()
                        .get("latency_p50_ms")
                        .median())
                .isEqualTo(10.0);
    }

    @Test
    void iterationsRunTheSuiteThatManyTimesAndPoolTheRuns() throws IOException {
        Outcome outcome = bitbench(
                "baseline",
                "generate",
                "--iterations",
                "2",
                "--profile",
                "smoke",
                "--filter",
                "^peers\\.add/ejml",
                "--output",
                dir.resolve("results").toString(),
                "--file",
                file().toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("pooled from 2 runs");
        try (var runs = Files.list(dir.resolve("results"))) {
            assertThat(runs.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p))
                            .count())
                    .isEqualTo(2);
        }
        var platform =
                BaselinesJson.read(file()).platforms().values().iterator().next();
        // 3 smoke samples per run, pooled
        assertThat(platform.benchmarks()
                        .get("peers.add/ejml/f32/4096")
                        .metrics()
                        .get("time")
                        .samples())
                .hasSize(6);
    }

    @Test
    void neitherRunsNorIterationsIsAUsageError() {
        Outcome outcome = bitbench("baseline", "generate", "--file", file().toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--iterations").contains("--from");
        assertThat(file()).doesNotExist();
    }

    @Test
    void runsOfSeveralPlatformsNeedAnExplicitPlatform() throws IOException {
        Path linux = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0);
        Path mac = TestRuns.run()
                .platform("macos-aarch64")
                .benchmark(MATMUL, Map.of("time", Metric.of("ms/op", Direction.LOWER, 1.0)))
                .writeTo(dir.resolve("mac"));

        Outcome mixed = bitbench(
                "baseline", "generate", "--from", linux.toString(), mac.toString(), "--file", file().toString());
        Outcome named = bitbench(
                "baseline",
                "generate",
                "--from",
                linux.toString(),
                mac.toString(),
                "--platform",
                "ci-runner",
                "--file",
                file().toString());

        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("linux-x86_64, macos-aarch64").contains("--platform");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(BaselinesJson.read(file()).platformKeys()).containsExactly("ci-runner");
    }

    @Test
    void updateReplacesOnlyTheBenchmarksMatchingTheFilter() throws IOException {
        Path a = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0, 3.0);
        bitbench("baseline", "generate", "--from", a.toString(), "--file", file().toString());
        Path newer = TestRuns.run()
                .id("run-c")
                .benchmark(MATMUL, Map.of("time", Metric.of("ms/op", Direction.LOWER, 9.0, 10.0, 11.0)))
                .benchmark(ADD, Map.of("time", Metric.of("us/op", Direction.LOWER, 30.0, 31.0, 29.0)))
                .writeTo(dir.resolve("run-c"));

        Outcome outcome = bitbench(
                "baseline", "update", "--from", newer.toString(), "--filter", "matmul", "--file", file().toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("1 benchmark replaced");
        PlatformBaseline linux =
                BaselinesJson.read(file()).platform("linux-x86_64").orElseThrow();
        assertThat(linux.benchmarks().get(MATMUL).metrics().get("time").median())
                .isEqualTo(10.0);
        assertThat(linux.benchmarks().get(ADD).metrics().get("time").median()).isEqualTo(3.0);
    }

    @Test
    void updateRejectsAFilterThatMatchesNothingAndLeavesTheFileAlone() throws IOException {
        Path a = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0, 3.0);
        bitbench("baseline", "generate", "--from", a.toString(), "--file", file().toString());
        String before = Files.readString(file());

        Outcome nothing =
                bitbench("baseline", "update", "--from", a.toString(), "--filter", "relu", "--file", file().toString());
        Outcome badRegex =
                bitbench("baseline", "update", "--from", a.toString(), "--filter", "(", "--file", file().toString());

        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("relu").contains("2 benchmarks");
        assertThat(badRegex.exitCode()).isEqualTo(2);
        assertThat(Files.readString(file())).isEqualTo(before);
    }

    @Test
    void showPrintsATableOfThePlatformsBaselines() throws IOException {
        Path a = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0, 3.0);
        bitbench("baseline", "generate", "--from", a.toString(), "--file", file().toString());

        Outcome outcome = bitbench("baseline", "show", "--platform", "linux-x86_64", "--file", file().toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        String matmulRow = outcome.out()
                .lines()
                .filter(l -> l.contains(MATMUL))
                .findFirst()
                .orElseThrow();
        assertThat(matmulRow.split("\\s+"))
                .containsSubsequence("linux-x86_64", MATMUL, "time", "2", "ms/op", "lower", "3");
        assertThat(outcome.out()).contains("thresholds: defaults");
    }

    @Test
    void showOfAMissingPlatformListsThePlatformsTheFileHas() throws IOException {
        Path a = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0, 3.0);
        bitbench("baseline", "generate", "--from", a.toString(), "--file", file().toString());

        Outcome outcome = bitbench("baseline", "show", "--platform", "macos-aarch64", "--file", file().toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("macos-aarch64").contains("platforms: linux-x86_64");
    }

    @Test
    void aMalformedExistingFileIsExitTwoAndIsNotOverwritten() throws IOException {
        Files.writeString(file(), "{\"schema\": \"bitbench/baselines/v1\", \"platforms\": [] }");
        Path a = run("run-a", Instant.parse("2026-11-23T10:00:00Z"), 1.0, 2.0, 3.0);

        Outcome outcome = bitbench("baseline", "generate", "--from", a.toString(), "--file", file().toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("$.platforms").contains("an object");
        assertThat(Files.readString(file())).contains("\"platforms\": []");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        }
    }
}
