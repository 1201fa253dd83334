package dev.bitbench.cli.history;

import static dev.bitbench.cli.history.HistoryShowCommand.number;

import dev.bitbench.store.HistoryPoint;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Terminal output: per series a sparkline of the medians, the latest median with its CI, and the change points. */
final class HumanTrendFormat implements TrendFormat {
    static final int WIDTH = 60;

    @Override
    public void write(List<TrendSeries> series, boolean detected, PrintWriter out) {
        if (series.isEmpty()) {
            out.println("no stored measurements match");
            return;
        }
        for (TrendSeries s : series) {
            HistoryPoint f = s.first();
            List<HistoryPoint> pts = s.points();
            HistoryPoint last = pts.get(pts.size() - 1);
            out.println(f.benchmarkId() + "  " + f.metric() + " [" + f.unit() + ", "
                    + f.better().json() + " is better]  " + f.platform() + "  " + pts.size() + " run"
                    + (pts.size() == 1 ? "" : "s"));
            out.println("  " + Sparkline.of(s.medians(), WIDTH) + "  latest " + number(last.median()) + " ["
                    + number(last.ciLow()) + ", " + number(last.ciHigh()) + "] " + last.unit() + " (" + last.runId()
                    + ")");
            if (detected) {
                if (s.changes().isEmpty()) {
                    out.println("  no change point");
                }
                for (TrendSeries.Change c : s.changes()) {
                    double worse = c.worsePercent(f.better());
                    out.println(String.format(
                            Locale.ROOT,
                            "  change at %s (%s, %s): %s %.1f%% (%s -> %s), p = %.3g",
                            c.at().runId(),
                            c.at().gitSha() == null
                                    ? "no commit"
                                    : c.at().gitSha().substring(0, 7),
                            c.at().started().toString().substring(0, 10),
                            worse > 0 ? "regression" : "improvement",
                            Math.abs(worse),
                            number(c.cp().meanBefore()),
                            number(c.cp().meanAfter()),
                            c.cp().pValue()));
                }
            }
        }
    }
}
