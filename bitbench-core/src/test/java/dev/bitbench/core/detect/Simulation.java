package dev.bitbench.core.detect;

import dev.bitbench.core.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded lognormal benchmark data for the detector's simulation tests. */
final class Simulation {

    private final SplittableRandom random;

    Simulation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code n} lognormal values with the given median and coefficient of variation. */
    double[] lognormal(int n, double median, double cv) {
        double sigma = Math.sqrt(Math.log1p(cv * cv));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            double z = Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
            x[i] = median * Math.exp(sigma * z);
        }
        return x;
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** A time metric ({@code ms/op}, lower is better). */
    static MetricSamples time(String id, double... samples) {
        return MetricSamples.of(id, "time", "ms/op", Direction.LOWER, samples);
    }

    /** A throughput metric ({@code ops/s}, higher is better). */
    static MetricSamples throughput(String id, double... samples) {
        return MetricSamples.of(id, "throughput", "ops/s", Direction.HIGHER, samples);
    }

    /**
     * {@code count} benchmarks of one metric kind: baseline median 100, current median {@code 100 *
     * factor}, both with {@code cv} noise and {@code n} samples a side.
     */
    List<List<MetricSamples>> pairs(int count, boolean throughputMetric, double factor, double cv, int n) {
        List<MetricSamples> baseline = new ArrayList<>();
        List<MetricSamples> current = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("sim.bench/%04d", i);
            double[] b = lognormal(n, 100.0, cv);
            double[] c = lognormal(n, 100.0 * factor, cv);
            baseline.add(throughputMetric ? throughput(id, b) : time(id, b));
            current.add(throughputMetric ? throughput(id, c) : time(id, c));
        }
        return List.of(baseline, current);
    }
}
