package dev.bitbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapCiTest {

    @Test
    void identicalConstantSamplesGiveTheDegenerateIntervalAtOne() {
        double[] same = {7, 7, 7, 7, 7, 7};
        BootstrapCi ci = BootstrapCi.ratioOfMedians(same, same, 10_000, 0.95, 42);
        assertThat(ci.low()).isEqualTo(1.0);
        assertThat(ci.high()).isEqualTo(1.0);
    }

    @Test
    void constantSamplesShiftedByTwentyPercentGiveExactlyOnePointTwo() {
        BootstrapCi ci = BootstrapCi.ratioOfMedians(
                new double[] {10, 10, 10, 10, 10}, new double[] {12, 12, 12, 12, 12}, 10_000, 0.95, 1);
        assertThat(ci.low()).isCloseTo(1.2, within(1e-15));
        assertThat(ci.high()).isCloseTo(1.2, within(1e-15));
    }

    @Test
    void fiveValuesAgainstAConstantGiveTheHandComputedPercentiles() {
        // Baseline median is always 10. For the current sample {1..5}, P(resample median <= j) =
        // P(Binomial(5, j/5) >= 3): j=1: 0.05792, j=2: 0.31744, j=3: 0.68256, j=4: 0.94208.
        // The 2.5% quantile lies inside the mass at 1 (0.05792 > 0.025) and the 97.5% quantile inside
        // the mass at 5 (0.94208 < 0.975), so the interval of the ratio is [0.1, 0.5].
        BootstrapCi ci = BootstrapCi.ratioOfMedians(
                new double[] {10, 10, 10, 10, 10}, new double[] {3, 1, 5, 2, 4}, 10_000, 0.95, 3);
        assertThat(ci.low()).isCloseTo(0.1, within(1e-15));
        assertThat(ci.high()).isCloseTo(0.5, within(1e-15));
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void zeroMediansFollowTheRatioConvention() {
        double[] zeros = {0, 0, 0, 0, 0};
        BootstrapCi same = BootstrapCi.ratioOfMedians(zeros, zeros, 1_000, 0.95, 1);
        assertThat(same.low()).isEqualTo(1.0);
        assertThat(same.high()).isEqualTo(1.0);
        BootstrapCi grew = BootstrapCi.ratioOfMedians(zeros, new double[] {24, 24, 24, 24, 24}, 1_000, 0.95, 1);
        assertThat(grew.low()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(grew.high()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(BootstrapCi.ratio(0, 0)).isEqualTo(1.0);
        assertThat(BootstrapCi.ratio(-3, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void sameSeedGivesTheSameIntervalAndTheInputIsNotModified() {
        double[] b = lognormal(new SplittableRandom(1), 12, 1.0, 0.05);
        double[] c = lognormal(new SplittableRandom(2), 12, 1.1, 0.05);
        double[] bCopy = b.clone();
        BootstrapCi first = BootstrapCi.ratioOfMedians(b, c, 10_000, 0.95, 99);
        BootstrapCi second = BootstrapCi.ratioOfMedians(b, c, 10_000, 0.95, 99);
        assertThat(second).isEqualTo(first);
        assertThat(b).containsExactly(bCopy);
    }

    /**
     * The fast sampler against the textbook procedure (build each resample, sort it, take its median)
     * on the same data: the two Monte Carlo intervals must agree within their sampling error.
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 10, 11, 30, 100})
    void agreesWithTextbookResamplingOnLognormalData(int n) {
        SplittableRandom data = new SplittableRandom(100 + n);
        double[] b = lognormal(data, n, 1.0, 0.05);
        double[] c = lognormal(data, n + 1, 1.05, 0.05);
        BootstrapCi fast = BootstrapCi.ratioOfMedians(b, c, 40_000, 0.95, 8);
        double[] slow = textbook(b, c, 40_000, new SplittableRandom(9));
        double width = slow[1] - slow[0];
        assertThat(fast.low()).isCloseTo(slow[0], within(0.05 * width));
        assertThat(fast.high()).isCloseTo(slow[1], within(0.05 * width));
    }

    @Test
    void higherLevelGivesAWiderInterval() {
        SplittableRandom data = new SplittableRandom(4);
        double[] b = lognormal(data, 20, 1.0, 0.1);
        double[] c = lognormal(data, 20, 1.0, 0.1);
        BootstrapCi ninety = BootstrapCi.ratioOfMedians(b, c, 10_000, 0.90, 5);
        BootstrapCi ninetyNine = BootstrapCi.ratioOfMedians(b, c, 10_000, 0.99, 5);
        assertThat(ninetyNine.low()).isLessThanOrEqualTo(ninety.low());
        assertThat(ninetyNine.high()).isGreaterThanOrEqualTo(ninety.high());
        assertThat(ninetyNine.high() - ninetyNine.low()).isGreaterThan(ninety.high() - ninety.low());
    }

    @Test
    void rejectsBadArguments() {
        double[] ok = {1, 2, 3};
        assertThatThrownBy(() -> BootstrapCi.ratioOfMedians(new double[0], ok, 1000, 0.95, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapCi.ratioOfMedians(ok, new double[] {Double.POSITIVE_INFINITY}, 1000, 0.95, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapCi.ratioOfMedians(ok, ok, 10, 0.95, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapCi.ratioOfMedians(ok, ok, 1000, 1.0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BootstrapCi(2, 1, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    static double[] textbook(double[] baseline, double[] current, int rounds, SplittableRandom random) {
        double[] rb = new double[baseline.length];
        double[] rc = new double[current.length];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < rb.length; i++) {
                rb[i] = baseline[random.nextInt(baseline.length)];
            }
            for (int i = 0; i < rc.length; i++) {
                rc[i] = current[random.nextInt(current.length)];
            }
            Arrays.sort(rb);
            Arrays.sort(rc);
            ratios[r] = BootstrapMedianSampler.median(rc) / BootstrapMedianSampler.median(rb);
        }
        Arrays.sort(ratios);
        return new double[] {typeSeven(ratios, 0.025), typeSeven(ratios, 0.975)};
    }

    static double typeSeven(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int k = (int) Math.floor(pos);
        double frac = pos - k;
        if (k + 1 >= sorted.length || frac == 0.0 || sorted[k] == sorted[k + 1] || Double.isInfinite(sorted[k])) {
            return sorted[k]; // no interpolation needed, or away from an infinite end: stays infinite
        }
        if (Double.isInfinite(sorted[k + 1])) {
            return sorted[k + 1]; // towards an infinite end: any positive fraction of infinity
        }
        return sorted[k] + frac * (sorted[k + 1] - sorted[k]);
    }

    static double[] lognormal(SplittableRandom random, int n, double median, double cv) {
        double sigma = Math.sqrt(Math.log1p(cv * cv));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = median * Math.exp(sigma * gaussian(random));
        }
        return x;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
