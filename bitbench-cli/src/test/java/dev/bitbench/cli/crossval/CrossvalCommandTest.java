package dev.bitbench.cli.crossval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.cli.BitBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossvalCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run crossval(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "crossval";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = BitBench.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aMissingModelFileIsOneLineAndExitTwo() {
        Run run = crossval("--model", dir.resolve("nope.gguf").toString(), "--output", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("nope.gguf").contains("does not exist");
        assertThat(dir.resolve(CrossvalCommand.RESULTS_FILE)).doesNotExist();
    }

    @Test
    void aFileThatIsNotGgufIsOneLineAndExitTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.gguf"), "not a gguf file at all");
        Run run = crossval(
                "--model",
                bad.toString(),
                "--skip-kernels",
                "--output",
                dir.resolve("out").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip())
                .doesNotContain("\n")
                .startsWith("bitbench: ")
                .contains("bad.gguf");
        assertThat(dir.resolve("out").resolve(CrossvalCommand.RESULTS_FILE)).doesNotExist();
    }

    @Test
    void aNegativeTieToleranceIsOneLineAndExitTwoBeforeAnythingRuns() {
        Run run = crossval("--tie-tolerance", "-1", "--output", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("--tie-tolerance must be finite and >= 0");
        assertThat(dir.resolve(CrossvalCommand.RESULTS_FILE)).doesNotExist();
    }

    @Test
    void anUnknownReferenceIsAUsageError() {
        Run run = crossval("--reference", "ollama", "--output", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--reference must be bundled or none");
    }

    @Test
    void referenceNoneChecksKernelsAndWritesValidJsonAndMarkdown() throws IOException {
        Run run = crossval("--reference", "none", "--output", dir.toString(), "--format", "none");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("all passed");
        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve(CrossvalCommand.RESULTS_FILE).toFile());
        assertThat(json.get("schema").asText()).isEqualTo(CrossvalReport.SCHEMA);
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("engine").isNull()).isTrue();
        assertThat(json.get("kernels")).hasSize(KernelCrossval.DEFAULT_SHAPES.size() * 8);
        JsonNode row = json.get("kernels").get(0);
        assertThat(row.get("status").asText()).isEqualTo("pass");
        assertThat(row.get("stats").get("maxAbsError").isNumber()).isTrue();
        assertThat(row.get("stats").get("tolerance").asDouble()).isPositive();
        assertThat(Files.readString(dir.resolve("crossval-results.md")))
                .contains("| op | shape | backend | reference |")
                .contains("| gemv | 1000x999 | parallel | openblas |");
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void withoutABuildItSaysHowToProvideOne() throws IOException {
        Path tiny = dev.bitbench.inference.fixtures.Fixtures.generate(
                        dir,
                        dev.bitbench.inference.fixtures.FixtureShape.TINY,
                        dev.bitbench.inference.gguf.GgmlType.TQ2_0,
                        42,
                        b -> {})
                .file()
                .transform(dir::resolve);
        Run run = crossval(
                "--model", tiny.toString(), "--reference", "none", "--skip-kernels", "--output", dir.toString());
        // --reference none and no --llama-cpp: nothing to compare the engine with
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper()
                .readTree(dir.resolve(CrossvalCommand.RESULTS_FILE).toFile());
        assertThat(json.get("kernels")).isEmpty();
        assertThat(json.get("userBuild").isNull()).isTrue();
    }
}
