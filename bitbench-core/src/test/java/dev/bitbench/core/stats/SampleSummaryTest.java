package dev.bitbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SampleSummaryTest {

    private static final double EPS = 1e-12;

    @Test
    void summarisesTenSamplesWithInterpolatedPercentilesAndRankTwoInterval() {
        double[] samples = {7, 3, 10, 1, 9, 2, 8, 4, 6, 5};
        double[] before = samples.clone();

        SampleSummary s = SampleSummary.of(samples);

        assertThat(samples).containsExactly(before);
        assertThat(s.n()).isEqualTo(10);
        assertThat(s.mean()).isCloseTo(5.5, within(EPS));
        // h = 9 * 0.5 = 4.5 -> 5 + 0.5 * (6 - 5)
        assertThat(s.median()).isCloseTo(5.5, within(EPS));
        assertThat(s.p50()).isEqualTo(s.median());
        // h = 9 * 0.95 = 8.55 -> 9 + 0.55 * (10 - 9)
        assertThat(s.p95()).isCloseTo(9.55, within(EPS));
        // h = 9 * 0.99 = 8.91 -> 9 + 0.91
        assertThat(s.p99()).isCloseTo(9.91, within(EPS));
        // sum of squared deviations 82.5, divided by n - 1 = 9
        assertThat(s.stddev()).isCloseTo(Math.sqrt(82.5 / 9), within(EPS));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(10);
        // P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2) = 56/1024 -> k = 2 -> [x(2), x(9)]
        assertThat(s.ciLow()).isEqualTo(2);
        assertThat(s.ciHigh()).isEqualTo(9);
        assertThat(s.ciCoverage()).isCloseTo(1 - 22.0 / 1024, within(EPS));
    }

    @Test
    void twentySamplesGiveOrderStatisticsSixAndFifteen() {
        double[] samples = new double[20];
        for (int i = 0; i < 20; i++) {
            samples[i] = 100 - 5 * i; // 5, 10, ..., 100 in reverse
        }

        SampleSummary s = SampleSummary.of(samples);

        assertThat(s.ciLow()).isEqualTo(30); // x(6)
        assertThat(s.ciHigh()).isEqualTo(75); // x(15)
        // 1 + 20 + 190 + 1140 + 4845 + 15504 = 21700 outcomes of 2^20 have B <= 5
        assertThat(s.ciCoverage()).isCloseTo(1 - 2 * 21700.0 / 1048576, within(EPS));
    }

    @Test
    void fiveSamplesFallBackToMinMaxWithLowerCoverage() {
        SampleSummary s = SampleSummary.of(new double[] {3, 1, 2, 5, 4});

        assertThat(s.median()).isEqualTo(3);
        assertThat(s.mean()).isCloseTo(3, within(EPS));
        assertThat(s.stddev()).isCloseTo(Math.sqrt(10.0 / 4), within(EPS));
        assertThat(s.p95()).isCloseTo(4.8, within(EPS)); // h = 3.8
        assertThat(s.p99()).isCloseTo(4.96, within(EPS)); // h = 3.96
        assertThat(s.ciLow()).isEqualTo(1);
        assertThat(s.ciHigh()).isEqualTo(5);
        assertThat(s.ciCoverage()).isCloseTo(1 - 2.0 / 32, within(EPS));
    }

    @Test
    void sixSamplesAreTheSmallestWithAFullCoverageInterval() {
        SampleSummary s = SampleSummary.of(new double[] {6, 5, 4, 3, 2, 1});

        assertThat(s.ciLow()).isEqualTo(1);
        assertThat(s.ciHigh()).isEqualTo(6);
        assertThat(s.ciCoverage()).isCloseTo(1 - 2.0 / 64, within(EPS)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void singleSampleHasZeroSpreadAndZeroCoverage() {
        SampleSummary s = SampleSummary.of(new double[] {7.25});

        assertThat(s.n()).isEqualTo(1);
        assertThat(new double[] {
                    s.mean(), s.median(), s.min(), s.max(), s.p50(), s.p95(), s.p99(), s.ciLow(), s.ciHigh()
                })
                .containsOnly(7.25);
        assertThat(s.stddev()).isZero();
        assertThat(s.ciCoverage()).isZero();
    }

    @Test
    void twoSamplesInterpolateBetweenThem() {
        SampleSummary s = SampleSummary.of(new double[] {10, 20});

        assertThat(s.median()).isCloseTo(15, within(EPS));
        assertThat(s.p95()).isCloseTo(19.5, within(EPS));
        assertThat(s.stddev()).isCloseTo(Math.sqrt(50), within(EPS));
    }

    @Test
    void medianCiRankMatchesPublishedTable() {
        assertThat(SampleSummary.medianCiRank(1)).isZero();
        assertThat(SampleSummary.medianCiRank(5)).isZero();
        assertThat(SampleSummary.medianCiRank(6)).isEqualTo(1);
        assertThat(SampleSummary.medianCiRank(10)).isEqualTo(2);
        assertThat(SampleSummary.medianCiRank(20)).isEqualTo(6);
        // n = 100: the interval between the 40th and 61st order statistics
        assertThat(SampleSummary.medianCiRank(100)).isEqualTo(40);
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> SampleSummary.of(new double[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> SampleSummary.of(new double[] {1, Double.NaN})).hasMessageContaining("samples[1]");
        assertThatThrownBy(() -> SampleSummary.of(new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("samples[0]");
        assertThatThrownBy(() -> SampleSummary.medianCiRank(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200, seed = "42")
    void statisticsStayOrderedAndIntervalHoldsTheMedian(@ForAll @Size(min = 1, max = 60) double[] samples) {
        // jqwik generates arbitrary doubles; keep them finite and moderate
        double[] xs = Arrays.stream(samples)
                .map(x -> Double.isFinite(x) ? Math.max(-1e6, Math.min(1e6, x)) : 0)
                .toArray();
        SampleSummary s = SampleSummary.of(xs);
        double[] sorted = xs.clone();
        Arrays.sort(sorted);

        assertThat(s.min()).isEqualTo(sorted[0]);
        assertThat(s.max()).isEqualTo(sorted[sorted.length - 1]);
        assertThat(s.ciLow()).isLessThanOrEqualTo(s.median());
        assertThat(s.ciHigh()).isGreaterThanOrEqualTo(s.median());
        assertThat(s.ciCoverage()).isGreaterThanOrEqualTo(xs.length >= 6 ? 0.95 : 0.0);
        assertThat(Arrays.binarySearch(sorted, s.ciLow())).isNotNegative();
        assertThat(Arrays.binarySearch(sorted, s.ciHigh())).isNotNegative();
    }

    @Property(tries = 100, seed = "42")
    void shiftingEverySampleShiftsEveryLocationStatistic(
            @ForAll @Size(min = 2, max = 30) double[] samples,
            @ForAll @DoubleRange(min = -100, max = 100) double shift) {
        double[] xs = Arrays.stream(samples)
                .map(x -> Double.isFinite(x) ? Math.max(-1e3, Math.min(1e3, x)) : 0)
                .toArray();
        double[] shifted = Arrays.stream(xs).map(x -> x + shift).toArray();
        SampleSummary a = SampleSummary.of(xs);
        SampleSummary b = SampleSummary.of(shifted);

        assertThat(b.median()).isCloseTo(a.median() + shift, within(1e-9));
        assertThat(b.p95()).isCloseTo(a.p95() + shift, within(1e-9));
        assertThat(b.mean()).isCloseTo(a.mean() + shift, within(1e-9));
        assertThat(b.stddev()).isCloseTo(a.stddev(), within(1e-6));
        assertThat(b.ciLow()).isCloseTo(a.ciLow() + shift, within(1e-9));
    }
}
