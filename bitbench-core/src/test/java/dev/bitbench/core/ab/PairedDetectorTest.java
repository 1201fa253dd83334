package dev.bitbench.core.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.Comparison;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.RegressionDetector;
import dev.bitbench.core.detect.Thresholds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PairedDetectorTest {

    private static final DetectorConfig CONFIG = DetectorConfig.defaults()
            .withThresholds(Thresholds.uniform(3.0, 10.0))
            .withParallel(false);

    @ParameterizedTest
    @ValueSource(doubles = {0.005, 0.02, 0.05, 0.20})
    void aaExperimentsFlagAtMostOnePercentOfBenchmarks(double cv) {
        PairedSimulation sim = new PairedSimulation(7L);
        PairedDetector detector = new PairedDetector(CONFIG);
        int flagged = 0;
        int total = 0;
        for (int experiment = 0; experiment < 60; experiment++) {
            List<PairedSamples> benchmarks = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                benchmarks.add(sim.rounds("bench" + b, 20, cv, 0.20, 0.0));
            }
            for (PairedComparison c : detector.compare(benchmarks)) {
                total++;
                if (c.level().isRegression() || c.level() == Level.IMPROVEMENT) {
                    flagged++;
                }
            }
        }
        assertThat(total).isEqualTo(600);
        assertThat(flagged / (double) total).isLessThanOrEqualTo(0.01);
    }

    @Test
    void fivePercentSlowdownUnderTwentyPercentDriftIsFoundByPairingButNotByUnpairedComparison() {
        PairedSimulation sim = new PairedSimulation(11L);
        List<PairedSamples> data = List.of(
                sim.rounds("slowed", 20, 0.01, 0.20, 0.05),
                sim.rounds("same1", 20, 0.01, 0.20, 0.0),
                sim.rounds("same2", 20, 0.01, 0.20, 0.0));

        List<PairedComparison> paired = new PairedDetector(CONFIG).compare(data);
        List<Comparison> unpaired = new RegressionDetector(CONFIG)
                .compare(
                        data.stream().map(PairedSimulation::baselineOf).toList(),
                        data.stream().map(PairedSimulation::candidateOf).toList())
                .comparisons();

        PairedComparison slowed = paired.get(2);
        assertThat(slowed.benchmarkId()).isEqualTo("slowed");
        assertThat(slowed.level()).isEqualTo(Level.WARNING);
        assertThat(slowed.regressionPct()).isCloseTo(5.0, within(1.5));
        assertThat(slowed.ratioLow()).isGreaterThan(1.0);
        assertThat(paired.get(0).level()).isEqualTo(Level.STABLE);
        assertThat(paired.get(1).level()).isEqualTo(Level.STABLE);

        Comparison unpairedSlowed = unpaired.stream()
                .filter(c -> c.benchmarkId().equals("slowed"))
                .findFirst()
                .orElseThrow();
        assertThat(unpairedSlowed.level()).isEqualTo(Level.INCONCLUSIVE);
    }

    @Test
    void throughputDropIsARegressionAndUsesTheKindsThresholds() {
        // ops/s 8% lower in every round: the default throughput thresholds are 8 / 15 %
        double[] a = {100, 90, 110, 105, 95, 100, 120, 80, 100, 101};
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i] * (0.900 + 0.001 * i); // ratios 0.900 .. 0.909, no ties
        }
        PairedSamples p = new PairedSamples("tput", "throughput", "ops/s", Direction.HIGHER, a, b);

        PairedComparison c = new PairedDetector(DetectorConfig.defaults())
                .compare(List.of(p))
                .get(0);

        assertThat(c.medianRatio()).isCloseTo(0.9045, within(1e-12));
        assertThat(c.regressionPct()).isCloseTo(9.55, within(1e-9));
        assertThat(c.warningPercent()).isEqualTo(8.0);
        assertThat(c.pValue()).isCloseTo(2.0 / 1024.0, within(1e-12)); // all 10 rounds worse
        assertThat(c.level()).isEqualTo(Level.WARNING);
        assertThat(c.regressionLowPct()).isBetween(9.1 - 1e-9, 9.55);
        assertThat(c.regressionHighPct()).isBetween(9.55, 10.0 + 1e-9);
    }

    @Test
    void tooFewRoundsFallBackToThresholdsOnTheEstimate() {
        PairedSamples p = new PairedSamples(
                "few", "time", "ms", Direction.LOWER, new double[] {10, 10, 10}, new double[] {13, 13, 13});

        PairedComparison c = new PairedDetector(DetectorConfig.defaults())
                .compare(List.of(p))
                .get(0);

        assertThat(c.statistical()).isFalse();
        assertThat(c.pValue()).isNaN();
        assertThat(c.level()).isEqualTo(Level.CRITICAL); // 30 % >= 25 % critical for time
    }

    @Test
    void sameSeedSameIntervals() {
        PairedSamples p = new PairedSimulation(3L).rounds("x", 15, 0.05, 0.1, 0.02);
        PairedComparison first = new PairedDetector(CONFIG).compare(List.of(p)).get(0);
        PairedComparison second = new PairedDetector(CONFIG).compare(List.of(p)).get(0);
        PairedComparison otherSeed =
                new PairedDetector(CONFIG.withSeed(99L)).compare(List.of(p)).get(0);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.ratioLow()).isNotEqualTo(first.ratioLow());
    }
}
