package dev.bitbench.cli.crossval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of {@code llama-bench -o json}: an array with one object per test, where a
 * prompt-processing test has {@code n_prompt > 0, n_gen = 0} and a generation test {@code n_prompt
 * = 0, n_gen > 0}, and {@code avg_ts}/{@code stddev_ts} are tokens per second.
 */
final class LlamaBenchJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One llama-bench test. */
    record Test(
            String build,
            int threads,
            int promptTokens,
            int generatedTokens,
            double avgTokensPerSecond,
            double stddevTokensPerSecond) {
        boolean isPrompt() {
            return promptTokens > 0 && generatedTokens == 0;
        }

        boolean isDecode() {
            return generatedTokens > 0 && promptTokens == 0;
        }
    }

    private LlamaBenchJson() {}

    /**
     * Parses the JSON text.
     *
     * @throws IOException if it is not llama-bench JSON: not an array, or a test without {@code
     *     n_prompt}, {@code n_gen} or {@code avg_ts}
     */
    static List<Test> parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isArray()) {
            throw new IOException("llama-bench output is not a JSON array");
        }
        List<Test> tests = new ArrayList<>();
        for (JsonNode t : root) {
            for (String field : List.of("n_prompt", "n_gen", "avg_ts")) {
                if (!t.hasNonNull(field) || !t.get(field).isNumber()) {
                    throw new IOException("llama-bench test " + tests.size() + " has no number '" + field + "'");
                }
            }
            String build = t.path("build_commit").asText("?") + " ("
                    + t.path("build_number").asText("?") + ")";
            tests.add(new Test(
                    build,
                    t.path("n_threads").asInt(0),
                    t.get("n_prompt").asInt(),
                    t.get("n_gen").asInt(),
                    t.get("avg_ts").asDouble(),
                    t.path("stddev_ts").asDouble(0)));
        }
        return tests;
    }
}
