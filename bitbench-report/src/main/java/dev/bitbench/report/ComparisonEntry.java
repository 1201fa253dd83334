package dev.bitbench.report;

import dev.bitbench.core.detect.Comparison;
import dev.bitbench.core.detect.Level;
import java.util.Objects;

/**
 * One row of a comparison as a report shows it: read from a {@code bitbench/comparison/v1} document
 * or taken from a {@link Comparison}. Numbers that do not apply are NaN.
 *
 * @param benchmarkId benchmark id; not null
 * @param metric metric name; not null
 * @param unit unit of both medians; not null
 * @param level the verdict; not null
 * @param baselineMedian baseline median, NaN for {@link Level#NEW}
 * @param currentMedian current median, NaN for {@link Level#MISSING}
 * @param changePct signed change of the value in percent, {@code (current / baseline - 1) * 100}
 * @param regressionPct change in the worse direction in percent; positive means worse
 * @param pAdjusted Benjamini-Hochberg adjusted p-value, NaN for threshold comparisons
 * @param note a short remark or null
 */
public record ComparisonEntry(
        String benchmarkId,
        String metric,
        String unit,
        Level level,
        double baselineMedian,
        double currentMedian,
        double changePct,
        double regressionPct,
        double pAdjusted,
        String note) {

    /** Validates the non-null fields. */
    public ComparisonEntry {
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(level, "level");
    }

    /** The row of a detector verdict. */
    public static ComparisonEntry of(Comparison c) {
        return new ComparisonEntry(
                c.benchmarkId(),
                c.metric(),
                c.unit(),
                c.level(),
                c.baselineMedian(),
                c.currentMedian(),
                c.changePct(),
                c.regressionPct(),
                c.pAdjusted(),
                c.note());
    }
}
