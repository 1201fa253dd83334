package dev.bitbench.cli.ab;

import java.util.Locale;

/** One output format of an {@code ab} report. */
public interface AbFormat {

    /** The whole report as text, ending with a newline. */
    String render(AbReport report);

    /** The format named {@code human}, {@code json} or {@code markdown}. */
    static AbFormat named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "human" -> new AbHumanFormat();
            case "json" -> new AbJsonFormat();
            case "markdown", "md" -> new AbMarkdownFormat();
            default -> throw new dev.bitbench.cli.UsageError("--format " + name + ": expected human, json or markdown");
        };
    }

    /** {@code +5.1%}, {@code -0.3%}, or {@code n/a} for NaN. */
    static String pct(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", value);
    }

    /** A p-value with 3 significant digits, or {@code n/a}. */
    static String p(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3g", value);
    }
}
