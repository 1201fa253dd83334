package dev.bitbench.cli.crossval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token-by-token agreement of two greedy decoders. Free-running, one differing token changes every
 * later input, so only the first divergence says something; teacher-forced (both given the same
 * prefix at every step, here the Java engine's own greedy output) every step is an independent
 * check of the argmax.
 *
 * @param steps steps compared
 * @param freeRunMatches free-running steps where both chose the same token
 * @param firstDivergence first free-running step where they differ, or -1 if none does
 * @param marginAtDivergence the Java engine's logit of its own choice minus its logit of the
 *     reference's choice at {@code firstDivergence} (top-1 minus top-2 when the reference's token is
 *     unknown); null when there is no divergence
 * @param forcedMatches teacher-forced steps where both chose the same token
 * @param firstForcedMismatch first teacher-forced step that differs, or -1
 * @param marginAtForcedMismatch as {@code marginAtDivergence}, at {@code firstForcedMismatch}
 * @param unknown reference tokens whose text maps to no single id (counted as mismatches)
 */
public record TokenAgreement(
        int steps,
        int freeRunMatches,
        int firstDivergence,
        Double marginAtDivergence,
        int forcedMatches,
        int firstForcedMismatch,
        Double marginAtForcedMismatch,
        int unknown) {
    public TokenAgreement {
        if (steps < 0 || freeRunMatches < 0 || freeRunMatches > steps || forcedMatches < 0 || forcedMatches > steps) {
            throw new IllegalArgumentException(
                    "matches must be within 0.." + steps + ", got " + freeRunMatches + " and " + forcedMatches);
        }
    }

    /** Teacher-forced agreement in [0, 1]; 1 when nothing was compared. */
    @JsonProperty("forcedRate")
    public double forcedRate() {
        return steps == 0 ? 1 : (double) forcedMatches / steps;
    }

    /** Free-running agreement in [0, 1]. */
    @JsonProperty("freeRunRate")
    public double freeRunRate() {
        return steps == 0 ? 1 : (double) freeRunMatches / steps;
    }

    /**
     * Compares.
     *
     * @param java the Java engine's greedy tokens
     * @param javaLogits its logits at each step (row {@code i} chose {@code java[i]})
     * @param freeRun the reference's free-running greedy tokens (-1 = unknown id)
     * @param forced the reference's greedy token at each teacher-forced step (-1 = unknown id)
     */
    public static TokenAgreement compare(int[] java, float[][] javaLogits, int[] freeRun, int[] forced) {
        int steps = java.length;
        if (javaLogits.length != steps || freeRun.length > steps || forced.length > steps) {
            throw new IllegalArgumentException("step counts differ: java " + steps + ", logits " + javaLogits.length
                    + ", free run " + freeRun.length + ", forced " + forced.length);
        }
        int freeMatches = 0;
        int firstDivergence = -1;
        int unknown = 0;
        for (int i = 0; i < steps; i++) {
            if (i < freeRun.length && freeRun[i] == java[i]) {
                freeMatches++;
            } else if (firstDivergence < 0) {
                firstDivergence = i;
            }
        }
        int forcedMatches = 0;
        int firstMismatch = -1;
        for (int i = 0; i < steps; i++) {
            int ref = i < forced.length ? forced[i] : -1;
            if (ref < 0) {
                unknown++;
            }
            if (ref == java[i]) {
                forcedMatches++;
            } else if (firstMismatch < 0) {
                firstMismatch = i;
            }
        }
        Double divergenceMargin = firstDivergence < 0
                ? null
                : margin(javaLogits[firstDivergence], java[firstDivergence], at(freeRun, firstDivergence));
        Double forcedMargin = firstMismatch < 0
                ? null
                : margin(javaLogits[firstMismatch], java[firstMismatch], forced[firstMismatch]);
        return new TokenAgreement(
                steps,
                freeMatches,
                firstDivergence,
                divergenceMargin,
                forcedMatches,
                firstMismatch,
                forcedMargin,
                unknown);
    }

    private static int at(int[] tokens, int i) {
        return i < tokens.length ? tokens[i] : -1;
    }

    /** {@code logits[chosen] - logits[other]}, or top-1 minus top-2 when {@code other} is unknown. */
    static double margin(float[] logits, int chosen, int other) {
        if (other >= 0 && other < logits.length) {
            return (double) logits[chosen] - logits[other];
        }
        double second = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (i != chosen) {
                second = Math.max(second, logits[i]);
            }
        }
        return logits[chosen] - second;
    }
}
