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
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaBenchImporterTest {

    private static final String MODEL = "bitnet-b1.58 2B TQ2_0 - 2.06 bpw ternary";

    @TempDir
    Path tmp;

    @Test
    void idsNameTheModelTheTestAndTheSettingThatVaries() throws IOException {
        RunResult run = new LlamaBenchImporter().read(resource("llama-bench/threads.json"), OPTIONS);
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly(
                        "llama-bench." + MODEL + "/pp64/n_threads=1",
                        "llama-bench." + MODEL + "/tg16/n_threads=1",
                        "llama-bench." + MODEL + "/pp64/n_threads=2",
                        "llama-bench." + MODEL + "/tg16/n_threads=2");
        BenchmarkResult first = run.benchmarks().get(0);
        assertThat(first.op()).isEqualTo("pp64");
        assertThat(first.backend()).isEqualTo("CPU");
        assertThat(first.params())
                .containsEntry("n_threads", "1")
                .containsEntry("model_type", MODEL)
                .containsEntry("type_k", "f16")
                .doesNotContainKeys("avg_ts", "samples_ns", "test_time", "cpu_info");
    }

    @Test
    void tokensPerSecondIsHigherBetterAndTimeLowerBetterPerRepetition() throws IOException {
        RunResult run = new LlamaBenchImporter().read(resource("llama-bench/threads.json"), OPTIONS);
        JsonNode records = json("llama-bench/threads.json");
        for (int i = 0; i < records.size(); i++) {
            Metric throughput = run.benchmarks().get(i).metrics().get("throughput");
            Metric time = run.benchmarks().get(i).metrics().get("time");
            assertThat(throughput.unit()).isEqualTo("tokens/s");
            assertThat(throughput.better()).isEqualTo(Direction.HIGHER);
            assertThat(throughput.samples())
                    .containsExactly(doubles(records.get(i).get("samples_ts")));
            assertThat(time.unit()).isEqualTo("ns");
            assertThat(time.better()).isEqualTo(Direction.LOWER);
            assertThat(time.samples()).containsExactly(doubles(records.get(i).get("samples_ns")));
        }
        // pp64 on 1 thread: 64 tokens in 2.000 s is 32 tokens/s
        assertThat(run.benchmarks().get(0).metrics().get("throughput").samples()[0])
                .isEqualTo(32.0);
    }

    @Test
    void recordsTheCpuAndTheTestTimes() throws IOException {
        RunResult run = new LlamaBenchImporter().read(resource("llama-bench/threads.json"), OPTIONS);
        assertThat(run.system().cpu().model()).isEqualTo("AMD EPYC 7B13");
        assertThat(run.run().started()).isEqualTo(Instant.parse("2026-11-23T09:00:01Z"));
        assertThat(run.run().finished()).isEqualTo(Instant.parse("2026-11-23T09:00:27Z"));
        assertThat(run.run().id()).isEqualTo("20261123T090001Z-llama-bench");
        assertThat(ImportFixtures.roundTrip(run)).isEqualTo(run);
    }

    @Test
    void readsJsonLinesAndOmitsSettingsThatDoNotVary() throws IOException {
        RunResult run = new LlamaBenchImporter().read(resource("llama-bench/threads.jsonl"), OPTIONS);
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactly("llama-bench." + MODEL + "/pp64", "llama-bench." + MODEL + "/tg16");
    }

    @Test
    void namesCombinedTestsAndDepthAsLlamaBenchPrintsThem() throws IOException {
        Path file = tmp.resolve("pg.json");
        Files.writeString(file, """
                [ { "model_type": "m", "n_prompt": 512, "n_gen": 128, "n_depth": 4096,
                    "avg_ns": 10, "avg_ts": 64.0 } ]
                """);
        BenchmarkResult b =
                new LlamaBenchImporter().read(file, OPTIONS).benchmarks().get(0);
        assertThat(b.id()).isEqualTo("llama-bench.m/pp512+tg128@d4096");
        // an older llama-bench without sample arrays: one sample, the average
        assertThat(b.metrics().get("throughput").samples()).containsExactly(64.0);
        assertThat(b.metrics().get("time").samples()).containsExactly(10.0);
    }
}
