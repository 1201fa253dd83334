package dev.bitbench.cli.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    static Path dir;

    static Path tiny;

    @BeforeAll
    static void fixture() {
        CliRun run = CliRun.of("fixtures", "generate", "--size", "tiny", "--output", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        tiny = dir.resolve("bitnet-tiny-tq2_0.gguf");
    }

    @Test
    void printsPromptTextAndOneSpeedLine() {
        CliRun run = CliRun.of("generate", "--model", tiny.toString(), "--prompt", "Hi", "-n", "8", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("Hi");
        assertThat(lines[lines.length - 1])
                .matches("load \\d+ ms \\| prompt 4 tokens [0-9.]+ tok/s \\| decode 7 tokens [0-9.]+ tok/s \\| simd, 1"
                        + " thread, numerics bitnet");
    }

    @Test
    void greedyOutputRepeatsAndDoesNotDependOnTheBackend() {
        CliRun a = CliRun.of("generate", "--model", tiny.toString(), "--prompt", "abc", "-n", "10", "--threads", "1");
        CliRun b = CliRun.of("generate", "--model", tiny.toString(), "--prompt", "abc", "-n", "10", "--threads", "2");
        CliRun c =
                CliRun.of("generate", "--model", tiny.toString(), "--prompt", "abc", "-n", "10", "--backend", "scalar");
        assertThat(a.out().lines().findFirst()).isEqualTo(b.out().lines().findFirst());
        assertThat(a.out().lines().findFirst()).isEqualTo(c.out().lines().findFirst());
    }

    @Test
    void llamaCppNumericsIsSelectableAndShown() {
        CliRun run = CliRun.of(
                "generate", "--model", tiny.toString(), "--prompt", "Hi", "-n", "4", "--numerics", "llama.cpp");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("numerics llama.cpp");
        CliRun bad = CliRun.of("generate", "--model", tiny.toString(), "--prompt", "Hi", "--numerics", "fp8");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown numerics mode 'fp8'");
    }

    @Test
    void warmupRunsDoNotChangeTheText() {
        CliRun cold = CliRun.of("generate", "--model", tiny.toString(), "--prompt", "Hi", "-n", "6", "--temp", "0.7");
        CliRun warm = CliRun.of(
                "generate", "--model", tiny.toString(), "--prompt", "Hi", "-n", "6", "--temp", "0.7", "--warmup", "2");
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        assertThat(warm.out().lines().findFirst()).isEqualTo(cold.out().lines().findFirst());
        assertThat(warm.out()).contains("after 2 warm-up runs");
    }

    @Test
    void corruptModelIsOneLineAndExit2() throws IOException {
        byte[] bytes = Files.readAllBytes(tiny);
        Path truncated = dir.resolve("truncated.gguf");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = CliRun.of("generate", "--model", truncated.toString(), "--prompt", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("truncated.gguf", "extends past the end");

        Path notGguf = dir.resolve("text.gguf");
        Files.writeString(notGguf, "hello world, not a model");
        CliRun magic = CliRun.of("generate", "--model", notGguf.toString(), "--prompt", "x");
        assertThat(magic.exitCode()).isEqualTo(2);
        assertThat(magic.err()).contains("not a GGUF file");
    }

    @Test
    void missingModelIsAUsageError() {
        CliRun run = CliRun.of("generate", "--model", dir.resolve("none.gguf").toString(), "--prompt", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("does not exist");
    }
}
