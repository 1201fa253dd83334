package dev.bitbench.report;

import static dev.bitbench.report.MarkdownReportFormat.text;

import dev.bitbench.core.changepoint.ChangePoint;
import java.util.List;
import java.util.Locale;

/**
 * The trend section of the Markdown report: one row per series (runs, first and last median, range,
 * change points), at most {@value #MAX_ROWS} rows, then every change point with its date, commit,
 * run, means before and after, and change.
 */
final class MarkdownTrendSection {
    /** Most series listed: {@value}. */
    static final int MAX_ROWS = 100;

    private MarkdownTrendSection() {}

    static void append(StringBuilder md, TrendSection trends) {
        md.append(md.toString().endsWith("\n\n") ? "" : "\n")
                .append("## Trends\n\n")
                .append(text(trends.scope()))
                .append(": ");
        md.append(trends.series().size()).append(" series");
        md.append(trends.detected() ? ", change points by E-Divisive means." : ", change points not looked for.");
        md.append("\n\n| benchmark | metric | platform | runs | first | last | min | max | unit | change points |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---|---:|\n");
        List<TrendChart> series = trends.series();
        for (TrendChart c : series.subList(0, Math.min(MAX_ROWS, series.size()))) {
            double[] medians =
                    c.points().stream().mapToDouble(TrendChart.Point::median).toArray();
            md.append("| ")
                    .append(text(c.benchmarkId()))
                    .append(" | ")
                    .append(text(c.metric()))
                    .append(" | ");
            md.append(text(c.platform())).append(" | ").append(medians.length).append(" | ");
            md.append(ReportNumbers.value(medians[0])).append(" | ");
            md.append(ReportNumbers.value(medians[medians.length - 1])).append(" | ");
            md.append(ReportNumbers.value(java.util.Arrays.stream(medians).min().orElseThrow()))
                    .append(" | ");
            md.append(ReportNumbers.value(java.util.Arrays.stream(medians).max().orElseThrow()))
                    .append(" | ");
            md.append(text(c.unit()))
                    .append(" | ")
                    .append(trends.detected() ? c.changes().size() : "")
                    .append(" |\n");
        }
        if (series.size() > MAX_ROWS) {
            md.append("\n").append(series.size() - MAX_ROWS).append(" more series not listed.\n");
        }
        if (!trends.detected()) {
            return;
        }
        List<TrendSection.ChangeRow> rows = trends.changeRows();
        md.append("\n### Change points\n\n");
        if (rows.isEmpty()) {
            md.append("No change point in any series.\n");
            return;
        }
        md.append("| date | commit | run | benchmark | metric | platform | before → after | change | p |\n");
        md.append("|---|---|---|---|---|---|---|---:|---:|\n");
        for (TrendSection.ChangeRow r : rows) {
            TrendChart c = r.chart();
            ChangePoint cp = r.change();
            TrendChart.Point at = c.at(cp);
            double worse = c.worsePercent(cp);
            md.append("| ")
                    .append(at.startedSeconds())
                    .append(" | ")
                    .append(text(at.shortSha()))
                    .append(" | ");
            md.append(text(at.runId()))
                    .append(" | ")
                    .append(text(c.benchmarkId()))
                    .append(" | ");
            md.append(text(c.metric())).append(" | ").append(text(c.platform())).append(" | ");
            md.append(ReportNumbers.value(cp.meanBefore())).append(" → ").append(ReportNumbers.value(cp.meanAfter()));
            md.append(' ').append(text(c.unit())).append(" | ");
            md.append(ReportNumbers.percent(100 * cp.magnitude())).append(worse > 0 ? " worse" : " better");
            md.append(" | ")
                    .append(String.format(Locale.ROOT, "%.3g", cp.pValue()))
                    .append(" |\n");
        }
    }
}
