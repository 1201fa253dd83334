package dev.bitbench.core.detect;

import dev.bitbench.core.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as an aligned plain-text table for a terminal: a summary line, one row per
 * comparison (regressions first, then inconclusive, improvements, new, missing, stable; report order
 * within a level), the notes, and a legend. With {@code colour}, the level cell is coloured with ANSI
 * escapes (red critical, yellow warning, green improvement, magenta inconclusive, cyan new/missing);
 * the caller enables it only on a terminal and never with {@code --no-color} or {@code NO_COLOR}.
 *
 * <p>Columns: level, benchmark, metric, better ({@code ↑} higher, {@code ↓} lower), baseline and
 * current medians with the unit, {@code change} (signed change of the median, {@code current /
 * baseline - 1}), {@code worse by} ({@code regression_pct}: positive when worse, whatever the
 * direction) with its 95 % interval, the adjusted p-value and the method. A {@code *} after the level
 * marks a non-blocking comparison; {@code [n]} refers to note n.
 */
public final class ComparisonHumanFormat implements ComparisonFormat {

    private static final String RESET = "\u001b[0m";
    private static final int LEGEND_WIDTH = 100;

    private final boolean colour;

    /** @param colour whether to colour the level cells with ANSI escapes */
    public ComparisonHumanFormat(boolean colour) {
        this.colour = colour;
    }

    @Override
    public String format(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        out.append(headline(report)).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "LEVEL",
            "BENCHMARK",
            "METRIC",
            "BETTER",
            "BASELINE",
            "CURRENT",
            "CHANGE",
            "WORSE BY [95% CI]",
            "P-ADJ",
            "METHOD"
        });
        List<String> notes = new ArrayList<>();
        List<Comparison> ordered = bySeverity(report.comparisons());
        for (Comparison c : ordered) {
            String metric = c.metric();
            if (c.note() != null) {
                notes.add(c.note());
                metric = metric + " [" + notes.size() + "]";
            }
            rows.add(new String[] {
                c.level().name() + (c.blocking() ? "" : "*"),
                c.benchmarkId(),
                metric,
                c.direction() == Direction.HIGHER ? "↑" : "↓",
                value(c.baselineMedian(), c.unit()),
                value(c.currentMedian(), c.unit()),
                signedPercent(c.changePct()),
                worseBy(c),
                pValue(c.pAdjusted()),
                c.method().json()
            });
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = pad(row[i], widths[i], i >= 4 && i <= 8);
                if (i == 0 && r > 0 && colour) {
                    cell = colourOf(ordered.get(r - 1).level()) + cell + RESET;
                }
                line.append(cell);
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (int i = 0; i < notes.size(); i++) {
                out.append('[').append(i + 1).append("] ").append(notes.get(i)).append('\n');
            }
        }
        out.append('\n').append(wrap(legend(report), LEGEND_WIDTH)).append('\n');
        return out.toString();
    }

    /** One line: total and the count of each level present, and the blocking regressions. */
    static String headline(ComparisonReport report) {
        StringBuilder s = new StringBuilder();
        s.append(report.comparisons().size()).append(" comparisons: ");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Level, Integer> e : report.counts().entrySet()) {
            if (e.getValue() > 0) {
                parts.add(e.getValue() + " " + e.getKey().name());
            }
        }
        s.append(parts.isEmpty() ? "none" : String.join(", ", parts));
        int blocking = report.blocking(Level.CRITICAL).size();
        s.append(blocking == 0 ? "; no blocking CRITICAL" : "; " + blocking + " blocking CRITICAL");
        return s.toString();
    }

    static String legend(ComparisonReport report) {
        DetectorConfig c = report.config();
        return "Legend: CHANGE is the signed change of the median (current/baseline - 1); WORSE BY is that change"
                + " in the worse direction (positive = worse, for ↑ higher-is-better and ↓ lower-is-better alike),"
                + " with its " + Math.round(c.confidenceLevel() * 100) + "% bootstrap interval; P-ADJ is the"
                + " Mann-Whitney p-value after Benjamini-Hochberg (significant at <= " + c.q() + "); method"
                + " 'threshold' means too few samples (< " + c.minSamples() + ") for statistics; * = non-blocking."
                + " Seed " + c.seed() + ".";
    }

    /** Comparisons ordered by how much attention they need, report order kept within a level. */
    static List<Comparison> bySeverity(List<Comparison> comparisons) {
        List<Comparison> out = new ArrayList<>(comparisons);
        out.sort(Comparator.comparingInt(c -> severity(c.level())));
        return out;
    }

    static int severity(Level level) {
        return switch (level) {
            case CRITICAL -> 0;
            case WARNING -> 1;
            case INCONCLUSIVE -> 2;
            case IMPROVEMENT -> 3;
            case NEW -> 4;
            case MISSING -> 5;
            case STABLE -> 6;
        };
    }

    /** A median with four significant digits and its unit, or {@code -} when absent. */
    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "-";
        }
        String number;
        double a = Math.abs(v);
        if (v == 0.0) {
            number = "0";
        } else if (a >= 1e6 || a < 1e-3) {
            number = String.format(Locale.ROOT, "%.3e", v);
        } else {
            number = new BigDecimal(v)
                    .round(new MathContext(4))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return unit.isEmpty() ? number : number + " " + unit;
    }

    static String signedPercent(double pct) {
        if (Double.isNaN(pct)) {
            return "-";
        }
        if (Double.isInfinite(pct)) {
            return pct > 0 ? "+inf%" : "-inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", pct);
    }

    static String worseBy(Comparison c) {
        String pct = signedPercent(c.regressionPct());
        double[] interval = c.regressionInterval();
        if (interval == null) {
            return pct;
        }
        return pct + String.format(Locale.ROOT, " [%+.1f, %+.1f]", interval[0], interval[1]);
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Breaks {@code text} into lines of at most {@code width} characters at spaces. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > width) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    private static String colourOf(Level level) {
        return switch (level) {
            case CRITICAL -> "\u001b[1;31m";
            case WARNING -> "\u001b[33m";
            case IMPROVEMENT -> "\u001b[32m";
            case INCONCLUSIVE -> "\u001b[35m";
            case NEW, MISSING -> "\u001b[36m";
            case STABLE -> "";
        };
    }
}
