package dev.bitbench.core.changepoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Finds the points where a series (e.g. the medians of one benchmark's metric over successive runs)
 * changes its level, by <b>E-Divisive means</b> with a permutation significance test: the method of
 * Matteson and James (2014) as used for performance history by MongoDB's signal processing and
 * Apache Otava (formerly Hunter). Pure: no I/O; deterministic for a given seed.
 *
 * <p>Algorithm: the series is cut into segments at the change points found so far (none at first).
 * In every segment of at least {@code 2 * minSegment} points, the split maximising the {@link
 * EnergyStatistic E-Divisive statistic} (both parts at least {@code minSegment} points) is a
 * candidate; the candidate with the largest statistic is tested by permutation: each of {@code
 * permutations} times, the points of every segment are shuffled within their segment and the best
 * statistic over all segments is recomputed. The p-value is {@code (1 + k) / (1 + permutations)}
 * where {@code k} permutations reached the observed statistic. If it is at most {@code pValue} the
 * candidate becomes a change point and the search repeats; otherwise the search stops.
 *
 * <p>Because a single outlier moves a segment mean only by {@code 1/minSegment} of its size and a
 * permutation of the series places it anywhere, an isolated spike is not reported; a step that
 * lasts at least {@code minSegment} points is.
 *
 * <p>Cost: {@code O(n^2)} per statistic evaluation, so {@code O(permutations * n^2)} per change
 * point; fine for histories of a few thousand runs. Instances are immutable and thread-safe.
 *
 * @param minSegment smallest number of points on either side of a change point, {@code >= 2}
 *     (default {@value #DEFAULT_MIN_SEGMENT})
 * @param pValue significance level in {@code (0, 1)} (default {@value #DEFAULT_P_VALUE}); it must be
 *     reachable, i.e. {@code 1 / (1 + permutations) <= pValue}
 * @param permutations number of permutations of each test, {@code >= 1} (default {@value
 *     #DEFAULT_PERMUTATIONS})
 * @param seed seed of the permutations (default 42)
 */
public record ChangePointDetector(int minSegment, double pValue, int permutations, long seed) {

    /** Default smallest segment: {@value}. */
    public static final int DEFAULT_MIN_SEGMENT = 5;
    /** Default significance level: {@value}. */
    public static final double DEFAULT_P_VALUE = 0.01;
    /** Default number of permutations per test: {@value}. */
    public static final int DEFAULT_PERMUTATIONS = 199;
    /** Default seed: {@value}. */
    public static final long DEFAULT_SEED = 42;

    /** Validates the ranges above. */
    public ChangePointDetector {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minimum segment size must be >= 2, was " + minSegment);
        }
        if (!(pValue > 0 && pValue < 1)) {
            throw new IllegalArgumentException("p-value must be in (0, 1), was " + pValue);
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, was " + permutations);
        }
        if (1.0 / (1 + permutations) > pValue) {
            throw new IllegalArgumentException("with " + permutations + " permutations no p-value can be <= " + pValue
                    + "; use at least " + (int) Math.ceil(1 / pValue - 1) + " permutations");
        }
    }

    /** A detector with every default: minimum segment 5, p-value 0.01, 199 permutations, seed 42. */
    public static ChangePointDetector defaults() {
        return new ChangePointDetector(DEFAULT_MIN_SEGMENT, DEFAULT_P_VALUE, DEFAULT_PERMUTATIONS, DEFAULT_SEED);
    }

    /** This detector with another minimum segment size. */
    public ChangePointDetector withMinSegment(int value) {
        return new ChangePointDetector(value, pValue, permutations, seed);
    }

    /** This detector with another significance level. */
    public ChangePointDetector withPValue(double value) {
        return new ChangePointDetector(minSegment, value, permutations, seed);
    }

    /** This detector with another seed. */
    public ChangePointDetector withSeed(long value) {
        return new ChangePointDetector(minSegment, pValue, permutations, value);
    }

    /**
     * The significant change points of a series.
     *
     * @param series the values in time order, all finite; any length (shorter than {@code 2 *
     *     minSegment} gives no change point)
     * @return the change points ordered by index, each with the means of its neighbouring segments
     * @throws IllegalArgumentException if a value is not finite
     */
    public List<ChangePoint> detect(double[] series) {
        Objects.requireNonNull(series, "series");
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] is not finite: " + series[i]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        TreeSet<Integer> cuts = new TreeSet<>();
        List<double[]> accepted = new ArrayList<>(); // {index, pValue, statistic}
        double[] work = new double[series.length];
        while (true) {
            int[] bounds = bounds(cuts, series.length);
            double[] best = best(series, bounds);
            if (best == null) {
                break;
            }
            double p = permutationPValue(series, bounds, best[1], random, work);
            if (p > pValue) {
                break;
            }
            cuts.add((int) best[0]);
            accepted.add(new double[] {best[0], p, best[1]});
        }
        accepted.sort(Comparator.comparingDouble(a -> a[0]));
        int[] bounds = bounds(cuts, series.length);
        List<ChangePoint> result = new ArrayList<>(accepted.size());
        for (int c = 0; c < accepted.size(); c++) {
            double[] a = accepted.get(c);
            double before = mean(series, bounds[c], bounds[c + 1]);
            double after = mean(series, bounds[c + 1], bounds[c + 2]);
            result.add(
                    new ChangePoint((int) a[0], before, after, ChangePoint.relativeChange(before, after), a[1], a[2]));
        }
        return List.copyOf(result);
    }

    /** {@code 0, cut_1, ..., cut_k, length}. */
    private static int[] bounds(TreeSet<Integer> cuts, int length) {
        int[] b = new int[cuts.size() + 2];
        int i = 1;
        for (int c : cuts) {
            b[i++] = c;
        }
        b[i] = length;
        return b;
    }

    /** {@code {tau, Q}} of the best split over all segments long enough, or {@code null}. */
    private double[] best(double[] z, int[] bounds) {
        double[] best = null;
        for (int s = 0; s + 1 < bounds.length; s++) {
            if (bounds[s + 1] - bounds[s] >= 2 * minSegment) {
                double[] split = EnergyStatistic.bestSplit(z, bounds[s], bounds[s + 1], minSegment);
                if (best == null || split[1] > best[1]) {
                    best = split;
                }
            }
        }
        return best;
    }

    private double permutationPValue(
            double[] series, int[] bounds, double observed, SplittableRandom random, double[] work) {
        int reached = 0;
        // Stop early once the p-value can no longer reach the level.
        int limit = (int) Math.floor(pValue * (1 + permutations)) - 1;
        for (int done = 0; done < permutations; done++) {
            System.arraycopy(series, 0, work, 0, series.length);
            for (int s = 0; s + 1 < bounds.length; s++) {
                shuffle(work, bounds[s], bounds[s + 1], random);
            }
            double[] best = best(work, bounds);
            if (best[1] >= observed) {
                reached++;
                if (reached > limit) {
                    return (1.0 + reached) / (1.0 + permutations); // already above the level
                }
            }
        }
        return (1.0 + reached) / (1.0 + permutations);
    }

    private static void shuffle(double[] a, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double mean(double[] z, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += z[i];
        }
        return sum / (to - from);
    }
}
