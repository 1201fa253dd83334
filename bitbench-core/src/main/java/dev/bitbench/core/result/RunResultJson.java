package dev.bitbench.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code performance-report.json} ({@code bitbench/run/v1}, published as {@code
 * docs/schema/run-v1.json}) and {@code system-info.json}.
 *
 * <p>Writing produces pretty-printed UTF-8 JSON with snake_case keys in a fixed order, written
 * atomically by {@link AtomicFileWriter} (a reader never sees half a file). Reading is strict: the
 * text must be one JSON document (no duplicate keys, no NaN, no trailing content), the schema string
 * must match, every field must be present with the right type and range, and no unknown field may
 * appear in a fixed object (the free-form maps {@code tags}, {@code config}, {@code params} and
 * {@code metrics} excepted). Every violation is one {@link InvalidResultException} naming the file,
 * the JSON path and the expected value.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class RunResultJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ResultTreeWriter WRITER = new ResultTreeWriter(MAPPER);

    private RunResultJson() {}

    /** The run as pretty JSON text ending in a newline. */
    public static String toJson(RunResult run) {
        return pretty(toTree(run));
    }

    /** The run as a Jackson tree, in the schema's shape. */
    public static ObjectNode toTree(RunResult run) {
        return WRITER.run(run);
    }

    /** The system as pretty JSON text ending in a newline (the content of {@code system-info.json}). */
    public static String toJson(SystemInfo system) {
        return pretty(WRITER.system(system));
    }

    /** Writes the run to {@code file} atomically, creating parent directories. */
    public static void write(RunResult run, Path file) throws IOException {
        AtomicFileWriter.write(file, toJson(run));
    }

    /** Writes {@code system-info.json} atomically, creating parent directories. */
    public static void write(SystemInfo system, Path file) throws IOException {
        AtomicFileWriter.write(file, toJson(system));
    }

    /**
     * Reads and validates a run file.
     *
     * @throws IOException if the file cannot be read
     * @throws InvalidResultException if its content is not a valid {@code bitbench/run/v1} run
     */
    public static RunResult read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses and validates a run from JSON text.
     *
     * @param source the name used in error messages, e.g. the file name
     * @throws InvalidResultException if the text is not a valid {@code bitbench/run/v1} run
     */
    public static RunResult fromJson(String json, String source) {
        return new ResultTreeReader(source).run(parse(json, source));
    }

    /**
     * Validates a run given as a Jackson tree (e.g. from a database column).
     *
     * @throws InvalidResultException if the tree is not a valid {@code bitbench/run/v1} run
     */
    public static RunResult fromTree(JsonNode tree, String source) {
        return new ResultTreeReader(source).run(tree);
    }

    /**
     * Reads and validates {@code system-info.json}.
     *
     * @throws IOException if the file cannot be read
     * @throws InvalidResultException if the content is not a valid system object
     */
    public static SystemInfo readSystemInfo(Path file) throws IOException {
        String source = file.toString();
        JsonNode root = parse(Files.readString(file, StandardCharsets.UTF_8), source);
        return new ResultTreeReader(source).system(StrictJsonObject.of(source, "$", root));
    }

    private static JsonNode parse(String json, String source) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new InvalidResultException(source, "$", "a JSON object", "an empty document");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidResultException(
                    source, "$", "valid JSON", "a syntax error" + where + ": " + e.getOriginalMessage());
        }
    }

    private static String pretty(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a JSON tree", e);
        }
    }
}
