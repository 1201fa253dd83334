package dev.bitbench.cli.ab;

import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.detect.Level;
import java.util.Locale;

/** The terminal summary of an {@code ab} report: one line per benchmark metric, then the totals. */
public final class AbHumanFormat implements AbFormat {

    @Override
    public String render(AbReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "A/B %s, profile %s, seed %d: %d of %d rounds%s%n",
                r.mode().name().toLowerCase(Locale.ROOT),
                r.profile(),
                r.seed(),
                r.roundsCompleted(),
                r.roundsPlanned(),
                r.partial() ? " (PARTIAL: stopped early, verdict on the rounds done)" : ""));
        out.append("  A = ").append(describe(r.baseline())).append('\n');
        out.append("  B = ").append(describe(r.candidate())).append('\n');
        int idWidth = r.comparisons().stream()
                .mapToInt(c -> c.benchmarkId().length() + c.metric().length() + 3)
                .max()
                .orElse(10);
        for (PairedComparison c : r.comparisons()) {
            String name = c.benchmarkId() + " [" + c.metric() + "]";
            out.append(String.format(
                    Locale.ROOT,
                    "%-12s %-" + idWidth + "s B/A %.4f  %s  CI [%s, %s]  p %s  (%d pairs)%n",
                    c.level(),
                    name,
                    c.medianRatio(),
                    AbFormat.pct(c.regressionPct()),
                    AbFormat.pct(c.regressionLowPct()),
                    AbFormat.pct(c.regressionHighPct()),
                    AbFormat.p(c.pAdjusted()),
                    c.rounds()));
        }
        out.append(String.format(
                Locale.ROOT,
                "%d critical, %d warning, %d improvement, %d stable, %d inconclusive; %% is regression"
                        + " (positive = B worse)%n",
                r.count(Level.CRITICAL),
                r.count(Level.WARNING),
                r.count(Level.IMPROVEMENT),
                r.count(Level.STABLE),
                r.count(Level.INCONCLUSIVE)));
        return out.toString();
    }

    static String describe(Version v) {
        return v.describe();
    }
}
