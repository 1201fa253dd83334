package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.core.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressionDetectorTest {

    private static final RegressionDetector DETECTOR = new RegressionDetector(DetectorConfig.defaults());

    private static final double[] BASE = {100, 101, 99, 100.5, 99.5, 100.2, 99.8};

    @Test
    void metricsOnlyInCurrentAreNewAndOnlyInBaselineAreMissing() {
        List<MetricSamples> baseline =
                List.of(Simulation.time("a", BASE), Simulation.time("gone", BASE), Simulation.throughput("a", BASE));
        List<MetricSamples> current = List.of(
                Simulation.time("a", BASE), Simulation.time("fresh", 1, 2, 3, 4, 5), Simulation.throughput("a", BASE));
        ComparisonReport report = DETECTOR.compare(baseline, current);

        assertThat(report.comparisons())
                .extracting(c -> c.benchmarkId() + ":" + c.metric() + "=" + c.level())
                .containsExactly("a:throughput=STABLE", "a:time=STABLE", "fresh:time=NEW", "gone:time=MISSING");
        Comparison fresh = report.comparisons().get(2);
        assertThat(fresh.currentMedian()).isEqualTo(3.0);
        assertThat(fresh.baselineMedian()).isNaN();
        assertThat(fresh.ratio()).isNaN();
        assertThat(fresh.currentSamples()).isEqualTo(5);
        assertThat(fresh.method()).isEqualTo(Method.NONE);
        Comparison gone = report.comparisons().get(3);
        assertThat(gone.baselineMedian()).isEqualTo(100.0);
        assertThat(gone.currentMedian()).isNaN();
        assertThat(gone.baselineSamples()).isEqualTo(7);
        assertThat(report.counts()).containsEntry(Level.NEW, 1).containsEntry(Level.MISSING, 1);
        assertThat(report.hasBlocking(Level.WARNING)).isFalse();
    }

    @Test
    void singleNumberBaselineFallsBackToThresholdsAndSaysSo() {
        MetricSamples baseline =
                MetricSamples.summary("inference.decode", "tokens_per_second", "tokens/s", Direction.HIGHER, 125.3);
        MetricSamples current = MetricSamples.of(
                "inference.decode", "tokens_per_second", "tokens/s", Direction.HIGHER, 100, 101, 99, 100, 102);
        Comparison c = DETECTOR.compare(List.of(baseline), List.of(current))
                .comparisons()
                .get(0);
        // 100 / 125.3 = 0.798: a 20.2 % throughput decrease, over the 15 % critical threshold.
        assertThat(c.method()).isEqualTo(Method.THRESHOLD);
        assertThat(c.level()).isEqualTo(Level.CRITICAL);
        assertThat(c.kind()).isEqualTo(MetricKind.THROUGHPUT);
        assertThat(c.ratio()).isCloseTo(100 / 125.3, within(1e-12));
        assertThat(c.regressionPct()).isCloseTo((1 - 100 / 125.3) * 100, within(1e-9));
        assertThat(c.ci()).isNull();
        assertThat(c.pValue()).isNaN();
        assertThat(c.note()).contains("baseline has 0 and current 5 samples").contains("thresholds");
    }

    @Test
    void fewerThanMinimumSamplesUsesThresholdsOnMedians() {
        MetricSamples b = Simulation.time("k", 10, 10, 10, 10);
        MetricSamples c = Simulation.time("k", 11.6, 11.6, 11.6, 11.6, 11.6, 11.6);
        Comparison comparison =
                DETECTOR.compare(List.of(b), List.of(c)).comparisons().get(0);
        assertThat(comparison.method()).isEqualTo(Method.THRESHOLD);
        assertThat(comparison.level()).isEqualTo(Level.WARNING); // +16 %: over 15, under 25
        RegressionDetector lenient =
                new RegressionDetector(DetectorConfig.defaults().withMinSamples(4));
        assertThat(lenient.compare(List.of(b), List.of(c)).comparisons().get(0).method())
                .isEqualTo(Method.STATISTICAL);
    }

    @Test
    void nonBlockingMetricIsReportedButNeverFailsTheGate() {
        Thresholds thresholds = ThresholdsFile.parse("{\"metrics\": {\"memory\": {\"blocking\": false}}}");
        RegressionDetector detector =
                new RegressionDetector(DetectorConfig.defaults().withThresholds(thresholds));
        MetricSamples b = MetricSamples.of("k", "alloc", "B/op", Direction.LOWER, 100, 100, 100, 100, 100);
        MetricSamples c = MetricSamples.of("k", "alloc", "B/op", Direction.LOWER, 150, 150, 150, 150, 150);
        ComparisonReport report = detector.compare(List.of(b), List.of(c));
        Comparison comparison = report.comparisons().get(0);
        assertThat(comparison.level()).isEqualTo(Level.CRITICAL);
        assertThat(comparison.blocking()).isFalse();
        assertThat(report.hasBlocking(Level.CRITICAL)).isFalse();
        assertThat(report.hasBlocking(Level.WARNING)).isFalse();
        assertThat(DETECTOR.compare(List.of(b), List.of(c)).hasBlocking(Level.CRITICAL))
                .isTrue();
    }

    @Test
    void failOnWarningCountsWarningsAndCriticals() {
        MetricSamples b = Simulation.time("k", 10, 10, 10, 10, 10);
        MetricSamples warning = Simulation.time("k", 12, 12, 12, 12, 12); // +20 %
        ComparisonReport report = DETECTOR.compare(List.of(b), List.of(warning));
        assertThat(report.comparisons().get(0).level()).isEqualTo(Level.WARNING);
        assertThat(report.hasBlocking(Level.CRITICAL)).isFalse();
        assertThat(report.hasBlocking(Level.WARNING)).isTrue();
        assertThat(report.blocking(Level.WARNING)).hasSize(1);
        assertThatThrownBy(() -> report.hasBlocking(Level.STABLE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allocationFromZeroIsCriticalAndBackToZeroAnImprovement() {
        MetricSamples zero = MetricSamples.of("k", "alloc", "B/op", Direction.LOWER, 0, 0, 0, 0, 0);
        MetricSamples some = MetricSamples.of("k", "alloc", "B/op", Direction.LOWER, 24, 24, 24, 24, 24);
        Comparison up =
                DETECTOR.compare(List.of(zero), List.of(some)).comparisons().get(0);
        assertThat(up.ratio()).isInfinite();
        assertThat(up.level()).isEqualTo(Level.CRITICAL);
        Comparison down =
                DETECTOR.compare(List.of(some), List.of(zero)).comparisons().get(0);
        assertThat(down.regressionPct()).isEqualTo(-100.0);
        assertThat(down.level()).isEqualTo(Level.IMPROVEMENT);
        Comparison same =
                DETECTOR.compare(List.of(zero), List.of(zero)).comparisons().get(0);
        assertThat(same.ratio()).isEqualTo(1.0);
        assertThat(same.level()).isEqualTo(Level.STABLE);
    }

    @Test
    void convertibleUnitsAreComparedInTheCurrentUnit() {
        MetricSamples micros = MetricSamples.of("k", "time", "us/op", Direction.LOWER, 1000, 1010, 990, 1005, 995);
        MetricSamples millis = MetricSamples.of("k", "time", "ms/op", Direction.LOWER, 1.0, 1.01, 0.99, 1.005, 0.995);
        Comparison c =
                DETECTOR.compare(List.of(micros), List.of(millis)).comparisons().get(0);
        assertThat(c.unit()).isEqualTo("ms/op");
        assertThat(c.baselineMedian()).isCloseTo(1.0, within(1e-12));
        assertThat(c.ratio()).isCloseTo(1.0, within(1e-12));
        assertThat(c.level()).isEqualTo(Level.STABLE);
        MetricSamples bytes = MetricSamples.of("k", "time", "B/op", Direction.LOWER, 1, 1, 1, 1, 1);
        Comparison odd =
                DETECTOR.compare(List.of(micros), List.of(bytes)).comparisons().get(0);
        assertThat(odd.level()).isEqualTo(Level.INCONCLUSIVE);
        assertThat(odd.note()).contains("units differ").contains("us/op").contains("B/op");
    }

    @Test
    void resultsDoNotDependOnInputOrderOrParallelism() {
        List<List<MetricSamples>> data = new Simulation(3).pairs(60, true, 0.93, 0.05, 12);
        ComparisonReport parallel = DETECTOR.compare(data.get(0), data.get(1));
        List<MetricSamples> shuffledBaseline = new ArrayList<>(data.get(0));
        List<MetricSamples> shuffledCurrent = new ArrayList<>(data.get(1));
        Collections.shuffle(shuffledBaseline, new Random(1));
        Collections.shuffle(shuffledCurrent, new Random(2));
        RegressionDetector sequential =
                new RegressionDetector(DetectorConfig.defaults().withParallel(false));
        ComparisonReport other = sequential.compare(shuffledBaseline, shuffledCurrent);
        assertThat(other.comparisons()).isEqualTo(parallel.comparisons());
        ComparisonReport reseeded =
                new RegressionDetector(DetectorConfig.defaults().withSeed(43)).compare(data.get(0), data.get(1));
        assertThat(reseeded.comparisons()).isNotEqualTo(parallel.comparisons());
    }

    @Test
    void pValuesAreAdjustedAcrossTheWholeComparison() {
        List<List<MetricSamples>> data = new Simulation(4).pairs(30, false, 1.0, 0.05, 10);
        ComparisonReport report = DETECTOR.compare(data.get(0), data.get(1));
        double[] raw =
                report.comparisons().stream().mapToDouble(Comparison::pValue).toArray();
        double[] expected = dev.bitbench.core.stats.BenjaminiHochberg.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            assertThat(report.comparisons().get(i).pAdjusted()).isEqualTo(expected[i]);
            assertThat(report.comparisons().get(i).pAdjusted()).isGreaterThanOrEqualTo(raw[i]);
        }
    }

    @Test
    void warningFractionOverrideAppliesToEveryMetric() {
        // time +10 % is STABLE under the 15 % default, a WARNING under --threshold 0.05.
        MetricSamples b = Simulation.time("k", 10, 10, 10, 10, 10);
        MetricSamples c = Simulation.time("k", 11, 11, 11, 11, 11);
        assertThat(DETECTOR.compare(List.of(b), List.of(c)).comparisons().get(0).level())
                .isEqualTo(Level.STABLE);
        RegressionDetector strict = new RegressionDetector(
                DetectorConfig.defaults().withThresholds(Thresholds.defaults().withWarningFraction(0.05)));
        Comparison comparison =
                strict.compare(List.of(b), List.of(c)).comparisons().get(0);
        assertThat(comparison.level()).isEqualTo(Level.WARNING);
        assertThat(comparison.warningPercent()).isEqualTo(5.0);
        assertThat(comparison.criticalPercent()).isEqualTo(25.0);
    }

    @Test
    void directionChangeBetweenRunsIsNotedAndTheCurrentOneUsed() {
        MetricSamples b = MetricSamples.of("k", "score", "", Direction.LOWER, 1, 1, 1, 1, 1);
        MetricSamples c = MetricSamples.of("k", "score", "", Direction.HIGHER, 1, 1, 1, 1, 1);
        Comparison comparison =
                DETECTOR.compare(List.of(b), List.of(c)).comparisons().get(0);
        assertThat(comparison.direction()).isEqualTo(Direction.HIGHER);
        assertThat(comparison.note()).contains("direction changed");
    }

    @Test
    void duplicateKeysAreRejected() {
        MetricSamples one = Simulation.time("k", BASE);
        assertThatThrownBy(() -> DETECTOR.compare(List.of(one, one), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline holds k [time] more than once");
    }

    @Test
    void emptyInputsGiveAnEmptyReport() {
        ComparisonReport report = DETECTOR.compare(List.of(), List.of());
        assertThat(report.comparisons()).isEmpty();
        assertThat(report.counts().values()).allMatch(n -> n == 0);
        assertThat(report.hasBlocking(Level.CRITICAL)).isFalse();
    }
}
