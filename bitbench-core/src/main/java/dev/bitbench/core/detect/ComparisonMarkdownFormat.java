package dev.bitbench.core.detect;

import dev.bitbench.core.Direction;
import java.util.List;

/**
 * The comparison as GitHub-flavoured Markdown, e.g. for a pull-request comment or a CI step summary:
 * a headline with the counts per level, a table of every comparison that is not {@code STABLE}
 * (regressions first), the stable ones in a collapsed {@code <details>} block, notes, and a legend.
 * Cells are the same as {@link ComparisonHumanFormat}'s; {@code |} in ids is escaped.
 */
public final class ComparisonMarkdownFormat implements ComparisonFormat {

    private static final String HEADER = "| Level | Benchmark | Metric | Better | Baseline | Current | Change"
            + " | Worse by [95% CI] | p (adj.) | Method |\n"
            + "|---|---|---|:-:|--:|--:|--:|--:|--:|---|\n";

    @Override
    public String format(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        int blocking = report.blocking(Level.CRITICAL).size();
        out.append("### BitBench regression check: ")
                .append(
                        blocking == 0
                                ? "no blocking regression"
                                : blocking + " blocking CRITICAL regression" + (blocking == 1 ? "" : "s"))
                .append("\n\n");
        out.append(ComparisonHumanFormat.headline(report)).append(".\n\n");
        List<Comparison> ordered = ComparisonHumanFormat.bySeverity(report.comparisons());
        List<Comparison> attention =
                ordered.stream().filter(c -> c.level() != Level.STABLE).toList();
        List<Comparison> stable =
                ordered.stream().filter(c -> c.level() == Level.STABLE).toList();
        if (!attention.isEmpty()) {
            out.append(HEADER);
            attention.forEach(c -> row(out, c));
            out.append('\n');
        }
        if (!stable.isEmpty()) {
            out.append("<details><summary>")
                    .append(stable.size())
                    .append(" stable comparison")
                    .append(stable.size() == 1 ? "" : "s")
                    .append("</summary>\n\n")
                    .append(HEADER);
            stable.forEach(c -> row(out, c));
            out.append("\n</details>\n\n");
        }
        List<Comparison> noted = ordered.stream().filter(c -> c.note() != null).toList();
        if (!noted.isEmpty()) {
            out.append("Notes:\n\n");
            for (Comparison c : noted) {
                out.append("- `")
                        .append(code(c.benchmarkId()))
                        .append("` ")
                        .append(escape(c.metric()))
                        .append(": ")
                        .append(escape(c.note()))
                        .append('\n');
            }
            out.append('\n');
        }
        out.append("<sub>")
                .append(escape(ComparisonHumanFormat.legend(report)
                        .replace("CHANGE", "Change")
                        .replace("WORSE BY", "Worse by")
                        .replace("P-ADJ", "p (adj.)")))
                .append("</sub>\n");
        return out.toString();
    }

    private static void row(StringBuilder out, Comparison c) {
        String level = switch (c.level()) {
            case CRITICAL -> "🔴 **CRITICAL**";
            case WARNING -> "🟠 **WARNING**";
            case IMPROVEMENT -> "🟢 IMPROVEMENT";
            case INCONCLUSIVE -> "⚪ INCONCLUSIVE";
            case NEW -> "🆕 NEW";
            case MISSING -> "❔ MISSING";
            case STABLE -> "STABLE";
        };
        out.append("| ")
                .append(level)
                .append(c.blocking() ? "" : " (non-blocking)")
                .append(" | `")
                .append(code(c.benchmarkId()))
                .append("` | ")
                .append(escape(c.metric()))
                .append(" | ")
                .append(c.direction() == Direction.HIGHER ? "↑" : "↓")
                .append(" | ")
                .append(escape(ComparisonHumanFormat.value(c.baselineMedian(), c.unit())))
                .append(" | ")
                .append(escape(ComparisonHumanFormat.value(c.currentMedian(), c.unit())))
                .append(" | ")
                .append(ComparisonHumanFormat.signedPercent(c.changePct()))
                .append(" | ")
                .append(ComparisonHumanFormat.worseBy(c))
                .append(" | ")
                .append(ComparisonHumanFormat.pValue(c.pAdjusted()))
                .append(" | ")
                .append(c.method().json())
                .append(" |\n");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\")
                .replace("|", "\\|")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\n", " ");
    }

    /** Inside backticks only the pipe needs escaping for the table. */
    private static String code(String s) {
        return s.replace("`", "'").replace("|", "\\|").replace("\n", " ");
    }
}
