package dev.bitbench.core.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignedRankTestTest {

    @Test
    void exactPValueMatchesHandCountedRankSums() {
        // |z| ranks 1..5; positive ranks 1, 3, 4, 5 -> W+ = 13. Of the 2^5 = 32 sign patterns, W+ >= 13
        // for {1..5} (15), {2,3,4,5} (14), {1,3,4,5} (13): 3, so the two-sided p is 2 * 3 / 32.
        SignedRankTest.Result r = SignedRankTest.test(new double[] {1, -2, 3, 4, 5});

        assertThat(r.statistic()).isEqualTo(13.0);
        assertThat(r.pValue()).isCloseTo(6.0 / 32.0, within(1e-12));
        assertThat(r.nonZero()).isEqualTo(5);
    }

    @Test
    void sixRoundsAllWorseIsTheSmallestSignificantCase() {
        // every sign positive: only 1 of 2^6 patterns reaches W+ = 21, two-sided p = 2/64
        SignedRankTest.Result six = SignedRankTest.test(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
        SignedRankTest.Result five = SignedRankTest.test(new double[] {0.1, 0.2, 0.3, 0.4, 0.5});

        assertThat(six.pValue()).isCloseTo(2.0 / 64.0, within(1e-12));
        assertThat(five.pValue()).isCloseTo(2.0 / 32.0, within(1e-12));
    }

    @Test
    void zeroDifferencesAreDroppedAndAllZeroMeansNoEvidence() {
        SignedRankTest.Result withZeros = SignedRankTest.test(new double[] {0, 1, -2, 0, 3, 4, 5});

        assertThat(withZeros.nonZero()).isEqualTo(5);
        assertThat(withZeros.pValue()).isCloseTo(6.0 / 32.0, within(1e-12));
        assertThat(SignedRankTest.test(new double[] {0, 0, 0}).pValue()).isEqualTo(1.0);
    }

    @Test
    void logRatiosMakeDoublingAndHalvingSymmetric() {
        SignedRankTest.Result r = SignedRankTest.testLogRatios(new double[] {2.0, 0.5, 2.0, 0.5});

        assertThat(r.statistic()).isEqualTo(5.0); // ranks tie at 2.5 each; two positives
        assertThat(r.pValue()).isEqualTo(1.0);
    }
}
