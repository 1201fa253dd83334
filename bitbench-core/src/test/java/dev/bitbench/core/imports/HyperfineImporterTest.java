package dev.bitbench.core.imports;

import static dev.bitbench.core.imports.ImportFixtures.OPTIONS;
import static dev.bitbench.core.imports.ImportFixtures.doubles;
import static dev.bitbench.core.imports.ImportFixtures.json;
import static dev.bitbench.core.imports.ImportFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperfineImporterTest {

    @TempDir
    Path tmp;

    @Test
    void everyCommandIsABenchmarkWithItsRunTimesAsSamples() throws IOException {
        RunResult run = new HyperfineImporter().read(resource("hyperfine/seq.json"), OPTIONS);
        JsonNode results = json("hyperfine/seq.json").get("results");
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly("hyperfine.seq 100000", "hyperfine.seq 200000");
        for (int i = 0; i < results.size(); i++) {
            BenchmarkResult b = run.benchmarks().get(i);
            Metric time = b.metrics().get("time");
            assertThat(time.samples()).containsExactly(doubles(results.get(i).get("times")));
            assertThat(time.n()).isEqualTo(10);
            assertThat(time.unit()).isEqualTo("s");
            assertThat(time.better()).isEqualTo(Direction.LOWER);
            assertThat(time.min()).isEqualTo(results.get(i).get("min").asDouble());
            assertThat(time.max()).isEqualTo(results.get(i).get("max").asDouble());
        }
        assertThat(run.benchmarks().get(1).params()).containsExactly(Map.entry("n", "2"));
        assertThat(run.benchmarks().get(1).op()).isEqualTo("seq 200000");
        assertThat(ImportFixtures.roundTrip(run)).isEqualTo(run);
    }

    @Test
    void aRepeatedCommandGetsANumberedIdAndMemoryIsImported() throws IOException {
        Path file = tmp.resolve("twice.json");
        Files.writeString(file, """
                { "results": [
                  { "command": "sleep 0.1", "mean": 0.1, "stddev": 0, "median": 0.1, "min": 0.1, "max": 0.1,
                    "times": [0.1, 0.1], "exit_codes": [0, 1], "memory_usage_byte": [1000, 3000] },
                  { "command": "sleep 0.1", "mean": 0.2, "stddev": 0, "median": 0.2, "min": 0.2, "max": 0.2,
                    "times": [0.2, 0.2] } ] }
                """);
        RunResult run = new HyperfineImporter().read(file, OPTIONS);
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly("hyperfine.sleep 0.1", "hyperfine.sleep 0.1 #2");
        BenchmarkResult first = run.benchmarks().get(0);
        assertThat(first.metrics().get("memory").samples()).containsExactly(1000.0, 3000.0);
        assertThat(first.metrics().get("memory").unit()).isEqualTo("B");
        assertThat(first.params()).containsEntry("failed_runs", "1");
    }
}
