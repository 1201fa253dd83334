package dev.bitbench.cli.ab;

import dev.bitbench.core.ab.PairedComparison;
import java.util.Locale;

/** An {@code ab} report as a Markdown section for a pull-request comment or a job summary. */
public final class AbMarkdownFormat implements AbFormat {

    @Override
    public String render(AbReport r) {
        StringBuilder out = new StringBuilder();
        out.append("## A/B comparison (")
                .append(r.mode().name().toLowerCase(Locale.ROOT))
                .append(", ")
                .append(r.roundsCompleted())
                .append(" of ")
                .append(r.roundsPlanned())
                .append(" rounds")
                .append(r.partial() ? ", **partial**" : "")
                .append(")\n\n");
        out.append("A = `").append(AbHumanFormat.describe(r.baseline())).append("`  \n");
        out.append("B = `").append(AbHumanFormat.describe(r.candidate())).append("`\n\n");
        out.append("| level | benchmark | metric | B/A (median of ratios) | regression | 95% CI | p (BH) | pairs |\n");
        out.append("|---|---|---|---:|---:|---|---:|---:|\n");
        for (PairedComparison c : r.comparisons()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | `%s` | %s | %.4f | %s | [%s, %s] | %s | %d |%n",
                    c.level(),
                    c.benchmarkId(),
                    c.metric(),
                    c.medianRatio(),
                    AbFormat.pct(c.regressionPct()),
                    AbFormat.pct(c.regressionLowPct()),
                    AbFormat.pct(c.regressionHighPct()),
                    AbFormat.p(c.pAdjusted()),
                    c.rounds()));
        }
        out.append("\nRegression in percent, positive when B is worse; Wilcoxon signed-rank on the per-round log")
                .append(" ratios, Benjamini-Hochberg across metrics, bootstrap CI of the median ratio.\n");
        return out.toString();
    }
}
