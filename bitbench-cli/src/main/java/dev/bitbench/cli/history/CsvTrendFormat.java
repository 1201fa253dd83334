package dev.bitbench.cli.history;

import dev.bitbench.store.HistoryPoint;
import java.io.PrintWriter;
import java.util.List;

/** One CSV row per point (RFC 4180 quoting); change-point columns are filled on the first run after a change. */
final class CsvTrendFormat implements TrendFormat {
    @Override
    public void write(List<TrendSeries> series, boolean detected, PrintWriter out) {
        out.println("benchmark,metric,platform,unit,better,run_id,started,git_sha,git_branch,n,median,ci_low,ci_high,"
                + "change_point,change_worse_pct,change_p_value");
        for (TrendSeries s : series) {
            for (HistoryPoint p : s.points()) {
                TrendSeries.Change change = s.changes().stream()
                        .filter(c -> c.at() == p)
                        .findFirst()
                        .orElse(null);
                out.println(String.join(
                        ",",
                        quote(p.benchmarkId()),
                        quote(p.metric()),
                        quote(p.platform()),
                        quote(p.unit()),
                        p.better().json(),
                        quote(p.runId()),
                        p.started().toString(),
                        p.gitSha() == null ? "" : p.gitSha(),
                        p.gitBranch() == null ? "" : quote(p.gitBranch()),
                        Integer.toString(p.n()),
                        Double.toString(p.median()),
                        Double.toString(p.ciLow()),
                        Double.toString(p.ciHigh()),
                        change == null ? "false" : "true",
                        change == null ? "" : Double.toString(change.worsePercent(p.better())),
                        change == null ? "" : Double.toString(change.cp().pValue())));
            }
        }
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
