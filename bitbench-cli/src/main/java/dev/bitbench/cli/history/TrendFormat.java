package dev.bitbench.cli.history;

import java.io.PrintWriter;
import java.util.List;

/** One output format of {@code bitbench trend}. */
interface TrendFormat {
    /**
     * Writes the series.
     *
     * @param detected whether change points were looked for (so "none found" can be said)
     */
    void write(List<TrendSeries> series, boolean detected, PrintWriter out);

    static TrendFormat named(String name) {
        return switch (name) {
            case "human" -> new HumanTrendFormat();
            case "json" -> new JsonTrendFormat();
            case "csv" -> new CsvTrendFormat();
            case "markdown", "md" -> new MarkdownTrendFormat();
            default ->
                throw new dev.bitbench.cli.UsageError(
                        "--format '" + name + "' is not a trend format: expected human, json, csv or markdown");
        };
    }
}
