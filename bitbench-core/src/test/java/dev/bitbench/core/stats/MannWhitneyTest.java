package dev.bitbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {

    @Test
    void completelySeparatedSamplesOfThreeGiveTwoOverTwenty() {
        // C(6,3) = 20 equally likely rank sets; U = 0 only for {1,2,3}: P(U <= 0) = 1/20, two-sided 2/20.
        MannWhitney result = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(result.u()).isEqualTo(0.0);
        assertThat(result.pValue()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void oneInversionOfThreeAgainstThreeGivesFourOverTwenty() {
        // x = {1,2,4}, y = {3,5,6}: only 4 > 3, so U = 1. Rank sets with U <= 1: {1,2,3}, {1,2,4} -> 2/20.
        MannWhitney result = MannWhitney.test(new double[] {1, 2, 4}, new double[] {3, 5, 6});
        assertThat(result.u()).isEqualTo(1.0);
        assertThat(result.pValue()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void fiveAgainstFiveWithUOfTwoMatchesTheTable() {
        // Table of the exact null distribution for n1 = n2 = 5 (252 rank sets): #U=0: 1, #U=1: 1, #U=2: 2,
        // so P(U <= 2) = 4/252 and the two-sided p-value is 8/252 = 0.0317.
        MannWhitney result = MannWhitney.test(new double[] {1, 2, 3, 4, 7}, new double[] {5, 6, 8, 9, 10});
        assertThat(result.u()).isEqualTo(2.0);
        assertThat(result.pValue()).isCloseTo(8.0 / 252.0, within(1e-12));
    }

    @Test
    void exactPValueMatchesFullEnumerationOfRankAssignments() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            int n1 = 3 + random.nextInt(4);
            int n2 = 3 + random.nextInt(4);
            double[] x = new double[n1];
            double[] y = new double[n2];
            for (int i = 0; i < n1; i++) {
                x[i] = random.nextDouble();
            }
            for (int i = 0; i < n2; i++) {
                y[i] = random.nextDouble() + 0.3;
            }
            double u = 0;
            for (double a : x) {
                for (double b : y) {
                    u += a > b ? 1 : 0;
                }
            }
            MannWhitney result = MannWhitney.test(x, y);
            assertThat(result.u()).isEqualTo(u);
            assertThat(result.pValue()).isCloseTo(enumeratedTwoSidedP(n1, n2, u), within(1e-12));
        }
    }

    /** Two-sided p: 2 min(P(U <= u), P(U >= u)) over all C(n1+n2, n1) rank sets of the first sample. */
    private static double enumeratedTwoSidedP(int n1, int n2, double observed) {
        int n = n1 + n2;
        long below = 0;
        long above = 0;
        long total = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) != n1) {
                continue;
            }
            // U of the first sample = sum of its ranks (1-based) - n1 (n1 + 1) / 2
            int rankSum = 0;
            for (int r = 0; r < n; r++) {
                if ((mask & (1 << r)) != 0) {
                    rankSum += r + 1;
                }
            }
            double u = rankSum - n1 * (n1 + 1) / 2.0;
            total++;
            below += u <= observed ? 1 : 0;
            above += u >= observed ? 1 : 0;
        }
        return Math.min(1.0, 2.0 * Math.min(below, above) / total);
    }

    @Test
    void pValueIsSymmetricInTheTwoSamples() {
        double[] x = {3.1, 2.9, 3.3, 3.0, 3.6, 2.7};
        double[] y = {3.5, 3.8, 3.2, 4.0, 3.9};
        assertThat(MannWhitney.test(x, y).pValue())
                .isCloseTo(MannWhitney.test(y, x).pValue(), within(1e-15));
        assertThat(MannWhitney.test(x, y).u() + MannWhitney.test(y, x).u()).isEqualTo(30.0);
    }

    @Test
    void allValuesEqualGivesPValueOne() {
        MannWhitney result = MannWhitney.test(new double[] {5, 5, 5, 5, 5}, new double[] {5, 5, 5});
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.u()).isEqualTo(7.5);
    }

    @Test
    void constantButDifferentSamplesAreSignificant() {
        MannWhitney result = MannWhitney.test(new double[] {10, 10, 10, 10, 10}, new double[] {12, 12, 12, 12, 12});
        assertThat(result.u()).isEqualTo(0.0);
        assertThat(result.pValue()).isLessThan(0.01);
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1, Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-finite");
    }
}
