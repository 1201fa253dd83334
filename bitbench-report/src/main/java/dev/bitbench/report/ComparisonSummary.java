package dev.bitbench.report;

import dev.bitbench.core.detect.ComparisonReport;
import dev.bitbench.core.detect.Level;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A comparison of a baseline with a current input as the reports use it.
 *
 * @param entries every comparison row, in input order
 * @param baselineLabel what the baseline was (a commit sha, a run id, a file name), or null when
 *     unknown; named in the bisect recommendation
 * @param currentLabel what the current side was, or null when unknown
 */
public record ComparisonSummary(List<ComparisonEntry> entries, String baselineLabel, String currentLabel) {

    /** Copies the entries. */
    public ComparisonSummary {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** The summary of a detector report. */
    public static ComparisonSummary of(ComparisonReport report, String baselineLabel, String currentLabel) {
        return new ComparisonSummary(
                report.comparisons().stream().map(ComparisonEntry::of).toList(), baselineLabel, currentLabel);
    }

    /** The number of rows per level; every level present, zero included, in enum order. */
    public Map<Level, Integer> counts() {
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            counts.put(level, 0);
        }
        entries.forEach(e -> counts.merge(e.level(), 1, Integer::sum));
        return counts;
    }

    /** The regressions (CRITICAL, WARNING), worst first, at most {@code limit}. */
    public List<ComparisonEntry> worstRegressions(int limit) {
        return entries.stream()
                .filter(e -> e.level().isRegression() && !Double.isNaN(e.regressionPct()))
                .sorted(Comparator.comparingDouble(ComparisonEntry::regressionPct)
                        .reversed())
                .limit(limit)
                .toList();
    }

    /** The improvements, best first, at most {@code limit}. */
    public List<ComparisonEntry> bestImprovements(int limit) {
        return entries.stream()
                .filter(e -> e.level() == Level.IMPROVEMENT && !Double.isNaN(e.regressionPct()))
                .sorted(Comparator.comparingDouble(ComparisonEntry::regressionPct))
                .limit(limit)
                .toList();
    }
}
