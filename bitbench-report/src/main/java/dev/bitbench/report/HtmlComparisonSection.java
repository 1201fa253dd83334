package dev.bitbench.report;

import static dev.bitbench.report.HtmlText.escape;

import dev.bitbench.core.detect.Level;
import java.util.Comparator;
import java.util.List;

/** The comparison section of {@code report.html}: every row that is not STABLE, worst first. */
final class HtmlComparisonSection {
    private HtmlComparisonSection() {}

    static void append(StringBuilder h, ComparisonSummary comparison) {
        List<ComparisonEntry> changed = comparison.entries().stream()
                .filter(e -> e.level() != Level.STABLE)
                .sorted(Comparator.comparing(ComparisonEntry::level)
                        .thenComparing(Comparator.comparingDouble(ComparisonEntry::regressionPct)
                                .reversed()))
                .toList();
        h.append("<section id=\"comparison\"><h2>Comparison");
        if (comparison.baselineLabel() != null && comparison.currentLabel() != null) {
            h.append(" <span class=\"muted\">").append(escape(String.valueOf(comparison.baselineLabel())));
            h.append(" → ")
                    .append(escape(String.valueOf(comparison.currentLabel())))
                    .append("</span>");
        }
        h.append("</h2>");
        if (changed.isEmpty()) {
            h.append("<p>Every compared metric is stable (")
                    .append(comparison.entries().size())
                    .append(").</p>");
            h.append("</section>\n");
            return;
        }
        h.append("<div class=\"tablewrap\"><table class=\"data\"><thead><tr><th>level</th><th>benchmark</th>");
        h.append("<th>metric</th><th>baseline</th><th>current</th><th>unit</th><th>change</th></tr></thead><tbody>\n");
        for (ComparisonEntry e : changed) {
            h.append("<tr><td><span class=\"level level-")
                    .append(e.level().name())
                    .append("\">");
            h.append(e.level().name())
                    .append("</span></td><td>")
                    .append(escape(e.benchmarkId()))
                    .append("</td><td>");
            h.append(escape(e.metric()))
                    .append("</td><td class=\"num\">")
                    .append(ReportNumbers.value(e.baselineMedian()));
            h.append("</td><td class=\"num\">")
                    .append(ReportNumbers.value(e.currentMedian()))
                    .append("</td><td>");
            h.append(escape(e.unit()))
                    .append("</td><td class=\"num\">")
                    .append(escape(ReportNumbers.percent(e.changePct())));
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }
}
