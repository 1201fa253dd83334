package dev.bitbench.cli.crossval;

import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.InferenceSession;
import dev.bitbench.inference.model.NumericsMode;
import dev.bitbench.inference.model.Sampler;
import dev.bitbench.kernels.Backends;
import java.util.Arrays;

/**
 * The Java engine's side of the engine comparison, in {@code llama.cpp} numerics mode: greedy
 * generation with the logits of every step, and timed runs measured the way the llama.cpp side is
 * (prompt: the batch forward pass plus the first argmax; decode: every later step).
 */
final class JavaEngineRun {
    /** Greedy tokens and the logits each was chosen from. */
    record Greedy(int[] tokens, float[][] logits) {}

    /** Tokens per second of each timed run. */
    record Timed(double[] promptTokensPerSecond, double[] decodeTokensPerSecond) {}

    /** Minimum warm-up before the timed runs: 3 s. */
    static final long WARM_UP_NANOS = 3_000_000_000L;

    private final InferenceSession session;
    private final int vocab;

    JavaEngineRun(BitnetModel model, int threads, int maxTokens) {
        this.session = new InferenceSession(
                model, Backends.byName(threads == 1 ? "simd" : "parallel", threads), maxTokens, NumericsMode.LLAMA_CPP);
        this.vocab = model.config().vocab();
    }

    /**
     * Ids whose text is empty or shared with another id: a reference that reports generated text
     * cannot name them, so the agreement check leaves them out of both engines' choices.
     */
    static int[] unnameable(dev.bitbench.inference.model.Tokenizer tokenizer) {
        int n = tokenizer.vocabularySize();
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        String[] text = new String[n];
        for (int id = 0; id < n; id++) {
            text[id] = tokenizer.decode(new int[] {id}, 0, 1);
            count.merge(text[id], 1, Integer::sum);
        }
        return java.util.stream.IntStream.range(0, n)
                .filter(id -> text[id].isEmpty() || count.get(text[id]) > 1)
                .toArray();
    }

    String backend() {
        return session.backend().name();
    }

    /**
     * Greedy generation.
     *
     * @param excluded ids never chosen: their logits count as minus infinity
     */
    Greedy greedy(int[] prompt, int steps, int[] excluded) {
        session.reset();
        int[] tokens = new int[steps];
        float[][] logits = new float[steps][];
        float[] current = session.forward(prompt, 0, prompt.length);
        for (int i = 0; i < steps; i++) {
            logits[i] = Arrays.copyOf(current, vocab);
            for (int id : excluded) {
                logits[i][id] = Float.NEGATIVE_INFINITY;
            }
            tokens[i] = Sampler.argmax(logits[i], vocab);
            if (i + 1 < steps) {
                current = session.forward(tokens[i]);
            }
        }
        return new Greedy(tokens, logits);
    }

    /**
     * Untimed warm-up runs for at least {@link #WARM_UP_NANOS} (at least one run), then {@code runs}
     * timed ones, each generating {@code tokens} tokens. The Vector API kernels need seconds of C2
     * compilation before they stop allocating; a single short warm-up run measured them cold.
     */
    Timed time(int[] prompt, int tokens, int runs) {
        double[] promptRate = new double[runs];
        double[] decodeRate = new double[runs];
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        do {
            generate(prompt, tokens);
        } while (System.nanoTime() - warmUpEnd < 0);
        for (int r = 0; r < runs; r++) {
            session.reset();
            long t0 = System.nanoTime();
            int next = Sampler.argmax(session.forward(prompt, 0, prompt.length), vocab);
            long t1 = System.nanoTime();
            for (int i = 1; i < tokens; i++) {
                next = Sampler.argmax(session.forward(next), vocab);
            }
            long t2 = System.nanoTime();
            promptRate[r] = prompt.length * 1e9 / (t1 - t0);
            decodeRate[r] = (tokens - 1) * 1e9 / Math.max(1, t2 - t1);
        }
        return new Timed(promptRate, decodeRate);
    }

    private void generate(int[] prompt, int tokens) {
        session.reset();
        int next = Sampler.argmax(session.forward(prompt, 0, prompt.length), vocab);
        for (int i = 1; i < tokens; i++) {
            next = Sampler.argmax(session.forward(next), vocab);
        }
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
