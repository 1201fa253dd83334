package dev.bitbench.core.changepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangePointDetectorTest {

    private static final ChangePointDetector DEFAULT = ChangePointDetector.defaults();

    /** {@code n} Gaussian values around {@code level} with standard deviation {@code noise}. */
    private static double[] noisy(SplittableRandom random, int n, double level, double noise) {
        double[] z = new double[n];
        java.util.Random gauss = new java.util.Random(random.nextLong());
        for (int i = 0; i < n; i++) {
            z[i] = level + noise * gauss.nextGaussian();
        }
        return z;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] z = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, z, at, p.length);
            at += p.length;
        }
        return z;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void findsASingleStepAtItsIndex(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] series = concat(noisy(r, 30, 100, 1), noisy(r, 30, 120, 1));

        List<ChangePoint> found = DEFAULT.detect(series);

        assertThat(found).hasSize(1);
        ChangePoint cp = found.get(0);
        assertThat(cp.index()).isEqualTo(30);
        assertThat(cp.magnitude()).isCloseTo(0.20, within(0.02));
        assertThat(cp.pValue()).isLessThanOrEqualTo(0.01);
        assertThat(cp.meanBefore()).isCloseTo(100, within(1.0));
        assertThat(cp.meanAfter()).isCloseTo(120, within(1.0));
    }

    @Test
    void findsAnExactStepWithoutNoiseAndComputesItsMagnitudeByHand() {
        double[] series = {10, 10, 10, 10, 10, 10, 10, 10, 8, 8, 8, 8, 8, 8, 8, 8};

        List<ChangePoint> found = DEFAULT.detect(series);

        assertThat(found).singleElement().satisfies(cp -> {
            assertThat(cp.index()).isEqualTo(8);
            assertThat(cp.meanBefore()).isEqualTo(10);
            assertThat(cp.meanAfter()).isEqualTo(8);
            assertThat(cp.magnitude()).isEqualTo(-0.2);
            // Q = m k / n * 2 * |10 - 8| = 8 * 8 / 16 * 4 = 16: within-part distances are all 0.
            assertThat(cp.statistic()).isCloseTo(16.0, within(1e-9));
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void reportsNothingOnANoisyAaSeries(long seed) {
        double[] series = noisy(new SplittableRandom(seed), 60, 100, 3);

        assertThat(DEFAULT.detect(series)).isEmpty();
    }

    @Test
    void reportsNothingOnAConstantSeries() {
        double[] series = new double[40];
        java.util.Arrays.fill(series, 5.0);

        assertThat(DEFAULT.detect(series)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void findsBothStepsOfATwoStepSeries(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] series = concat(noisy(r, 25, 100, 1), noisy(r, 25, 110, 1), noisy(r, 25, 95, 1));

        List<ChangePoint> found = DEFAULT.detect(series);

        assertThat(found).extracting(ChangePoint::index).containsExactly(25, 50);
        assertThat(found.get(0).magnitude()).isCloseTo(0.10, within(0.02));
        assertThat(found.get(1).magnitude()).isCloseTo(95.0 / 110 - 1, within(0.02));
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void doesNotCountASingleSpike(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] series = noisy(r, 50, 100, 1);
        series[23] = 160;

        assertThat(DEFAULT.detect(series)).isEmpty();
    }

    @Test
    void respectsTheMinimumSegmentSize() {
        // A step three points before the end: shorter than the default minimum segment of 5.
        double[] series = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9};

        assertThat(DEFAULT.detect(series)).isEmpty();
        // With a smaller minimum segment and enough points the same step is found.
        ChangePointDetector small = DEFAULT.withMinSegment(3);
        assertThat(small.detect(series)).extracting(ChangePoint::index).containsExactly(17);
    }

    @Test
    void aSeriesShorterThanTwoSegmentsHasNoChangePoint() {
        assertThat(DEFAULT.detect(new double[] {1, 1, 1, 9, 9, 9})).isEmpty();
        assertThat(DEFAULT.detect(new double[0])).isEmpty();
    }

    @Test
    void sameSeedGivesTheSameResult() {
        SplittableRandom r = new SplittableRandom(7);
        double[] series = concat(noisy(r, 12, 100, 4), noisy(r, 12, 106, 4));

        assertThat(DEFAULT.detect(series)).isEqualTo(DEFAULT.detect(series.clone()));
    }

    @Test
    void doesNotReportAStepSmallerThanTheNoiseOverFewPoints() {
        // A step of half a standard deviation over 20 points is not distinguishable at p <= 0.01.
        SplittableRandom r = new SplittableRandom(99);
        double[] series = concat(noisy(r, 10, 100, 2), noisy(r, 10, 101, 2));

        assertThat(DEFAULT.detect(series)).isEmpty();
    }

    @Test
    void rejectsInvalidSettingsAndValues() {
        assertThatThrownBy(() -> new ChangePointDetector(1, 0.01, 199, 1)).hasMessageContaining("minimum segment");
        assertThatThrownBy(() -> new ChangePointDetector(5, 1.5, 199, 1)).hasMessageContaining("p-value");
        assertThatThrownBy(() -> new ChangePointDetector(5, 0.01, 50, 1)).hasMessageContaining("permutations");
        assertThatThrownBy(() -> DEFAULT.detect(new double[] {1, Double.NaN})).hasMessageContaining("series[1]");
    }

    @Test
    void relativeChangeHandlesZeroBaselines() {
        assertThat(ChangePoint.relativeChange(0, 0)).isZero();
        assertThat(ChangePoint.relativeChange(0, 2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ChangePoint.relativeChange(-4, -2)).isEqualTo(0.5);
    }
}
