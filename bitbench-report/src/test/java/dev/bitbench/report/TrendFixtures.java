package dev.bitbench.report;

import dev.bitbench.core.Direction;
import dev.bitbench.core.changepoint.ChangePointDetector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic trend series for the report tests, with change points from the real detector. */
final class TrendFixtures {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private TrendFixtures() {}

    /**
     * {@code n} daily medians around {@code level}, seeded noise of ±0.5%, times {@code factor} from
     * index {@code step} on ({@code step >= n}: flat).
     */
    static double[] series(int n, double level, int step, double factor, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = level * (i >= step ? factor : 1) * (1 + 0.005 * (r.nextDouble() * 2 - 1));
        }
        return v;
    }

    /** A chart of {@code medians} (run {@code rNN}, commit {@code NN…}) with the detector's change points. */
    static TrendChart chart(String id, String metric, Direction better, double[] medians) {
        List<TrendChart.Point> points = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            points.add(new TrendChart.Point(
                    String.format("r%02d", i),
                    T0.plusSeconds(86_400L * i),
                    String.format("%02d%038x", i, i),
                    medians[i],
                    medians[i] * 0.99,
                    medians[i] * 1.01));
        }
        return new TrendChart(
                id,
                metric,
                "linux-x86_64",
                better == Direction.LOWER ? "ms/op" : "ops/s",
                better,
                points,
                ChangePointDetector.defaults().detect(medians));
    }

    /** A step of +30% at index 12 of 24 in {@code kernels.add/simd/f32/4096} time, and a flat series. */
    static TrendSection stepAndFlat() {
        return new TrendSection(
                "benchmarks 'kernels.*', platform linux-x86_64",
                List.of(
                        chart("kernels.add/simd/f32/4096", "time", Direction.LOWER, series(24, 10, 12, 1.3, 1)),
                        chart("kernels.mul/simd/f32/4096", "time", Direction.LOWER, series(24, 4, 99, 1, 2))),
                true);
    }
}
