package dev.bitbench.cli.crossval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaBenchJsonTest {
    /** Hand-written after llama-bench's {@code -o json} fields; see the README next to it. */
    private static String sample() throws IOException {
        try (InputStream in = LlamaBenchJsonTest.class.getResourceAsStream("/crossval/llama-bench-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsPromptAndGenerationTests() throws IOException {
        List<LlamaBenchJson.Test> tests = LlamaBenchJson.parse(sample());

        assertThat(tests).hasSize(2);
        assertThat(tests.get(0).isPrompt()).isTrue();
        assertThat(tests.get(0).promptTokens()).isEqualTo(64);
        assertThat(tests.get(0).avgTokensPerSecond()).isEqualTo(518.4);
        assertThat(tests.get(1).isDecode()).isTrue();
        assertThat(tests.get(1).generatedTokens()).isEqualTo(32);
        assertThat(tests.get(1).avgTokensPerSecond()).isEqualTo(230.0);
        assertThat(tests.get(1).stddevTokensPerSecond()).isEqualTo(3.3);
        assertThat(tests.get(1).threads()).isEqualTo(1);
        assertThat(tests.get(0).build()).isEqualTo("abc1234 (4916)");
    }

    @Test
    void rejectsOutputThatIsNotLlamaBenchJson() {
        assertThatThrownBy(() -> LlamaBenchJson.parse("{\"n_prompt\": 1}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> LlamaBenchJson.parse("[{\"n_prompt\": 64, \"n_gen\": 0}]"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'avg_ts'");
    }
}
