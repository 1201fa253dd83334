package dev.bitbench.core.stats;

import java.util.Arrays;

/**
 * Benjamini-Hochberg (1995) step-up control of the false discovery rate over a family of tests.
 *
 * <p>For the {@code m} p-values sorted ascending, {@code p_(1) <= ... <= p_(m)}, the adjusted value of
 * {@code p_(i)} is {@code min over j >= i of min(1, m p_(j) / j)} (the same as R's {@code
 * p.adjust(p, "BH")}); a hypothesis is rejected at level {@code q} exactly when its adjusted value is
 * {@code <= q}, which equals the original step-up rule "reject the {@code k} smallest, {@code k} the
 * largest {@code i} with {@code p_(i) <= i q / m}". NaN entries (tests not performed) are kept as NaN
 * and do not count in {@code m}.
 */
public final class BenjaminiHochberg {

    private BenjaminiHochberg() {}

    /**
     * Adjusted p-values, in the order of the input.
     *
     * @param pValues p-values in {@code [0, 1]} or NaN (not modified)
     * @return a new array of the same length; NaN where the input is NaN
     * @throws IllegalArgumentException for a value outside {@code [0, 1]}
     */
    public static double[] adjust(double[] pValues) {
        int count = 0;
        for (double p : pValues) {
            if (Double.isNaN(p)) {
                continue;
            }
            if (p < 0.0 || p > 1.0) {
                throw new IllegalArgumentException("p-value " + p + " not in [0, 1]");
            }
            count++;
        }
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        if (count == 0) {
            return adjusted;
        }
        Integer[] order = new Integer[count];
        int k = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double running = 1.0;
        for (int rank = count; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * count / rank);
            adjusted[index] = running;
        }
        return adjusted;
    }

    /**
     * Which hypotheses are rejected at false discovery rate {@code q}.
     *
     * @param q target false discovery rate in (0, 1)
     * @return a new array: {@code true} where the adjusted p-value is {@code <= q}
     */
    public static boolean[] rejected(double[] pValues, double q) {
        if (!(q > 0.0 && q < 1.0)) {
            throw new IllegalArgumentException("false discovery rate " + q + " not in (0, 1)");
        }
        double[] adjusted = adjust(pValues);
        boolean[] out = new boolean[adjusted.length];
        for (int i = 0; i < adjusted.length; i++) {
            out[i] = adjusted[i] <= q;
        }
        return out;
    }
}
