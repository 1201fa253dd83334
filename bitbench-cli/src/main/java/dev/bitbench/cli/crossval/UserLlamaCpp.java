package dev.bitbench.cli.crossval;

import dev.bitbench.inference.model.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A user's own llama.cpp build ({@code --llama-cpp DIR} or {@code BITBENCH_LLAMA_CPP}): {@code
 * llama-bench -o json} for prompt and decode speed, and {@code llama-simple} (else {@code
 * llama-cli}) for the greedy text of the same prompt, compared with the Java engine's tokens.
 */
final class UserLlamaCpp {
    /** The line printed when no build is given. */
    static final String HOW_TO = "no llama.cpp build given: pass --llama-cpp DIR (or set BITBENCH_LLAMA_CPP) to a"
            + " directory with llama-bench and llama-simple or llama-cli to also compare against your own build;"
            + " using the bundled java-llama.cpp library alone";

    private UserLlamaCpp() {}

    /** {@code name} in {@code dir}, {@code dir/bin} or {@code dir/build/bin}, if executable there. */
    static Optional<Path> find(Path dir, String name) {
        for (Path candidate :
                List.of(dir.resolve(name), dir.resolve("bin").resolve(name), dir.resolve("build/bin/" + name))) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the build's tools.
     *
     * @param javaTokens the Java engine's greedy tokens after {@code promptIds}
     * @param javaLogits their logits
     * @param javaSpeed the Java engine's speed on {@code promptTokens} random ids, for the ratios
     */
    static CrossvalReport.UserBuildResult run(
            Path dir,
            Path gguf,
            Tokenizer tokenizer,
            String prompt,
            int[] promptIds,
            int[] javaTokens,
            float[][] javaLogits,
            CrossvalReport.Speed javaSpeed,
            int threads) {
        List<String> errors = new ArrayList<>();
        String version = "?";
        CrossvalReport.Speed speed = null;
        Optional<Path> bench = find(dir, "llama-bench");
        if (bench.isEmpty()) {
            errors.add("no llama-bench in " + dir);
        } else {
            try {
                String json = exec(List.of(
                        bench.get().toString(),
                        "-o",
                        "json",
                        "-m",
                        gguf.toString(),
                        "-t",
                        Integer.toString(threads),
                        "-p",
                        Integer.toString(javaSpeed.promptTokens()),
                        "-n",
                        Integer.toString(javaSpeed.decodeTokens())));
                List<LlamaBenchJson.Test> tests = LlamaBenchJson.parse(json);
                double pp = tests.stream()
                        .filter(LlamaBenchJson.Test::isPrompt)
                        .mapToDouble(LlamaBenchJson.Test::avgTokensPerSecond)
                        .findFirst()
                        .orElse(Double.NaN);
                double tg = tests.stream()
                        .filter(LlamaBenchJson.Test::isDecode)
                        .mapToDouble(LlamaBenchJson.Test::avgTokensPerSecond)
                        .findFirst()
                        .orElse(Double.NaN);
                version = tests.isEmpty() ? "?" : tests.get(0).build();
                speed = new CrossvalReport.Speed(
                        javaSpeed.promptTokens(),
                        javaSpeed.decodeTokens(),
                        javaSpeed.runs(),
                        javaSpeed.javaPromptTokensPerSecond(),
                        javaSpeed.javaDecodeTokensPerSecond(),
                        pp,
                        tg);
            } catch (IOException e) {
                errors.add("llama-bench: " + e.getMessage());
            }
        }
        String javaText = tokenizer
                .decode(concat(promptIds, javaTokens), 0, promptIds.length + javaTokens.length)
                .substring(tokenizer.decode(promptIds, 0, promptIds.length).length());
        String referenceText = "";
        Optional<Path> simple = find(dir, "llama-simple");
        Optional<Path> cli = find(dir, "llama-cli");
        try {
            if (simple.isPresent()) {
                referenceText = after(
                        exec(List.of(
                                simple.get().toString(),
                                "-m",
                                gguf.toString(),
                                "-n",
                                Integer.toString(javaTokens.length),
                                prompt)),
                        prompt);
            } else if (cli.isPresent()) {
                referenceText = after(
                        exec(List.of(
                                cli.get().toString(),
                                "-m",
                                gguf.toString(),
                                "-p",
                                prompt,
                                "-n",
                                Integer.toString(javaTokens.length),
                                "--temp",
                                "0",
                                "--top-k",
                                "1",
                                "-no-cnv",
                                "-t",
                                Integer.toString(threads))),
                        prompt);
            } else {
                errors.add("no llama-simple or llama-cli in " + dir);
            }
        } catch (IOException e) {
            errors.add("greedy generation: " + e.getMessage());
        }
        int matching = matchingTokens(tokenizer, promptIds, javaTokens, referenceText);
        int divergence = matching == javaTokens.length ? -1 : matching;
        Double margin =
                divergence < 0 ? null : TokenAgreement.margin(javaLogits[divergence], javaTokens[divergence], -1);
        return new CrossvalReport.UserBuildResult(
                dir.toString(),
                version,
                referenceText,
                javaText,
                javaTokens.length,
                matching,
                divergence,
                margin,
                speed,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    /** How many of the Java tokens, in order, the reference text reproduces. */
    static int matchingTokens(Tokenizer tokenizer, int[] promptIds, int[] javaTokens, String referenceText) {
        int[] all = concat(promptIds, javaTokens);
        int base = tokenizer.decode(all, 0, promptIds.length).length();
        int k = 0;
        while (k < javaTokens.length) {
            String upTo = tokenizer.decode(all, 0, promptIds.length + k + 1).substring(base);
            if (!referenceText.startsWith(upTo)) {
                break;
            }
            k++;
        }
        return k;
    }

    /** What follows the first occurrence of {@code prompt} in the tool's output. */
    static String after(String output, String prompt) {
        int at = output.indexOf(prompt);
        return at < 0 ? output : output.substring(at + prompt.length());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(
                        command.get(0) + " failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
