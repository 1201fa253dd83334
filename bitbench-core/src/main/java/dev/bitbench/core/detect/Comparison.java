package dev.bitbench.core.detect;

import dev.bitbench.core.Direction;
import dev.bitbench.core.stats.BootstrapCi;
import java.util.Objects;

/**
 * The verdict on one benchmark metric, baseline against current. Numbers that do not apply are NaN
 * (and {@code ci} is null): medians of the absent side for {@link Level#NEW} / {@link Level#MISSING},
 * ratios and changes for those two, and the interval and p-values for {@link Method#THRESHOLD}.
 *
 * @param benchmarkId benchmark id
 * @param metric metric name
 * @param unit unit of the medians (the current side's, or the baseline's when MISSING)
 * @param direction which way the metric improves
 * @param kind the kind whose thresholds applied
 * @param baselineMedian median of the baseline samples (or its single summary number)
 * @param currentMedian median of the current samples (or its single summary number)
 * @param ratio {@code currentMedian / baselineMedian}; {@code 1} for {@code 0 / 0}, infinite for
 *     {@code x / 0}
 * @param changePct {@code (ratio - 1) * 100}: signed change of the value
 * @param regressionPct change in the worse direction, in percent: {@code changePct} for
 *     lower-is-better metrics, {@code -changePct} for higher-is-better ones; positive means worse
 * @param ci bootstrap interval of {@code ratio} (statistical method only)
 * @param pValue two-sided Mann-Whitney U p-value (statistical method only)
 * @param pAdjusted Benjamini-Hochberg adjusted p-value across all statistical comparisons of the run
 * @param level the verdict
 * @param method how the verdict was reached
 * @param blocking whether this comparison may fail a build (false when marked non-blocking)
 * @param baselineSamples number of baseline samples (0 for a single number or when NEW)
 * @param currentSamples number of current samples (0 for a single number or when MISSING)
 * @param warningPercent warning threshold that applied, in percent of regression
 * @param criticalPercent critical threshold that applied
 * @param note a short remark (e.g. a direction that changed between runs), or null
 */
public record Comparison(
        String benchmarkId,
        String metric,
        String unit,
        Direction direction,
        MetricKind kind,
        double baselineMedian,
        double currentMedian,
        double ratio,
        double changePct,
        double regressionPct,
        BootstrapCi ci,
        double pValue,
        double pAdjusted,
        Level level,
        Method method,
        boolean blocking,
        int baselineSamples,
        int currentSamples,
        double warningPercent,
        double criticalPercent,
        String note) {

    public Comparison {
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(method, "method");
        if (baselineSamples < 0 || currentSamples < 0) {
            throw new IllegalArgumentException("negative sample count");
        }
        if ((method == Method.STATISTICAL) != (ci != null)) {
            throw new IllegalArgumentException("a statistical comparison, and only it, has an interval");
        }
    }

    /** The interval of {@code regressionPct} derived from {@link #ci()}, as {@code {low, high}}; null without one. */
    public double[] regressionInterval() {
        if (ci == null) {
            return null;
        }
        return regressionInterval(ci.low(), ci.high(), direction);
    }

    /** Whether this comparison fails a gate at {@code failOn} ({@code CRITICAL} or {@code WARNING}). */
    public boolean fails(Level failOn) {
        return blocking && level.failsAt(failOn);
    }

    static double regressionPct(double ratio, Direction direction) {
        double change = (ratio - 1.0) * 100.0;
        return direction == Direction.LOWER ? change : -change;
    }

    static double[] regressionInterval(double ratioLow, double ratioHigh, Direction direction) {
        return direction == Direction.LOWER
                ? new double[] {(ratioLow - 1.0) * 100.0, (ratioHigh - 1.0) * 100.0}
                : new double[] {(1.0 - ratioHigh) * 100.0, (1.0 - ratioLow) * 100.0};
    }
}
