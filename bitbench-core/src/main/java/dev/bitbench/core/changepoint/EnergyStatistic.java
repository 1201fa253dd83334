package dev.bitbench.core.changepoint;

/**
 * The divergence statistic of E-Divisive (Matteson and James, "A Nonparametric Approach for
 * Multiple Change Point Analysis of Multivariate Data", 2014) for a univariate series with exponent
 * {@code alpha = 1}. Pure: no I/O, no allocation beyond the returned result.
 *
 * <p>Splitting {@code z[0..n)} at {@code tau} into {@code X = z[0..tau)} ({@code m} points) and
 * {@code Y = z[tau..n)} ({@code k} points), the statistic is
 *
 * <pre>
 * Q(tau) = m k / (m + k) * ( 2/(m k) Σ|x_i - y_j| - Σ_{i&lt;i'}|x_i - x_i'| / C(m,2) - Σ_{j&lt;j'}|y_j - y_j'| / C(k,2) )
 * </pre>
 *
 * an energy distance between the two samples scaled by their sizes: near 0 when both come from one
 * distribution, large when their distributions (here chiefly their means) differ. All splits are
 * evaluated in {@code O(n^2)} time by updating the three pairwise sums as {@code tau} moves right.
 */
final class EnergyStatistic {

    private EnergyStatistic() {}

    /**
     * The best split of {@code z[from..to)} whose two parts both have at least {@code minSegment}
     * points.
     *
     * @param z the series, or a permutation of part of it
     * @param from first index of the segment
     * @param to one past its last index; {@code to - from >= 2 * minSegment}
     * @param minSegment smallest part, {@code >= 2}
     * @return {@code {tau, Q(tau)}} with {@code tau} absolute (in {@code [from + minSegment, to -
     *     minSegment]}), the first one on ties
     */
    static double[] bestSplit(double[] z, int from, int to, int minSegment) {
        int n = to - from;
        // within(Y) starts as the sum over every pair of the segment; within(X) and between start at 0.
        double withinRight = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                withinRight += Math.abs(z[i] - z[j]);
            }
        }
        double withinLeft = 0;
        double between = 0;
        double bestQ = Double.NEGATIVE_INFINITY;
        int bestTau = -1;
        for (int tau = from; tau < to - minSegment; tau++) {
            // Move z[tau] from Y to X.
            double toLeft = 0;
            for (int i = from; i < tau; i++) {
                toLeft += Math.abs(z[i] - z[tau]);
            }
            double toRight = 0;
            for (int j = tau + 1; j < to; j++) {
                toRight += Math.abs(z[tau] - z[j]);
            }
            withinLeft += toLeft;
            withinRight -= toRight;
            between += toRight - toLeft;
            int m = tau + 1 - from;
            int k = n - m;
            if (m < minSegment) {
                continue;
            }
            double pairsLeft = m * (m - 1) / 2.0;
            double pairsRight = k * (k - 1) / 2.0;
            double energy = 2 * between / ((double) m * k) - withinLeft / pairsLeft - withinRight / pairsRight;
            double q = (double) m * k / n * energy;
            if (q > bestQ) {
                bestQ = q;
                bestTau = tau + 1;
            }
        }
        return new double[] {bestTau, bestQ};
    }
}
