package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.result.InvalidResultException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of malformed input is one {@link InvalidResultException} naming the file, the JSON path
 * and what was expected there.
 */
class MalformedImportTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("not JSON", ImportFormat.JMH, "[ { \"benchmark\": ", "$", "expected valid JSON"),
                Arguments.of("empty file", ImportFormat.HYPERFINE, "", "$", "expected a JSON document"),
                Arguments.of("object instead of array", ImportFormat.JMH, "{\"a\": 1}", "$", "expected an array"),
                Arguments.of("no benchmarks", ImportFormat.JMH, "[]", "$", "at least 1 element"),
                Arguments.of(
                        "missing primary metric",
                        ImportFormat.JMH,
                        "[{\"benchmark\": \"a.b\", \"mode\": \"avgt\"}]",
                        "$[0].primaryMetric",
                        "expected an object"),
                Arguments.of(
                        "empty raw data",
                        ImportFormat.JMH,
                        "[{\"benchmark\": \"a.b\", \"mode\": \"avgt\","
                                + " \"primaryMetric\": {\"scoreUnit\": \"us/op\", \"rawData\": [[], []]}}]",
                        "$[0].primaryMetric.rawData",
                        "at least one measurement iteration"),
                Arguments.of(
                        "NaN sample",
                        ImportFormat.JMH,
                        "[{\"benchmark\": \"a.b\", \"mode\": \"avgt\","
                                + " \"primaryMetric\": {\"scoreUnit\": \"us/op\", \"rawData\": [[1.0, NaN]]}}]",
                        "$[0].primaryMetric.rawData[0][1]",
                        "expected a finite number, found NaN"),
                Arguments.of(
                        "hyperfine without results",
                        ImportFormat.HYPERFINE,
                        "{\"commands\": []}",
                        "$.results",
                        "no such field"),
                Arguments.of(
                        "hyperfine empty times",
                        ImportFormat.HYPERFINE,
                        "{\"results\": [{\"command\": \"x\", \"mean\": 1, \"median\": 1, \"times\": []}]}",
                        "$.results[0].times",
                        "at least 1 finite number"),
                Arguments.of(
                        "hyperfine NaN time",
                        ImportFormat.HYPERFINE,
                        "{\"results\": [{\"command\": \"x\", \"mean\": 1, \"median\": 1, \"times\": [0.1, NaN]}]}",
                        "$.results[0].times[1]",
                        "found NaN"),
                Arguments.of(
                        "gbench without context",
                        ImportFormat.GBENCH,
                        "{\"benchmarks\": []}",
                        "$.context",
                        "expected an object"),
                Arguments.of(
                        "gbench time as text",
                        ImportFormat.GBENCH,
                        "{\"context\": {}, \"benchmarks\": [{\"name\": \"BM\", \"run_type\": \"iteration\","
                                + " \"real_time\": \"fast\", \"cpu_time\": 1, \"time_unit\": \"ns\"}]}",
                        "$.benchmarks[0].real_time",
                        "found \"fast\""),
                Arguments.of(
                        "gbench unknown time unit",
                        ImportFormat.GBENCH,
                        "{\"context\": {}, \"benchmarks\": [{\"name\": \"BM\", \"run_type\": \"iteration\","
                                + " \"real_time\": 1, \"cpu_time\": 1, \"time_unit\": \"fortnights\"}]}",
                        "$.benchmarks[0].time_unit",
                        "\"ns\", \"us\", \"ms\", \"s\""),
                Arguments.of(
                        "llama-bench missing model",
                        ImportFormat.LLAMA_BENCH,
                        "[{\"n_prompt\": 512, \"n_gen\": 0, \"avg_ts\": 1, \"avg_ns\": 1}]",
                        "$[0].model_type",
                        "no such field"),
                Arguments.of(
                        "llama-bench empty samples",
                        ImportFormat.LLAMA_BENCH,
                        "[{\"model_type\": \"m\", \"n_prompt\": 512, \"n_gen\": 0,"
                                + " \"samples_ts\": [], \"samples_ns\": []}]",
                        "$[0].samples_ts",
                        "at least 1 finite number"),
                Arguments.of(
                        "llama-bench negative prompt",
                        ImportFormat.LLAMA_BENCH,
                        "[{\"model_type\": \"m\", \"n_prompt\": -1, \"n_gen\": 0}]",
                        "$[0].n_prompt",
                        "an integer >= 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInputNamesFileFieldAndExpectation(
            String name, ImportFormat format, String content, String path, String message) throws IOException {
        Path file = Files.writeString(tmp.resolve("input.json"), content);
        assertThatThrownBy(() -> format.importer().read(file, OPTIONS))
                .isInstanceOfSatisfying(InvalidResultException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.getMessage()).contains(message).doesNotContain("\n");
                });
    }
}
