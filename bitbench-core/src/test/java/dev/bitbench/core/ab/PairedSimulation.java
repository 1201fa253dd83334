package dev.bitbench.core.ab;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.MetricSamples;
import java.util.SplittableRandom;

/**
 * Seeded synthetic A/B rounds: per round a machine drift factor uniform in {@code [1 - drift, 1 +
 * drift]} that multiplies both versions, and per trial independent normal noise with standard
 * deviation {@code cv} (a fraction of the value).
 */
final class PairedSimulation {

    private final SplittableRandom random;

    PairedSimulation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Time in ms/op of one benchmark; the candidate is slower by {@code shift} (0.05 = 5 %). */
    PairedSamples rounds(String id, int rounds, double cv, double drift, double shift) {
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double machine = 1.0 + drift * (2.0 * random.nextDouble() - 1.0);
            a[i] = 10.0 * machine * (1.0 + cv * gaussian());
            b[i] = 10.0 * (1.0 + shift) * machine * (1.0 + cv * gaussian());
        }
        return new PairedSamples(id, "time", "ms/op", Direction.LOWER, a, b);
    }

    static MetricSamples baselineOf(PairedSamples p) {
        return MetricSamples.of(p.benchmarkId(), p.metric(), p.unit(), p.direction(), p.baseline());
    }

    static MetricSamples candidateOf(PairedSamples p) {
        return MetricSamples.of(p.benchmarkId(), p.metric(), p.unit(), p.direction(), p.candidate());
    }

    private double gaussian() {
        // Box-Muller, one value per call
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
