package dev.bitbench.report;

import dev.bitbench.core.result.RunResult;

/**
 * What a report is made of: a run, a comparison, or both (a run directory with its {@code
 * regression-analysis.json}). At least one is present.
 *
 * @param run the run, or null when only a comparison is reported
 * @param comparison the comparison, or null when none was given
 */
public record ReportInput(RunResult run, ComparisonSummary comparison) {

    /** Requires a run or a comparison. */
    public ReportInput {
        if (run == null && comparison == null) {
            throw new IllegalArgumentException("a report needs a run or a comparison");
        }
    }

    /** A report of a run alone. */
    public static ReportInput of(RunResult run) {
        return new ReportInput(run, null);
    }
}
