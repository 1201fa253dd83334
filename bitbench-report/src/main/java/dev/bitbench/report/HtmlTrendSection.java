package dev.bitbench.report;

import static dev.bitbench.report.HtmlText.escape;

import dev.bitbench.core.changepoint.ChangePoint;
import java.util.List;
import java.util.Locale;

/**
 * The trend section of {@code report.html}: a grid of line charts (one per series, at most {@link
 * TrendSection#MAX_CHARTS}, with a note naming how many were left out) whose change points the
 * page's script marks, and the table of every change point (date, commit, run, before → after,
 * change). Each chart container names its series by its index in the embedded JSON's {@code
 * trends.series}.
 */
final class HtmlTrendSection {
    private HtmlTrendSection() {}

    static void append(StringBuilder h, TrendSection trends) {
        List<TrendChart> charted = trends.charted();
        h.append("<section id=\"trends\"><h2>Trends</h2><p class=\"muted\">")
                .append(escape(trends.scope()))
                .append(" · ")
                .append(trends.series().size())
                .append(" series · ");
        h.append(
                trends.detected()
                        ? "change points by E-Divisive means (permutation test), marked with a red line"
                        : "change points not looked for");
        h.append("</p>\n");
        if (charted.size() < trends.series().size()) {
            h.append("<p class=\"note\" id=\"trend-cap\">Charts for ")
                    .append(charted.size())
                    .append(" of ")
                    .append(trends.series().size());
            h.append(" series (those with change points first); narrow the selection (--trend GLOB, --metric,"
                    + " --platform) to chart the others. The table below lists every change point.</p>\n");
        }
        h.append("<div class=\"trendgrid\">\n");
        for (TrendChart c : charted) {
            h.append("<div class=\"trendchart\" data-series=\"")
                    .append(trends.series().indexOf(c))
                    .append("\"></div>\n");
        }
        h.append("</div>\n");
        if (!trends.detected()) {
            h.append("</section>\n");
            return;
        }
        List<TrendSection.ChangeRow> rows = trends.changeRows();
        h.append("<h3>Change points (").append(rows.size()).append(")</h3>\n");
        if (rows.isEmpty()) {
            h.append("<p>No change point in any series.</p></section>\n");
            return;
        }
        h.append("<div class=\"tablewrap\"><table class=\"data\" id=\"changepoints\"><thead><tr>");
        for (String col : List.of(
                "date", "commit", "run", "benchmark", "metric", "platform", "before", "after", "unit", "change", "p")) {
            h.append("<th>").append(col).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (TrendSection.ChangeRow r : rows) {
            TrendChart c = r.chart();
            ChangePoint cp = r.change();
            TrendChart.Point at = c.at(cp);
            double worse = c.worsePercent(cp);
            h.append("<tr><td>").append(escape(at.startedSeconds())).append("</td><td><code>");
            h.append(escape(at.shortSha())).append("</code></td><td>").append(escape(at.runId()));
            h.append("</td><td>")
                    .append(escape(c.benchmarkId()))
                    .append("</td><td>")
                    .append(escape(c.metric()));
            h.append("</td><td>").append(escape(c.platform())).append("</td><td class=\"num\">");
            h.append(ReportNumbers.value(cp.meanBefore())).append("</td><td class=\"num\">");
            h.append(ReportNumbers.value(cp.meanAfter())).append("</td><td>").append(escape(c.unit()));
            h.append("</td><td class=\"num\"><span class=\"level level-")
                    .append(worse > 0 ? "CRITICAL" : "IMPROVEMENT");
            h.append("\">")
                    .append(escape(ReportNumbers.percent(100 * cp.magnitude())))
                    .append(worse > 0 ? " worse" : " better");
            h.append("</span></td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.3g", cp.pValue()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }
}
