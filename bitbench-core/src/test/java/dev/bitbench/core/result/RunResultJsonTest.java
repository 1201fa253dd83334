package dev.bitbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunResultJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writtenRunReadsBackEqual() throws IOException {
        RunResult run = ResultFixtures.run();
        Path file = dir.resolve("run/performance-report.json");

        RunResultJson.write(run, file);
        RunResult back = RunResultJson.read(file);

        assertThat(back).isEqualTo(run);
        assertThat(back.benchmarks().get(0).metrics().keySet()).containsExactly("time", "throughput", "alloc");
        assertThat(back.run().config().get("threads")).isEqualTo(2L);
    }

    @Test
    void writesTheDesignShapeWithSnakeCaseKeys() throws IOException {
        JsonNode tree = MAPPER.readTree(RunResultJson.toJson(ResultFixtures.run()));

        assertThat(tree.get("schema").asText()).isEqualTo("bitbench/run/v1");
        assertThat(fieldNames(tree)).containsExactly("schema", "run", "system", "benchmarks");
        assertThat(tree.at("/system/memory_bytes").asLong()).isEqualTo(8L << 30);
        assertThat(tree.at("/system/jvm/vector_bits").asInt()).isEqualTo(256);
        assertThat(tree.at("/system/ci/run_url").asText()).startsWith("https://github.com/");
        assertThat(tree.at("/run/git/dirty").asBoolean()).isTrue();
        JsonNode time = tree.at("/benchmarks/0/metrics/time");
        assertThat(fieldNames(time))
                .containsExactly(
                        "unit", "better", "samples", "n", "mean", "median", "stddev", "min", "max", "p50", "p95", "p99",
                        "ci");
        assertThat(time.get("better").asText()).isEqualTo("lower");
        assertThat(time.get("samples")).hasSize(6);
        assertThat(time.at("/ci/level").asDouble()).isEqualTo(0.95);
        assertThat(tree.at("/benchmarks/1/error").asText()).isEqualTo("exceeded timeout of 30s");
        assertThat(tree.at("/benchmarks/0/error").isNull()).isTrue();
    }

    @Test
    void systemInfoFileRoundTrips() throws IOException {
        SystemInfo system = ResultFixtures.system(null);
        Path file = dir.resolve("system-info.json");

        RunResultJson.write(system, file);

        assertThat(RunResultJson.readSystemInfo(file)).isEqualTo(system);
        assertThat(MAPPER.readTree(file.toFile()).get("ci").isNull()).isTrue();
    }

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("performance-report.json");
        Files.writeString(file, "old content");

        RunResultJson.write(ResultFixtures.run(), file);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file)).startsWith("{").endsWith("}\n");
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("child")); // a non-empty directory cannot be replaced

        assertThatThrownBy(() -> AtomicFileWriter.write(target, "x")).isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void notJsonIsReportedWithTheFileAndLocation() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"schema\": ");

        assertThatThrownBy(() -> RunResultJson.read(file))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("$: expected valid JSON")
                .hasMessageContaining("line 1");
    }

    @Test
    void duplicateKeysAndTrailingContentAreNotJson() {
        String json = RunResultJson.toJson(ResultFixtures.run());
        assertThatThrownBy(() -> RunResultJson.fromJson("{\"schema\": 1, \"schema\": 2}", "dup.json"))
                .hasMessageContaining("dup.json: $: expected valid JSON");
        assertThatThrownBy(() -> RunResultJson.fromJson(json + "{}", "trail.json"))
                .hasMessageContaining("trail.json: $: expected valid JSON");
        assertThatThrownBy(() -> RunResultJson.fromJson("", "empty.json"))
                .hasMessageContaining("empty.json: $: expected");
        assertThatThrownBy(() -> RunResultJson.fromJson("[]", "array.json"))
                .hasMessageContaining("array.json: $: expected an object, found an empty array");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "wrong schema",
                        edit(t -> t.put("schema", "bitbench/run/v2")),
                        "$.schema",
                        "expected \"bitbench/run/v1\", found \"bitbench/run/v2\""),
                Arguments.of("missing seed", edit(t -> run(t).remove("seed")), "$.run.seed", "no such field"),
                Arguments.of("seed as text", edit(t -> run(t).put("seed", "42")), "$.run.seed", "an integer"),
                Arguments.of(
                        "bad status",
                        edit(t -> run(t).put("status", "done")),
                        "$.run.status",
                        "one of \"ok\", \"partial\", \"failed\""),
                Arguments.of(
                        "bad instant",
                        edit(t -> run(t).put("started", "yesterday")),
                        "$.run.started",
                        "ISO-8601 instant"),
                Arguments.of(
                        "finished before started",
                        edit(t -> run(t).put("finished", "2026-11-22T00:00:00Z")),
                        "$.run.finished",
                        "not before started"),
                Arguments.of(
                        "short sha",
                        edit(t -> ((ObjectNode) run(t).get("git")).put("sha", "abc")),
                        "$.run.git.sha",
                        "hex digits"),
                Arguments.of(
                        "tag not a string",
                        edit(t -> ((ObjectNode) run(t).get("tags")).put("release", 1)),
                        "$.run.tags.release",
                        "a string"),
                Arguments.of(
                        "bad platform",
                        edit(t -> system(t).put("platform", "Linux x86")),
                        "$.system.platform",
                        "like linux-x86_64"),
                Arguments.of(
                        "zero cores",
                        edit(t -> ((ObjectNode) system(t).get("cpu")).put("cores", 0)),
                        "$.system.cpu.cores",
                        "an integer from 1"),
                Arguments.of(
                        "negative memory",
                        edit(t -> system(t).put("memory_bytes", -1)),
                        "$.system.memory_bytes",
                        "an integer >= 0"),
                Arguments.of(
                        "unknown system field",
                        edit(t -> system(t).put("gpu", "none")),
                        "$.system.gpu",
                        "no such field"),
                Arguments.of(
                        "benchmarks not an array",
                        edit(t -> t.put("benchmarks", "none")),
                        "$.benchmarks",
                        "an array of benchmarks"),
                Arguments.of(
                        "duplicate id",
                        edit(t -> bench(t, 1).put("id", "kernels.matmul/simd/f32/1024x1024")),
                        "$.benchmarks[1].id",
                        "unique"),
                Arguments.of(
                        "ok with error",
                        edit(t -> bench(t, 0).put("error", "boom")),
                        "$.benchmarks[0].error",
                        "null when status is \"ok\""),
                Arguments.of(
                        "timeout without error",
                        edit(t -> bench(t, 1).putNull("error")),
                        "$.benchmarks[1].error",
                        "the error or reason"),
                Arguments.of(
                        "ok without metrics",
                        edit(t -> bench(t, 0).putObject("metrics")),
                        "$.benchmarks[0].metrics",
                        "at least one metric"),
                Arguments.of(
                        "empty samples",
                        edit(t -> time(t).putArray("samples")),
                        "$.benchmarks[0].metrics.time.samples",
                        "an array of at least 1 finite number"),
                Arguments.of(
                        "sample not a number",
                        edit(t -> ((ArrayNode) time(t).get("samples")).set(2, "x")),
                        "$.benchmarks[0].metrics.time.samples[2]",
                        "a finite number"),
                Arguments.of(
                        "n as NaN text",
                        edit(t -> time(t).put("n", "NaN")),
                        "$.benchmarks[0].metrics.time.n",
                        "an integer from 1"),
                Arguments.of(
                        "negative n",
                        edit(t -> time(t).put("n", -6)),
                        "$.benchmarks[0].metrics.time.n",
                        "an integer from 1"),
                Arguments.of(
                        "n not matching",
                        edit(t -> time(t).put("n", 5)),
                        "$.benchmarks[0].metrics.time.n",
                        "the number of samples (6)"),
                Arguments.of(
                        "missing p99",
                        edit(t -> time(t).remove("p99")),
                        "$.benchmarks[0].metrics.time.p99",
                        "no such field"),
                Arguments.of(
                        "negative stddev",
                        edit(t -> time(t).put("stddev", -0.5)),
                        "$.benchmarks[0].metrics.time.stddev",
                        "a number >= 0"),
                Arguments.of(
                        "bad direction",
                        edit(t -> time(t).put("better", "up")),
                        "$.benchmarks[0].metrics.time.better",
                        "one of \"higher\", \"lower\""),
                Arguments.of(
                        "ci level out of range",
                        edit(t -> ((ObjectNode) time(t).get("ci")).put("level", 95)),
                        "$.benchmarks[0].metrics.time.ci.level",
                        "a number in (0, 1)"),
                Arguments.of(
                        "ci inverted",
                        edit(t -> ((ObjectNode) time(t).get("ci")).put("high", -1.0)),
                        "$.benchmarks[0].metrics.time.ci.high",
                        "a number >= low"),
                Arguments.of(
                        "min above max",
                        edit(t -> time(t).put("min", 99.0)),
                        "$.benchmarks[0].metrics.time",
                        "consistent values"),
                Arguments.of(
                        "unknown metric field",
                        edit(t -> time(t).put("mode", 1.0)),
                        "$.benchmarks[0].metrics.time.mode",
                        "no such field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRunIsRejectedNamingThePathAndExpectedValue(String name, String json, String path, String expected) {
        assertThatThrownBy(() -> RunResultJson.fromJson(json, "bad-run.json"))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageStartingWith("bad-run.json: " + path + ": expected")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InvalidResultException) e).path()).isEqualTo(path));
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode tree = RunResultJson.toTree(ResultFixtures.run());
        change.accept(tree);
        return tree.toString();
    }

    private static ObjectNode run(ObjectNode t) {
        return (ObjectNode) t.get("run");
    }

    private static ObjectNode system(ObjectNode t) {
        return (ObjectNode) t.get("system");
    }

    private static ObjectNode bench(ObjectNode t, int i) {
        return (ObjectNode) t.get("benchmarks").get(i);
    }

    private static ObjectNode time(ObjectNode t) {
        return (ObjectNode) bench(t, 0).get("metrics").get("time");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
