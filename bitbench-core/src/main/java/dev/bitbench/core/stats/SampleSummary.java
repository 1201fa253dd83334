package dev.bitbench.core.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Descriptive statistics of one metric's samples (per-iteration measurements). Pure: no I/O.
 *
 * <p><b>Percentiles</b> ({@link #median}, {@link #p50}, {@link #p95}, {@link #p99}) use linear
 * interpolation between the closest ranks, Hyndman–Fan definition 7 (the default of R, NumPy and
 * Excel's {@code PERCENTILE.INC}): for sorted samples {@code x[0..n-1]} the p-quantile is at the
 * zero-based position {@code h = (n - 1) p}, i.e. {@code x[floor(h)] + (h - floor(h)) (x[floor(h) +
 * 1] - x[floor(h)])}. Hence {@code p50 == median}, {@code p0 == min} and {@code p100 == max}.
 *
 * <p><b>Standard deviation</b> is the sample standard deviation (divisor {@code n - 1}); it is
 * {@code 0} for a single sample.
 *
 * <p><b>Confidence interval of the median</b> ({@link #ciLow}, {@link #ciHigh}, nominal level
 * {@link #CI_LEVEL}) is the distribution-free order-statistic interval: with {@code B ~
 * Binomial(n, 1/2)} and {@code k} the largest rank {@code >= 1} with {@code P(B <= k - 1) <=
 * 0.025}, the interval is {@code [x(k), x(n - k + 1)]} (one-based order statistics), whose coverage
 * {@link #ciCoverage} {@code = 1 - 2 P(B <= k - 1)} is at least 0.95 whatever the distribution of
 * the samples. For {@code n <= 5} no such rank exists (even {@code [min, max]} covers the median
 * with probability only {@code 1 - 2^(1-n)}): the interval then falls back to {@code [min, max]} and
 * {@link #ciCoverage} reports the smaller actual coverage (0 for {@code n = 1}).
 *
 * @param n number of samples, {@code >= 1}
 * @param mean arithmetic mean
 * @param median the 0.5 quantile (same as {@code p50})
 * @param stddev sample standard deviation, {@code >= 0}
 * @param min smallest sample
 * @param max largest sample
 * @param p50 the 0.50 quantile
 * @param p95 the 0.95 quantile
 * @param p99 the 0.99 quantile
 * @param ciLow lower bound of the median's confidence interval
 * @param ciHigh upper bound of the median's confidence interval
 * @param ciCoverage the interval's exact coverage probability in {@code [0, 1]} (see above)
 */
public record SampleSummary(
        int n,
        double mean,
        double median,
        double stddev,
        double min,
        double max,
        double p50,
        double p95,
        double p99,
        double ciLow,
        double ciHigh,
        double ciCoverage) {

    /** The nominal confidence level of the median interval: 0.95. */
    public static final double CI_LEVEL = 0.95;

    private static final Quantile HF7 =
            Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(false);

    /** Validates ranges; see the class javadoc for the meaning of each field. */
    public SampleSummary {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        if (!(min <= p50 && p50 <= p95 && p95 <= p99 && p99 <= max)) {
            throw new IllegalArgumentException("percentiles out of order: min " + min + ", p50 " + p50 + ", p95 " + p95
                    + ", p99 " + p99 + ", max " + max);
        }
        if (!(stddev >= 0) || !(ciLow <= median && median <= ciHigh) || !(ciCoverage >= 0 && ciCoverage <= 1)) {
            throw new IllegalArgumentException("invalid summary: stddev " + stddev + ", ci [" + ciLow + ", " + ciHigh
                    + "] around median " + median + ", coverage " + ciCoverage);
        }
    }

    /**
     * Summarises the samples. The array is not modified.
     *
     * @param samples at least one finite value
     * @throws IllegalArgumentException if {@code samples} is empty or holds NaN or an infinity
     */
    public static SampleSummary of(double[] samples) {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("samples must not be empty");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Double.isFinite(samples[i])) {
                throw new IllegalArgumentException("samples[" + i + "] is not finite: " + samples[i]);
            }
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] q = HF7.evaluate(sorted, 0.5, 0.95, 0.99);
        double mean = Mean.of(sorted).getAsDouble();
        // Rounding can put the mean of near-equal values a hair outside [min, max].
        mean = Math.max(sorted[0], Math.min(sorted[n - 1], mean));
        double stddev = n == 1 ? 0.0 : StandardDeviation.of(sorted).getAsDouble();
        int k = medianCiRank(n);
        double coverage;
        double low;
        double high;
        if (k >= 1) {
            low = sorted[k - 1];
            high = sorted[n - k];
            coverage = 1 - 2 * BinomialDistribution.of(n, 0.5).cumulativeProbability(k - 1);
        } else {
            low = sorted[0];
            high = sorted[n - 1];
            coverage = n == 1 ? 0.0 : 1 - 2 * Math.pow(0.5, n);
        }
        return new SampleSummary(
                n, mean, q[0], stddev, sorted[0], sorted[n - 1], q[0], q[1], q[2], low, high, coverage);
    }

    /**
     * The one-based rank {@code k} of the lower bound of the distribution-free 95% interval of the
     * median for {@code n} samples: the largest {@code k} with {@code P(B <= k - 1) <= 0.025} for
     * {@code B ~ Binomial(n, 1/2)}; {@code 0} when none exists ({@code n <= 5}).
     */
    public static int medianCiRank(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, was " + n);
        }
        double alphaHalf = (1 - CI_LEVEL) / 2;
        BinomialDistribution b = BinomialDistribution.of(n, 0.5);
        int k = 0;
        // cdf is increasing in k; the rank never passes the median.
        while (k + 1 <= (n + 1) / 2 && b.cumulativeProbability(k) <= alphaHalf + 1e-12) {
            k++;
        }
        return k;
    }
}
