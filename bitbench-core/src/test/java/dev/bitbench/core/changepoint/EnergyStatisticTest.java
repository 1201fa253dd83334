package dev.bitbench.core.changepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnergyStatisticTest {

    /** The statistic of one split straight from its definition, O(n^2) per split. */
    private static double direct(double[] z, int from, int tau, int to) {
        int m = tau - from;
        int k = to - tau;
        double between = 0;
        double left = 0;
        double right = 0;
        for (int i = from; i < tau; i++) {
            for (int j = tau; j < to; j++) {
                between += Math.abs(z[i] - z[j]);
            }
            for (int i2 = i + 1; i2 < tau; i2++) {
                left += Math.abs(z[i] - z[i2]);
            }
        }
        for (int j = tau; j < to; j++) {
            for (int j2 = j + 1; j2 < to; j2++) {
                right += Math.abs(z[j] - z[j2]);
            }
        }
        double energy = 2 * between / (m * (double) k) - left / (m * (m - 1) / 2.0) - right / (k * (k - 1) / 2.0);
        return (double) m * k / (m + k) * energy;
    }

    @Test
    void incrementalBestSplitMatchesTheDefinitionOnRandomSegments() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 10 + r.nextInt(30);
            double[] z = new double[n + 6];
            for (int i = 0; i < z.length; i++) {
                z[i] = r.nextDouble() * 10 + (i > n / 2 ? r.nextInt(3) : 0);
            }
            int from = 3;
            int to = from + n;
            int minSegment = 2 + r.nextInt(Math.max(1, n / 2 - 2));
            double bestQ = Double.NEGATIVE_INFINITY;
            int bestTau = -1;
            for (int tau = from + minSegment; tau <= to - minSegment; tau++) {
                double q = direct(z, from, tau, to);
                if (q > bestQ + 1e-9) {
                    bestQ = q;
                    bestTau = tau;
                }
            }
            double[] split = EnergyStatistic.bestSplit(z, from, to, minSegment);
            assertThat(split[1]).isCloseTo(bestQ, within(1e-6 * Math.max(1, Math.abs(bestQ))));
            assertThat(direct(z, from, (int) split[0], to)).isCloseTo(bestQ, within(1e-6 * Math.max(1, bestQ)));
            assertThat((int) split[0]).isBetween(from + minSegment, to - minSegment);
            assertThat(bestTau).isPositive();
        }
    }

    @Test
    void twoSeparatedConstantHalvesGiveTheHandComputedValue() {
        // m = k = 4, all between-distances 3, within-distances 0: Q = 4*4/8 * 2*3 = 12.
        double[] z = {1, 1, 1, 1, 4, 4, 4, 4};

        double[] split = EnergyStatistic.bestSplit(z, 0, 8, 2);

        assertThat(split[0]).isEqualTo(4);
        assertThat(split[1]).isCloseTo(12.0, within(1e-12));
    }
}
