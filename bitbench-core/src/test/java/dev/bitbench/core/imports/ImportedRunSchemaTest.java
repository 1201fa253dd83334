package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static dev.bitbench.core.imports.ImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every imported fixture is valid against the published schema {@code docs/schema/run-v1.json}. */
class ImportedRunSchemaTest {

    /** Surefire runs in the module directory; the schema lives at the repository root. */
    private static final Path SCHEMA_FILE = Path.of("..", "docs", "schema", "run-v1.json");

    @ParameterizedTest
    @CsvSource({
        "JMH, jmh/thrpt-avgt-gc.json",
        "JMH, jmh/sample-ss.json",
        "CRITERION, criterion",
        "GBENCH, gbench/repetitions.json",
        "HYPERFINE, hyperfine/seq.json",
        "LLAMA_BENCH, llama-bench/threads.json"
    })
    void importedRunsMatchThePublishedSchema(ImportFormat format, String fixture) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(mapper.readTree(Files.readString(SCHEMA_FILE)));
        RunResult run = format.importer().read(resource(fixture), OPTIONS);
        assertThat(schema.validate(mapper.readTree(RunResultJson.toJson(run)))).isEmpty();
    }
}
