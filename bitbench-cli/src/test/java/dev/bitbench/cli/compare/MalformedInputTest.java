package dev.bitbench.cli.compare;

import static dev.bitbench.cli.compare.TestRuns.bitbench;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.cli.compare.TestRuns.Outcome;
import dev.bitbench.core.result.RunResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed input makes compare and check exit 2 with one line, and leaves no output file. */
class MalformedInputTest {

    @TempDir
    Path dir;

    /** A valid run's JSON with one textual replacement applied. */
    private static String validRun() {
        return RunResultJson.toJson(TestRuns.run().suite(1, 1.0, 1.0).build());
    }

    static Stream<Arguments> malformedRuns() {
        String valid = validRun();
        return Stream.of(
                Arguments.of("not JSON", "{ this is not json", "$"),
                Arguments.of("wrong schema", valid.replace("bitbench/run/v1", "bitbench/run/v9"), "$.schema"),
                Arguments.of("missing metric field", valid.replaceFirst("\"unit\" : \"ms/op\",", ""), "unit"),
                Arguments.of(
                        "empty samples",
                        valid.replaceFirst("\"samples\" : \\[[^\\]]*\\]", "\"samples\" : []"),
                        "samples"),
                Arguments.of("NaN", valid.replaceFirst("\"median\" : [0-9.Ee-]+", "\"median\" : NaN"), "NaN"));
    }

    private static void assertOneLineError(Outcome outcome, String... mentions) {
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().lines().count()).isEqualTo(1);
        assertThat(outcome.err()).startsWith("bitbench: ").contains(mentions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRuns")
    void compareRejectsAMalformedRunWithOneLineAndWritesNothing(String name, String content, String field)
            throws IOException {
        Path good = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("good"));
        Path bad = Files.writeString(dir.resolve("bad.json"), content);
        Path out = dir.resolve("report.json");

        Outcome outcome =
                bitbench("compare", good.toString(), bad.toString(), "--format", "json", "-o", out.toString());

        assertOneLineError(outcome, bad.toString());
        assertThat(outcome.err()).contains(field);
        assertThat(outcome.out()).isEmpty();
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("report.json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRuns")
    void checkRejectsAMalformedRunAndWritesNoAnalysis(String name, String content, String field) throws IOException {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Files.writeString(runDir.resolve("performance-report.json"), content);
        Path against = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("good"));

        Outcome outcome = bitbench("check", runDir.toString(), "--against", against.toString());

        assertOneLineError(outcome, "performance-report.json");
        assertThat(runDir.resolve(CheckCommand.ANALYSIS_FILE)).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void aMissingInputIsExitTwoNamingIt() throws IOException {
        Path good = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("good"));

        assertOneLineError(
                bitbench("compare", good.toString(), dir.resolve("nope").toString()),
                dir.resolve("nope").toString());
    }

    @org.junit.jupiter.api.Test
    void badOptionValuesAreExitTwo() throws IOException {
        Path good = TestRuns.run().suite(1, 1.0, 1.0).writeTo(dir.resolve("good"));
        Path thresholds = Files.writeString(dir.resolve("t.json"), "{\"warning\": {\"latency_increase_percent\": -1}}");

        assertOneLineError(bitbench("compare", good.toString(), good.toString(), "--format", "yaml"), "--format");
        assertOneLineError(bitbench("compare", good.toString(), good.toString(), "--fail-on", "stable"), "--fail-on");
        assertOneLineError(bitbench("compare", good.toString(), good.toString(), "--threshold", "5"), "--threshold");
        assertOneLineError(
                bitbench("compare", good.toString(), good.toString(), "--thresholds", thresholds.toString()),
                thresholds.toString(),
                "$.warning.latency_increase_percent");
    }
}
