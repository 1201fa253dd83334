package dev.bitbench.cli.history;

import static dev.bitbench.cli.history.HistoryShowCommand.number;

import dev.bitbench.store.HistoryPoint;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Markdown: per series a heading, the sparkline, a table of the medians with CIs, and the change points. */
final class MarkdownTrendFormat implements TrendFormat {
    @Override
    public void write(List<TrendSeries> series, boolean detected, PrintWriter out) {
        out.println("# Trends");
        if (series.isEmpty()) {
            out.println();
            out.println("No stored measurements match.");
        }
        for (TrendSeries s : series) {
            HistoryPoint f = s.first();
            out.println();
            out.println("## `" + f.benchmarkId() + "` " + f.metric() + " (" + f.unit() + ", " + f.platform() + ")");
            out.println();
            out.println("`" + Sparkline.of(s.medians(), HumanTrendFormat.WIDTH) + "`");
            out.println();
            out.println("| run | started | commit | median | 95% CI | n |");
            out.println("|---|---|---|---:|---|---:|");
            for (HistoryPoint p : s.points()) {
                out.println("| " + cell(p.runId()) + " | " + p.started() + " | "
                        + (p.gitSha() == null ? "" : p.gitSha().substring(0, 7)) + " | " + number(p.median()) + " | ["
                        + number(p.ciLow()) + ", " + number(p.ciHigh()) + "] | " + p.n() + " |");
            }
            if (detected) {
                out.println();
                if (s.changes().isEmpty()) {
                    out.println("No change point.");
                }
                for (TrendSeries.Change c : s.changes()) {
                    double worse = c.worsePercent(f.better());
                    out.println(String.format(
                            Locale.ROOT,
                            "- **%s %.1f%%** at run %s (%s, %s), p = %.3g",
                            worse > 0 ? "Regression" : "Improvement",
                            Math.abs(worse),
                            cell(c.at().runId()),
                            c.at().gitSha() == null
                                    ? "no commit"
                                    : c.at().gitSha().substring(0, 7),
                            c.at().started(),
                            c.cp().pValue()));
                }
            }
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
