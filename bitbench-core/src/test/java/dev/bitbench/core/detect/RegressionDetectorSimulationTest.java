package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulations that prove the detector's statistics: false alarms under no change, the right
 * level for injected changes in both metric directions, and honesty under heavy noise. No timing.
 */
class RegressionDetectorSimulationTest {

    private static final RegressionDetector DETECTOR = new RegressionDetector(DetectorConfig.defaults());

    @Test
    void aaComparisonOfAThousandBenchmarksFlagsAtMostOnePercent() {
        Simulation sim = new Simulation(2026);
        List<MetricSamples> baseline = new ArrayList<>();
        List<MetricSamples> current = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double cv = sim.uniform(0.01, 0.10);
            String id = "aa/" + i;
            double[] b = sim.lognormal(10, 100.0, cv);
            double[] c = sim.lognormal(10, 100.0, cv);
            boolean throughput = i % 2 == 0;
            baseline.add(throughput ? Simulation.throughput(id, b) : Simulation.time(id, b));
            current.add(throughput ? Simulation.throughput(id, c) : Simulation.time(id, c));
        }
        ComparisonReport report = DETECTOR.compare(baseline, current);
        Map<Level, Integer> counts = report.counts();
        assertThat(report.comparisons()).hasSize(1000);
        assertThat(counts.get(Level.CRITICAL) + counts.get(Level.WARNING)).isLessThanOrEqualTo(10);
        assertThat(counts.get(Level.IMPROVEMENT)).isLessThanOrEqualTo(10);
        assertThat(report.comparisons()).allMatch(c -> c.method() == Method.STATISTICAL);
    }

    @Test
    void aaComparisonsJudgedOneByOneAlsoStayUnderOnePercent() {
        // Without the family-wide BH step each comparison is tested at q alone: the size and interval
        // conditions must still keep false alarms rare.
        Simulation sim = new Simulation(7);
        int flagged = 0;
        for (int i = 0; i < 1000; i++) {
            double cv = sim.uniform(0.01, 0.10);
            String id = "aa/" + i;
            List<MetricSamples> b = List.of(Simulation.throughput(id, sim.lognormal(10, 100.0, cv)));
            List<MetricSamples> c = List.of(Simulation.throughput(id, sim.lognormal(10, 100.0, cv)));
            Level level = DETECTOR.compare(b, c).comparisons().get(0).level();
            flagged += level.isRegression() ? 1 : 0;
        }
        assertThat(flagged).isLessThanOrEqualTo(10);
    }

    @Test
    void twentyPercentThroughputDropAtTwoPercentNoiseIsCritical() {
        ComparisonReport report = run(1, 1, true, 0.80, 0.02);
        Comparison c = report.comparisons().get(0);
        assertThat(c.level()).isEqualTo(Level.CRITICAL);
        assertThat(c.regressionPct()).isGreaterThan(15.0);
        assertThat(c.changePct()).isLessThan(-15.0);
        assertThat(c.pAdjusted()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void twentyPercentThroughputDropIsCriticalAcrossTwoHundredSeededBenchmarks() {
        assertThat(run(200, 2, true, 0.80, 0.02).count(Level.CRITICAL)).isEqualTo(200);
    }

    @Test
    void tenPercentThroughputDropAtTwoPercentNoiseIsWarning() {
        assertThat(run(1, 3, true, 0.90, 0.02).comparisons().get(0).level()).isEqualTo(Level.WARNING);
    }

    @Test
    void tenPercentThroughputDropIsMostlyWarningAndNeverCriticalOrImprovement() {
        // 10 % sits 2 points above the 8 % warning threshold, about two standard errors of the median
        // ratio at CV 2 % and 10 samples: a few estimates fall under 8 % and are rightly STABLE.
        ComparisonReport report = run(200, 4, true, 0.90, 0.02);
        assertThat(report.count(Level.WARNING)).isGreaterThanOrEqualTo(180);
        assertThat(report.count(Level.CRITICAL) + report.count(Level.IMPROVEMENT))
                .isZero();
    }

    @Test
    void twentyPercentSpeedUpIsImprovementForThroughputAndTime() {
        assertThat(run(200, 5, true, 1.20, 0.02).count(Level.IMPROVEMENT)).isEqualTo(200);
        assertThat(run(200, 6, false, 0.80, 0.02).count(Level.IMPROVEMENT)).isEqualTo(200);
    }

    @Test
    void timeIncreaseIsARegressionAndTimeDecreaseAnImprovement() {
        // Time thresholds are 15 % / 25 %: +30 % is critical, +20 % a warning, -20 % an improvement.
        assertThat(run(200, 7, false, 1.30, 0.02).count(Level.CRITICAL)).isEqualTo(200);
        assertThat(run(200, 8, false, 1.20, 0.02).count(Level.WARNING)).isEqualTo(200);
        Comparison faster = run(1, 9, false, 0.80, 0.02).comparisons().get(0);
        assertThat(faster.level()).isEqualTo(Level.IMPROVEMENT);
        assertThat(faster.regressionPct()).isLessThan(-15.0);
    }

    @Test
    void throughputIncreaseIsNeverReadAsARegression() {
        // The bug of reading JMH thrpt backwards: a 20 % higher ops/s must not be a regression.
        ComparisonReport report = run(200, 10, true, 1.20, 0.02);
        assertThat(report.comparisons()).noneMatch(c -> c.level().isRegression());
        assertThat(report.comparisons()).allMatch(c -> c.regressionPct() < 0 && c.changePct() > 0);
    }

    @Test
    void twentyPercentSlowdownOfTimeIsCriticalWithUniformEightFifteenThresholds() {
        RegressionDetector uniform =
                new RegressionDetector(DetectorConfig.defaults().withThresholds(Thresholds.uniform(8, 15)));
        Simulation sim = new Simulation(11);
        List<List<MetricSamples>> data = sim.pairs(100, false, 1.20, 0.02, 10);
        assertThat(uniform.compare(data.get(0), data.get(1)).count(Level.CRITICAL))
                .isEqualTo(100);
        data = sim.pairs(100, false, 1.10, 0.02, 10);
        assertThat(uniform.compare(data.get(0), data.get(1)).count(Level.WARNING))
                .isGreaterThanOrEqualTo(90);
    }

    @Test
    void highNoiseWithATenPercentChangeIsInconclusiveNotStable() {
        Comparison single = run(1, 12, false, 1.10, 0.30).comparisons().get(0);
        assertThat(single.level()).isEqualTo(Level.INCONCLUSIVE);
        for (boolean throughput : new boolean[] {true, false}) {
            for (double factor : new double[] {0.90, 1.10}) {
                ComparisonReport report = run(200, 13, throughput, factor, 0.30);
                assertThat(report.count(Level.STABLE))
                        .as("%s x%s", throughput, factor)
                        .isZero();
                assertThat(report.count(Level.INCONCLUSIVE))
                        .as("%s x%s", throughput, factor)
                        .isGreaterThanOrEqualTo(190);
            }
        }
    }

    @Test
    void smallRealChangeWellUnderTheThresholdIsStable() {
        // time +3 % at CV 2 %: significant but far below the 15 % warning threshold.
        assertThat(run(200, 14, false, 1.03, 0.02).count(Level.STABLE)).isEqualTo(200);
    }

    private static ComparisonReport run(int count, long seed, boolean throughput, double factor, double cv) {
        List<List<MetricSamples>> data = new Simulation(seed).pairs(count, throughput, factor, cv, 10);
        return DETECTOR.compare(data.get(0), data.get(1));
    }
}
