package dev.bitbench.cli.crossval;

import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.NumericsMode;
import dev.bitbench.suite.inference.InferenceBenchmark;
import dev.bitbench.suite.peers.LlamaCppProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The Java engine against the bundled llama.cpp (java-llama.cpp in a forked JVM) on one GGUF:
 * greedy agreement free-running and teacher-forced, and prompt/decode speed of both on the same
 * prompt ids in the same command run.
 */
final class EngineCrossval {
    /**
     * What to compare.
     *
     * @param promptTokens prompt length of the timed runs (seeded random ids, as the inference benchmark)
     * @param tokens greedy steps compared and tokens generated per timed run
     * @param runs timed runs per engine, after the warm-up
     * @param minForcedAgreement teacher-forced agreement, near ties counted as agreeing, needed to pass
     * @param tieTolerance the largest logit margin of a mismatch counted as a near tie
     */
    record Settings(
            int threads,
            long seed,
            int promptTokens,
            int tokens,
            int runs,
            double minForcedAgreement,
            double tieTolerance) {
        Settings {
            if (threads < 1 || promptTokens < 1 || tokens < 2 || runs < 1) {
                throw new IllegalArgumentException("threads, prompt tokens and runs must be >= 1 and tokens >= 2, got "
                        + threads + ", " + promptTokens + ", " + runs + ", " + tokens);
            }
            if (!(minForcedAgreement >= 0 && minForcedAgreement <= 1)) {
                throw new IllegalArgumentException("--min-agreement must be in [0, 1], got " + minForcedAgreement);
            }
            if (!(tieTolerance >= 0) || Double.isInfinite(tieTolerance)) {
                throw new IllegalArgumentException("--tie-tolerance must be finite and >= 0, got " + tieTolerance);
            }
        }
    }

    private EngineCrossval() {}

    /** The prompt ids of the timed runs: the recipe of {@code InferenceBenchmark}. */
    static int[] speedPrompt(long seed, int length, int vocab) {
        return Arrays.copyOf(InferenceBenchmark.tokens(seed, length, vocab), length);
    }

    static CrossvalReport.EngineResult run(
            Path gguf,
            BitnetModel model,
            int[] excluded,
            int[] prompt,
            Settings s,
            Path workDir,
            Path nativeDir,
            Duration timeout)
            throws IOException {
        int vocab = model.config().vocab();
        int[] speedPrompt = speedPrompt(s.seed(), s.promptTokens(), vocab);
        int context = Math.max(prompt.length, speedPrompt.length) + s.tokens() + 1;
        JavaEngineRun java = new JavaEngineRun(model, s.threads(), context);
        JavaEngineRun.Greedy greedy = java.greedy(prompt, s.tokens(), excluded);
        JavaEngineRun.Timed javaTimed = java.time(speedPrompt, s.tokens(), s.runs());
        LlamaCppProbe.Request request = new LlamaCppProbe.Request(
                gguf.toAbsolutePath().toString(),
                s.threads(),
                context,
                vocab,
                excluded,
                prompt,
                greedy.tokens(),
                speedPrompt,
                s.tokens(),
                s.runs());
        LlamaCppProbe.Response response = LlamaCppFork.run(request, workDir, nativeDir, timeout);
        if (response.error() != null) {
            throw new IOException("bundled llama.cpp failed: " + response.error());
        }
        TokenAgreement agreement = TokenAgreement.compare(
                greedy.tokens(), greedy.logits(), response.freeRun(), response.forced(), s.tieTolerance());
        CrossvalReport.Speed speed = new CrossvalReport.Speed(
                speedPrompt.length,
                s.tokens(),
                s.runs(),
                JavaEngineRun.median(javaTimed.promptTokensPerSecond()),
                JavaEngineRun.median(javaTimed.decodeTokensPerSecond()),
                JavaEngineRun.median(response.promptTokensPerSecond()),
                JavaEngineRun.median(response.decodeTokensPerSecond()));
        return new CrossvalReport.EngineResult(
                "bundled",
                response.version(),
                NumericsMode.LLAMA_CPP.label(),
                prompt,
                greedy.tokens(),
                response.freeRun(),
                excluded.length,
                agreement,
                s.minForcedAgreement(),
                speed);
    }
}
