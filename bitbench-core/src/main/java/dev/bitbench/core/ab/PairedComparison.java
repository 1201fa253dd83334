package dev.bitbench.core.ab;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.MetricKind;
import java.util.Objects;

/**
 * The verdict on one benchmark metric measured in paired rounds ({@link PairedDetector}).
 *
 * <p>Percentages follow the detector's conventions: {@code regressionPct} is positive when the
 * candidate is worse, whatever the metric's direction (a 10 % lower throughput is {@code +10}).
 *
 * @param benchmarkId benchmark id
 * @param metric metric name
 * @param unit unit of both sides
 * @param direction which way the metric improves
 * @param kind kind of the metric (selects the thresholds)
 * @param rounds number of paired rounds
 * @param baselineMedian median of the baseline's per-round values
 * @param candidateMedian median of the candidate's per-round values
 * @param medianRatio median of the per-round ratios {@code candidate / baseline}: the estimate
 * @param ratioLow lower bound of the bootstrap interval of {@code medianRatio}; NaN with too few rounds
 * @param ratioHigh upper bound; NaN with too few rounds
 * @param regressionPct change of {@code medianRatio} in the worse direction, percent
 * @param pValue two-sided Wilcoxon signed-rank p-value of the log ratios; NaN with too few rounds
 * @param pAdjusted Benjamini-Hochberg adjusted p-value over all compared metrics; NaN with too few rounds
 * @param level the verdict, from the detector's decision table
 * @param statistical whether the statistical rules were used (else thresholds on the estimate only)
 * @param warningPercent warning threshold used, percent
 * @param criticalPercent critical threshold used, percent
 * @param blocking whether a regression of this metric fails the gate
 */
public record PairedComparison(
        String benchmarkId,
        String metric,
        String unit,
        Direction direction,
        MetricKind kind,
        int rounds,
        double baselineMedian,
        double candidateMedian,
        double medianRatio,
        double ratioLow,
        double ratioHigh,
        double regressionPct,
        double pValue,
        double pAdjusted,
        Level level,
        boolean statistical,
        double warningPercent,
        double criticalPercent,
        boolean blocking) {

    public PairedComparison {
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
    }

    /** Signed change of the median ratio, percent: {@code (medianRatio - 1) * 100}. */
    public double changePct() {
        return (medianRatio - 1.0) * 100.0;
    }

    /** Lower bound of the regression interval in percent (direction-aware); NaN without an interval. */
    public double regressionLowPct() {
        return direction == Direction.LOWER ? (ratioLow - 1.0) * 100.0 : (1.0 - ratioHigh) * 100.0;
    }

    /** Upper bound of the regression interval in percent (direction-aware); NaN without an interval. */
    public double regressionHighPct() {
        return direction == Direction.LOWER ? (ratioHigh - 1.0) * 100.0 : (1.0 - ratioLow) * 100.0;
    }
}
