package dev.bitbench.report;

import dev.bitbench.core.result.RunResult;

/**
 * What a report is made of: a run, a comparison, trends from the history, or any mix (a run
 * directory with its {@code regression-analysis.json}, a run with the trends of its benchmarks). At
 * least one is present.
 *
 * @param run the run, or null when none is reported
 * @param comparison the comparison, or null when none was given
 * @param trends stored series with their change points, or null when none were asked for
 */
public record ReportInput(RunResult run, ComparisonSummary comparison, TrendSection trends) {

    /** Requires a run, a comparison or trends. */
    public ReportInput {
        if (run == null && comparison == null && trends == null) {
            throw new IllegalArgumentException("a report needs a run, a comparison or trends");
        }
    }

    /** A run and/or a comparison, without trends. */
    public ReportInput(RunResult run, ComparisonSummary comparison) {
        this(run, comparison, null);
    }

    /** A report of a run alone. */
    public static ReportInput of(RunResult run) {
        return new ReportInput(run, null);
    }

    /** This input with {@code section} as its trends. */
    public ReportInput withTrends(TrendSection section) {
        return new ReportInput(run, comparison, section);
    }

    /** The title of a report of this input: the run, else the comparison, else the trends. */
    public String title() {
        if (run != null) {
            return "BitBench run " + run.run().id();
        }
        return comparison != null ? "BitBench comparison" : "BitBench trends";
    }
}
