package dev.bitbench.cli.crossval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token-by-token agreement of two greedy decoders. Free-running, one differing token changes every
 * later input, so only the first divergence says something; teacher-forced (both given the same
 * prefix at every step, here the Java engine's own greedy output) every step is an independent
 * check of the argmax.
 *
 * <p>Two correct engines can still choose differently where their top two logits nearly tie: the
 * summation order of SIMD dot products and F16 rounding move a logit by a few hundredths. A
 * teacher-forced mismatch whose margin (the Java logit of its own choice minus its logit of the
 * reference's choice) is at most the tie tolerance is therefore counted apart, as a near tie; a
 * wrong engine (a misplaced RoPE, a transposed weight) gives mismatches with margins of whole logits.
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
 * @param tieTolerance the largest margin, in logits, at which a teacher-forced mismatch counts as a
 *     near tie
 * @param forcedNearTies teacher-forced mismatches with a known reference token and a margin of at
 *     most {@code tieTolerance}
 * @param largestForcedMargin the largest margin of any teacher-forced mismatch with a known
 *     reference token; null when there is none
 */
public record TokenAgreement(
        int steps,
        int freeRunMatches,
        int firstDivergence,
        Double marginAtDivergence,
        int forcedMatches,
        int firstForcedMismatch,
        Double marginAtForcedMismatch,
        int unknown,
        double tieTolerance,
        int forcedNearTies,
        Double largestForcedMargin) {
    public TokenAgreement {
        if (steps < 0 || freeRunMatches < 0 || freeRunMatches > steps || forcedMatches < 0 || forcedMatches > steps) {
            throw new IllegalArgumentException(
                    "matches must be within 0.." + steps + ", got " + freeRunMatches + " and " + forcedMatches);
        }
        if (!(tieTolerance >= 0) || Double.isInfinite(tieTolerance)) {
            throw new IllegalArgumentException("tie tolerance must be finite and >= 0, got " + tieTolerance);
        }
        if (forcedNearTies < 0 || forcedMatches + forcedNearTies > steps) {
            throw new IllegalArgumentException(
                    "near ties must be within 0.." + (steps - forcedMatches) + ", got " + forcedNearTies);
        }
    }

    /** Teacher-forced agreement in [0, 1]; 1 when nothing was compared. */
    @JsonProperty("forcedRate")
    public double forcedRate() {
        return steps == 0 ? 1 : (double) forcedMatches / steps;
    }

    /**
     * Teacher-forced agreement counting near ties as agreeing, in [0, 1]; 1 when nothing was
     * compared. This is what {@code crossval} judges.
     */
    @JsonProperty("forcedRateUpToTies")
    public double forcedRateUpToTies() {
        return steps == 0 ? 1 : (double) (forcedMatches + forcedNearTies) / steps;
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
     * @param tieTolerance the largest margin, in logits, of a mismatch counted as a near tie
     */
    public static TokenAgreement compare(
            int[] java, float[][] javaLogits, int[] freeRun, int[] forced, double tieTolerance) {
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
        int nearTies = 0;
        Double largestMargin = null;
        for (int i = 0; i < steps; i++) {
            int ref = i < forced.length ? forced[i] : -1;
            if (ref < 0) {
                unknown++;
            }
            if (ref == java[i]) {
                forcedMatches++;
                continue;
            }
            if (firstMismatch < 0) {
                firstMismatch = i;
            }
            if (ref >= 0 && ref < javaLogits[i].length) {
                double m = margin(javaLogits[i], java[i], ref);
                largestMargin = largestMargin == null ? m : Math.max(largestMargin, m);
                if (m <= tieTolerance) {
                    nearTies++;
                }
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
                unknown,
                tieTolerance,
                nearTies,
                largestMargin);
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
