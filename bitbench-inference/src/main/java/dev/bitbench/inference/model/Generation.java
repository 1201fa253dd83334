package dev.bitbench.inference.model;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Text generation: the prompt in batches, then one token at a time until {@code maxNewTokens} or
 * EOS, timed with {@link System#nanoTime()}.
 */
public final class Generation {
    /**
     * What a generation produced and how long it took.
     *
     * @param promptTokens tokens of the prompt (BOS included)
     * @param generated the new tokens (EOS included when it stopped on it)
     * @param promptNanos time to process the prompt, including the first token's logits
     * @param decodeNanos time of every decode step after the prompt (one forward pass per token
     *     but the last sampled)
     * @param decodeSteps forward passes in {@code decodeNanos}
     */
    public record Result(
            int[] promptTokens, int[] generated, String text, long promptNanos, long decodeNanos, int decodeSteps) {
        /** Prompt tokens per second. */
        public double promptTokensPerSecond() {
            return promptNanos == 0 ? 0 : promptTokens.length * 1e9 / promptNanos;
        }

        /** Decode tokens per second (forward passes of one token). */
        public double decodeTokensPerSecond() {
            return decodeNanos == 0 ? 0 : decodeSteps * 1e9 / decodeNanos;
        }
    }

    private Generation() {}

    /**
     * Generates from {@code prompt}; the session is reset first.
     *
     * @param onToken called with each new token as it is sampled (may be a no-op)
     */
    public static Result generate(
            InferenceSession session,
            Tokenizer tokenizer,
            String prompt,
            int maxNewTokens,
            Sampler sampler,
            IntConsumer onToken) {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("token count must be >= 0, got " + maxNewTokens);
        }
        int[] promptTokens = tokenizer.encode(prompt);
        if (promptTokens.length == 0) {
            throw new IllegalArgumentException("the prompt is empty and the model adds no BOS token");
        }
        if (promptTokens.length + maxNewTokens > session.maxTokens()) {
            throw new IllegalArgumentException("prompt (" + promptTokens.length + " tokens) and " + maxNewTokens
                    + " new tokens do not fit the session's " + session.maxTokens() + " tokens");
        }
        session.reset();
        int vocab = session.model().config().vocab();
        long t0 = System.nanoTime();
        float[] logits = session.forward(promptTokens, 0, promptTokens.length);
        long promptNanos = System.nanoTime() - t0;
        int[] out = new int[maxNewTokens];
        int produced = 0;
        int steps = 0;
        long decodeNanos = 0;
        while (produced < maxNewTokens) {
            int next = sampler.sample(logits, vocab);
            out[produced++] = next;
            onToken.accept(next);
            if (next == tokenizer.eos() || produced == maxNewTokens) {
                break;
            }
            long t = System.nanoTime();
            logits = session.forward(next);
            decodeNanos += System.nanoTime() - t;
            steps++;
        }
        int[] generated = Arrays.copyOf(out, produced);
        int textLength = produced > 0 && generated[produced - 1] == tokenizer.eos() ? produced - 1 : produced;
        return new Result(
                promptTokens, generated, tokenizer.decode(generated, 0, textLength), promptNanos, decodeNanos, steps);
    }
}
