package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static dev.bitbench.core.imports.ImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.result.InvalidResultException;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunReaderTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "jmh/thrpt-avgt-gc.json, jmh",
        "criterion, criterion",
        "gbench/repetitions.json, gbench",
        "hyperfine/seq.json, hyperfine",
        "llama-bench/threads.json, llama-bench"
    })
    void importsAnyRecognisedToolOutput(String fixture, String profile) throws IOException {
        RunResult run = RunReader.read(resource(fixture), OPTIONS);
        assertThat(run.run().profile()).isEqualTo(profile);
        assertThat(run.benchmarks()).isNotEmpty();
        assertThat(run.benchmarks()).allSatisfy(b -> assertThat(b.id()).startsWith(profile + "."));
    }

    @Test
    void readsOurOwnRunFileAndRunDirectoryUnchanged() throws IOException {
        RunResult imported = RunReader.read(resource("hyperfine/seq.json"), OPTIONS);
        Path dir = tmp.resolve("run");
        RunResultJson.write(imported, dir.resolve(RunReader.RUN_FILE));
        assertThat(RunReader.read(dir.resolve(RunReader.RUN_FILE))).isEqualTo(imported);
        assertThat(RunReader.read(dir)).isEqualTo(imported);
    }

    @Test
    void ourSchemaIsReadStrictly() throws IOException {
        Path file = Files.writeString(tmp.resolve("run.json"), "{\"schema\": \"bitbench/run/v2\"}");
        assertThatThrownBy(() -> RunReader.read(file))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining("$.schema");
    }

    @Test
    void unrecognisedOrMissingInputsAreNamed() throws IOException {
        Path other = Files.writeString(tmp.resolve("other.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> RunReader.read(other))
                .isInstanceOf(InvalidResultException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining("JMH, Google Benchmark, hyperfine or llama-bench");
        assertThatThrownBy(() -> RunReader.read(tmp.resolve("nope.json"))).isInstanceOf(NoSuchFileException.class);
    }
}
