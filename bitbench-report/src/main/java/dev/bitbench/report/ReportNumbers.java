package dev.bitbench.report;

import java.util.Locale;

/** Number spellings shared by the text formats; locale-independent ({@code .} as decimal point). */
final class ReportNumbers {
    private ReportNumbers() {}

    /** Four significant digits, e.g. {@code 12.35}, {@code 1.235e+06}; empty for NaN. */
    static String value(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    /** A ratio as {@code 2.05x}. */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    /** A signed percentage as {@code +12.3%}; {@code n/a} for NaN, {@code inf} for infinities. */
    static String percent(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (Double.isInfinite(p)) {
            return p > 0 ? "+inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }
}
