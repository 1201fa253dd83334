package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportFormatTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "jmh/thrpt-avgt-gc.json, JMH",
        "jmh/sample-ss.json, JMH",
        "criterion, CRITERION",
        "criterion/fib, CRITERION",
        "gbench/repetitions.json, GBENCH",
        "hyperfine/seq.json, HYPERFINE",
        "llama-bench/threads.json, LLAMA_BENCH",
        "llama-bench/threads.jsonl, LLAMA_BENCH"
    })
    void detectsEachToolFromContent(String fixture, ImportFormat expected) throws IOException {
        assertThat(ImportFormat.detect(resource(fixture))).contains(expected);
    }

    @Test
    void detectsNothingInOtherContent() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not json at all\n");
        Path object = Files.writeString(tmp.resolve("other.json"), "{\"schema\": \"bitbench/run/v1\"}");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThat(ImportFormat.detect(text)).isEmpty();
        assertThat(ImportFormat.detect(object)).isEmpty();
        assertThat(ImportFormat.detect(empty)).isEmpty();
        assertThat(ImportFormat.detect(tmp.resolve("missing.json"))).isEqualTo(Optional.empty());
    }

    @Test
    void parsesCommandLineNames() {
        assertThat(ImportFormat.parse("jmh")).isEqualTo(ImportFormat.JMH);
        assertThat(ImportFormat.parse("llama-bench")).isEqualTo(ImportFormat.LLAMA_BENCH);
        assertThat(ImportFormat.parse("LLAMA_BENCH")).isEqualTo(ImportFormat.LLAMA_BENCH);
        assertThat(ImportFormat.parse("google-benchmark")).isEqualTo(ImportFormat.GBENCH);
        for (ImportFormat f : ImportFormat.values()) {
            assertThat(ImportFormat.parse(f.cliName())).isEqualTo(f);
            assertThat(f.importer().format()).isEqualTo(f);
        }
        assertThatThrownBy(() -> ImportFormat.parse("pytest-benchmark"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pytest-benchmark'")
                .hasMessageContaining("jmh, criterion, gbench, hyperfine or llama-bench");
    }
}
