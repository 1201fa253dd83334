package dev.bitbench.report;

import dev.bitbench.core.changepoint.ChangePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The trend part of a report: stored series of the history, with their change points. The HTML
 * charts at most {@value #MAX_CHARTS} of them (those with change points first, the biggest change
 * first, then in the given order) and says how many it left out; the change-point table and the
 * JSON cover every series.
 *
 * @param scope what was selected, for a person, e.g. {@code benchmarks 'kernels.*', platform
 *     linux-x86_64}
 * @param series the series in the store's order (benchmark, metric, platform); not empty
 * @param detected whether change points were looked for (so "none found" can be told from "not
 *     looked for")
 */
public record TrendSection(String scope, List<TrendChart> series, boolean detected) {

    /** Most series drawn as charts: {@value}. */
    public static final int MAX_CHARTS = 36;

    /**
     * A row of the change-point table.
     *
     * @param chart the series
     * @param change the change point
     */
    public record ChangeRow(TrendChart chart, ChangePoint change) {}

    /** Validates the scope and that there is a series. */
    public TrendSection {
        Objects.requireNonNull(scope, "scope");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a trend section needs at least one series");
        }
    }

    /** The series drawn as charts, in drawing order: at most {@value #MAX_CHARTS}. */
    public List<TrendChart> charted() {
        List<TrendChart> ordered = new ArrayList<>(series);
        ordered.sort(Comparator.comparing((TrendChart c) -> c.changes().isEmpty())
                .thenComparing(
                        Comparator.comparingDouble(TrendSection::biggestChange).reversed()));
        return List.copyOf(ordered.subList(0, Math.min(MAX_CHARTS, ordered.size())));
    }

    /** Every change point of every series, newest first. */
    public List<ChangeRow> changeRows() {
        List<ChangeRow> rows = new ArrayList<>();
        for (TrendChart c : series) {
            c.changes().forEach(cp -> rows.add(new ChangeRow(c, cp)));
        }
        rows.sort(Comparator.comparing((ChangeRow r) -> r.chart().at(r.change()).started())
                .reversed());
        return rows;
    }

    private static double biggestChange(TrendChart c) {
        return c.changes().stream()
                .mapToDouble(cp -> Math.abs(cp.magnitude()))
                .filter(Double::isFinite)
                .max()
                .orElse(0);
    }
}
