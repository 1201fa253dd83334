package dev.bitbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BootstrapMedianSamplerTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void lowerMiddleIndexLawMatchesEnumerationOfEveryResample(int n) {
        // Enumerate all n^n index tuples; J is the lower middle order statistic of the drawn indices.
        double[] expected = new double[n];
        int[] idx = new int[n];
        long total = (long) Math.pow(n, n);
        for (long code = 0; code < total; code++) {
            long c = code;
            for (int k = 0; k < n; k++) {
                idx[k] = (int) (c % n);
                c /= n;
            }
            int[] sorted = idx.clone();
            Arrays.sort(sorted);
            expected[sorted[(n - 1) / 2]] += 1.0 / total;
        }
        BootstrapMedianSampler sampler = new BootstrapMedianSampler(ascending(n));
        for (int i = 0; i < n; i++) {
            assertThat(sampler.lowerMiddleProbability(i)).as("n=%d i=%d", n, i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 41, 100, 101, 1000})
    void lowerMiddleIndexLawMatchesCommonsBinomialTails(int n) {
        int rank = n % 2 == 0 ? n / 2 : (n + 1) / 2;
        BootstrapMedianSampler sampler = new BootstrapMedianSampler(ascending(n));
        double cumulative = 0.0;
        for (int i = 0; i < n; i++) {
            cumulative += sampler.lowerMiddleProbability(i);
            // P(J <= i) = P(Binomial(n, (i + 1) / n) >= rank)
            double reference = BinomialDistribution.of(n, (i + 1) / (double) n).survivalProbability(rank - 1);
            assertThat(cumulative).as("n=%d i=%d", n, i).isCloseTo(reference, within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void drawnMediansFollowTheEnumeratedBootstrapLaw(int n) {
        double[] sample = new double[n];
        for (int i = 0; i < n; i++) {
            sample[i] = 1.0 + i * i; // distinct, unevenly spaced: pairs of indices give distinct means
        }
        Map<Double, Double> exact = new HashMap<>();
        int[] idx = new int[n];
        long total = (long) Math.pow(n, n);
        for (long code = 0; code < total; code++) {
            long c = code;
            double[] resample = new double[n];
            for (int k = 0; k < n; k++) {
                idx[k] = (int) (c % n);
                c /= n;
                resample[k] = sample[idx[k]];
            }
            Arrays.sort(resample);
            exact.merge(BootstrapMedianSampler.median(resample), 1.0 / total, Double::sum);
        }
        BootstrapMedianSampler sampler = new BootstrapMedianSampler(sample);
        SplittableRandom random = new SplittableRandom(5);
        int draws = 400_000;
        Map<Double, Integer> counts = new HashMap<>();
        for (int d = 0; d < draws; d++) {
            counts.merge(sampler.draw(random), 1, Integer::sum);
        }
        assertThat(exact.keySet()).containsAll(counts.keySet());
        for (Map.Entry<Double, Double> e : exact.entrySet()) {
            double p = e.getValue();
            double observed = counts.getOrDefault(e.getKey(), 0) / (double) draws;
            double sigma = Math.sqrt(p * (1 - p) / draws);
            assertThat(observed).as("n=%d median=%s", n, e.getKey()).isCloseTo(p, within(5 * sigma + 1e-9));
        }
    }

    @Test
    void singleValueSampleAlwaysDrawsThatValue() {
        BootstrapMedianSampler sampler = new BootstrapMedianSampler(new double[] {3.5});
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertThat(sampler.draw(random)).isEqualTo(3.5);
        }
    }

    @Test
    void medianOfOddAndEvenSamples() {
        assertThat(BootstrapMedianSampler.median(new double[] {1, 2, 9})).isEqualTo(2.0);
        assertThat(BootstrapMedianSampler.median(new double[] {1, 2, 4, 9})).isEqualTo(3.0);
    }

    private static double[] ascending(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
