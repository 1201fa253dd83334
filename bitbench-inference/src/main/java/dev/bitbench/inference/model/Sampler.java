package dev.bitbench.inference.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next token from logits. Temperature 0 is greedy (the largest logit, the lowest id on a
 * tie). Otherwise, in llama.cpp's order: keep the {@code topK} largest logits (0 keeps all), divide
 * by the temperature, softmax, keep the smallest set of most likely tokens whose probability
 * reaches {@code topP} (1 keeps all), and draw from what is left with a {@link SplittableRandom}
 * seeded once, so a seed gives the same tokens every run. Not thread-safe.
 */
public final class Sampler {
    private final float temperature;
    private final int topK;
    private final float topP;
    private final SplittableRandom random;
    private Integer[] order = new Integer[0];
    private double[] probs = new double[0];

    /**
     * @param temperature {@code >= 0}; 0 is greedy
     * @param topK {@code >= 0}; 0 disables
     * @param topP in {@code (0, 1]}; 1 disables
     */
    public Sampler(float temperature, int topK, float topP, long seed) {
        if (!(temperature >= 0) || Float.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.random = new SplittableRandom(seed);
    }

    /** A greedy sampler. */
    public static Sampler greedy() {
        return new Sampler(0f, 0, 1f, 0);
    }

    /** The index of the largest of {@code logits[0 .. n)}, lowest index on a tie. */
    public static int argmax(float[] logits, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The next token from {@code logits[0 .. n)}. */
    public int sample(float[] logits, int n) {
        if (temperature == 0f || topK == 1) {
            return argmax(logits, n);
        }
        if (order.length < n) {
            order = new Integer[n];
            probs = new double[n];
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, 0, n, (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : a - b);
        int kept = topK == 0 ? n : Math.min(topK, n);
        double max = logits[order[0]] / temperature;
        double sum = 0;
        for (int i = 0; i < kept; i++) {
            probs[i] = Math.exp(logits[order[i]] / temperature - max);
            sum += probs[i];
        }
        double cumulative = 0;
        int cut = kept;
        for (int i = 0; i < kept; i++) {
            probs[i] /= sum;
            cumulative += probs[i];
            if (cumulative >= topP) {
                cut = i + 1;
                break;
            }
        }
        double r = random.nextDouble() * Math.min(cumulative, 1.0);
        double acc = 0;
        for (int i = 0; i < cut; i++) {
            acc += probs[i];
            if (r < acc) {
                return order[i];
            }
        }
        return order[cut - 1];
    }
}
