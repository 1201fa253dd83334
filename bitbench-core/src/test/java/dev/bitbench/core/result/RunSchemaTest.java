package dev.bitbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.bitbench.core.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published JSON Schema {@code docs/schema/run-v1.json} accepts what the writer writes. */
class RunSchemaTest {

    /** Surefire runs in the module directory; the schema lives at the repository root. */
    private static final Path SCHEMA_FILE = Path.of("..", "docs", "schema", "run-v1.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema schema;

    /** The same file with its root replaced by a reference to {@code $defs/system}. */
    private static JsonSchema systemSchema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchemaFromTheRepository() throws IOException {
        JsonNode schemaTree = MAPPER.readTree(Files.readString(SCHEMA_FILE));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        schema = factory.getSchema(schemaTree);
        ObjectNode systemTree = (ObjectNode) schemaTree.deepCopy();
        systemTree.remove(List.of("type", "additionalProperties", "required", "properties"));
        systemTree.put("$ref", "#/$defs/system");
        systemSchema = factory.getSchema(systemTree);
    }

    @Test
    void writerOutputIsValidAgainstThePublishedSchema() throws IOException {
        Path file = dir.resolve("performance-report.json");
        RunResultJson.write(ResultFixtures.run(), file);

        assertThat(validate(MAPPER.readTree(file.toFile()))).isEmpty();
    }

    @Test
    void systemInfoFileIsValidAgainstTheSystemDefinition() throws IOException {
        Path file = dir.resolve("system-info.json");
        RunResultJson.write(ResultFixtures.system(new CiInfo("jenkins", null)), file);

        assertThat(systemSchema.validate(MAPPER.readTree(file.toFile()))).isEmpty();
        assertThat(systemSchema.validate(MAPPER.readTree("{\"os\": \"x\"}"))).isNotEmpty();
    }

    @Test
    void minimalRunWithoutGitCiOrBenchmarksIsValid() throws IOException {
        RunInfo info = new RunInfo(
                "20260101T000000Z-nogit",
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"),
                "smoke",
                -7,
                RunStatus.FAILED,
                GitInfo.UNKNOWN,
                Map.of(),
                Map.of());
        SystemInfo system = new SystemInfo(
                "Mac OS X 14.4",
                null,
                "aarch64",
                "macos-aarch64",
                new CpuInfo("", 8, 8, List.of()),
                0,
                new JvmInfo("Oracle", "25+36", List.of(), 0),
                null,
                null,
                Map.of("kernel", "unknown"),
                null);
        BenchmarkResult one = new BenchmarkResult(
                "imported.x",
                "imported",
                "x",
                null,
                null,
                Map.of(),
                BenchmarkStatus.OK,
                null,
                Map.of("time", Metric.of("s", Direction.LOWER, 2.5)));
        String json = RunResultJson.toJson(new RunResult(info, system, List.of(one)));

        assertThat(validate(MAPPER.readTree(json))).isEmpty();
    }

    @Test
    void profiledMetricsAndTheReasonsForTheAbsentOnesAreValidAndReadBack() {
        RunResult fixture = ResultFixtures.run();
        SystemInfo s = fixture.system();
        Map<String, String> unavailable = new java.util.LinkedHashMap<>(s.unavailable());
        unavailable.put("energy", "no RAPL domains in /sys/class/powercap (no intel_rapl driver, VM or container)");
        SystemInfo system = new SystemInfo(
                s.os(),
                s.kernel(),
                s.arch(),
                s.platform(),
                s.cpu(),
                s.memoryBytes(),
                s.jvm(),
                s.governor(),
                s.turbo(),
                unavailable,
                s.ci());
        BenchmarkResult first = fixture.benchmarks().get(0);
        Map<String, Metric> metrics = new java.util.LinkedHashMap<>(first.metrics());
        metrics.put("peak_rss", Metric.of("B", Direction.LOWER, 6.8e7, 6.8e7, 6.9e7));
        metrics.put("peak_heap", Metric.of("B", Direction.LOWER, 7.0e6, 7.1e6, 7.1e6));
        BenchmarkResult profiled = new BenchmarkResult(
                first.id(),
                first.group(),
                first.op(),
                first.backend(),
                first.dtype(),
                first.params(),
                first.status(),
                first.error(),
                metrics);
        RunResult run = new RunResult(fixture.run(), system, List.of(profiled));
        String json = RunResultJson.toJson(run);

        assertThat(validate(parse(json))).isEmpty();
        assertThat(RunResultJson.fromJson(json, "profiled.json")).isEqualTo(run);
    }

    @Test
    void schemaRejectsWhatTheReaderRejects() {
        assertThat(validate(edited(t -> t.put("schema", "bitbench/run/v2")))).isNotEmpty();
        assertThat(validate(edited(t -> ((ObjectNode) t.get("run")).remove("seed"))))
                .isNotEmpty();
        assertThat(validate(edited(t -> metric(t).putArray("samples")))).isNotEmpty();
        assertThat(validate(edited(t -> metric(t).put("n", 0)))).isNotEmpty();
        assertThat(validate(edited(t -> metric(t).put("better", "up")))).isNotEmpty();
        assertThat(validate(edited(t -> metric(t).put("extra", 1)))).isNotEmpty();
        assertThat(validate(edited(t -> ((ObjectNode) t.get("benchmarks").get(0)).put("error", "boom"))))
                .isNotEmpty();
        assertThat(validate(edited(t -> ((ObjectNode) t.get("benchmarks").get(1)).putNull("error"))))
                .isNotEmpty();
        assertThat(validate(edited(t -> ((ObjectNode) t.get("system")).put("platform", "Linux"))))
                .isNotEmpty();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> validate(JsonNode tree) {
        return schema.validate(tree);
    }

    private static JsonNode edited(Consumer<ObjectNode> change) {
        ObjectNode tree = RunResultJson.toTree(ResultFixtures.run());
        change.accept(tree);
        return tree;
    }

    private static ObjectNode metric(ObjectNode t) {
        return (ObjectNode) t.get("benchmarks").get(0).get("metrics").get("time");
    }
}
