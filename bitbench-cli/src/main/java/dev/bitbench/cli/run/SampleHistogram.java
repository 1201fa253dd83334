package dev.bitbench.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The primary result of a JMH {@code SampleTime} benchmark: JMH writes no {@code rawData} for it
 * but {@code rawDataHistogram}, per fork per iteration a list of {@code [value, count]} pairs (the
 * time of one invocation and how many invocations took it). Flattened here into one mean per
 * iteration (the runner's {@code time}) and the per-invocation samples (its {@code latency}),
 * thinned to at most {@link #MAX_SAMPLES} evenly spaced order statistics when there are more, so
 * that a run of fast operations does not store millions of numbers yet keeps its percentiles.
 *
 * @param iterationMeans the count-weighted mean of every measured iteration, forks in order
 * @param samples every invocation's time (iteration by iteration, ascending within one), or the
 *     thinned order statistics of all of them, ascending
 * @param invocations how many invocations JMH sampled in all
 */
record SampleHistogram(double[] iterationMeans, double[] samples, long invocations) {
    /** Samples kept per benchmark; more are thinned to this many order statistics. */
    static final int MAX_SAMPLES = 20_000;

    SampleHistogram {
        iterationMeans = iterationMeans.clone();
        samples = samples.clone();
        if (invocations < samples.length) {
            throw new IllegalArgumentException("fewer invocations (" + invocations + ") than samples");
        }
    }

    /**
     * Reads a {@code rawDataHistogram} node.
     *
     * @throws IOException if a pair is not {@code [finite value, count >= 0]} or nothing was sampled
     */
    static SampleHistogram read(JsonNode histogram) throws IOException {
        List<Double> means = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>();
        long total = 0;
        for (JsonNode fork : histogram) {
            for (JsonNode iteration : fork) {
                double sum = 0;
                long count = 0;
                for (JsonNode pair : iteration) {
                    double value = pair.path(0).asDouble(Double.NaN);
                    long n = pair.path(1).asLong(-1);
                    if (pair.size() != 2 || !Double.isFinite(value) || n < 0) {
                        throw new IOException("rawDataHistogram has a bad [value, count] pair: " + pair);
                    }
                    sum += value * n;
                    count += n;
                    pairs.add(new double[] {value, n});
                }
                if (count > 0) {
                    means.add(sum / count);
                    total += count;
                }
            }
        }
        if (total == 0) {
            throw new IOException("rawDataHistogram holds no sample");
        }
        double[] meanArray = means.stream().mapToDouble(Double::doubleValue).toArray();
        return new SampleHistogram(
                meanArray, total <= MAX_SAMPLES ? expand(pairs, (int) total) : thin(pairs, total), total);
    }

    /** Every invocation, each value repeated count times. */
    private static double[] expand(List<double[]> pairs, int total) {
        double[] out = new double[total];
        int i = 0;
        for (double[] p : pairs) {
            for (long c = 0; c < (long) p[1]; c++) {
                out[i++] = p[0];
            }
        }
        return out;
    }

    /**
     * {@link #MAX_SAMPLES} order statistics of all invocations: the k-th is the value at rank
     * {@code floor((k + 0.5) * total / MAX_SAMPLES)} of the sorted invocations.
     */
    private static double[] thin(List<double[]> pairs, long total) {
        double[][] sorted = pairs.toArray(double[][]::new);
        Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
        double[] out = new double[MAX_SAMPLES];
        int pair = 0;
        long below = 0; // invocations in the pairs before sorted[pair]
        for (int k = 0; k < MAX_SAMPLES; k++) {
            long rank = (long) Math.floor((k + 0.5) * total / MAX_SAMPLES);
            while (below + (long) sorted[pair][1] <= rank) {
                below += (long) sorted[pair][1];
                pair++;
            }
            out[k] = sorted[pair][0];
        }
        return out;
    }

    /** A copy of the iteration means. */
    @Override
    public double[] iterationMeans() {
        return iterationMeans.clone();
    }

    /** A copy of the samples. */
    @Override
    public double[] samples() {
        return samples.clone();
    }
}
