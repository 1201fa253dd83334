package dev.bitbench.cli.compare;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.core.detect.ComparisonFormat;
import dev.bitbench.core.detect.ComparisonHumanFormat;
import dev.bitbench.core.detect.ComparisonJsonFormat;
import dev.bitbench.core.detect.ComparisonJunitFormat;
import dev.bitbench.core.detect.ComparisonMarkdownFormat;
import dev.bitbench.core.detect.ComparisonReport;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.result.AtomicFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where and how a comparison is written ({@code --format}, {@code --output}, {@code --no-color}), and its exit code. */
public final class ReportOutput {

    /** At most this many failing comparisons are listed on stderr. */
    static final int GATE_LINES = 20;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "human (default; aligned table), json (bitbench/comparison/v1), markdown (PR comment)"
                    + " or junit (XML; CRITICAL/WARNING are failures).")
    String format = "human";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--no-color", description = "No ANSI colours in the human format (also: NO_COLOR set).")
    boolean noColor;

    /** The formatter for {@code --format}; a {@link UsageError} for an unknown name. */
    public ComparisonFormat formatter() {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "human", "text" -> new ComparisonHumanFormat(colour());
            case "json" -> new ComparisonJsonFormat();
            case "markdown", "md" -> new ComparisonMarkdownFormat();
            case "junit", "xml" -> new ComparisonJunitFormat();
            default -> throw new UsageError("--format " + format + ": expected human, json, markdown or junit");
        };
    }

    /** Whether {@code --format} is Markdown (extra sections may be appended to the text). */
    public boolean isMarkdown() {
        String f = format.trim().toLowerCase(Locale.ROOT);
        return f.equals("markdown") || f.equals("md");
    }

    private boolean colour() {
        return output == null && !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }

    /**
     * Writes {@code text} (already rendered, so nothing is written when rendering fails) to {@code
     * --output} or {@code out}; with an output file, prints one summary line to {@code out}.
     */
    public void write(String text, ComparisonReport report, PrintWriter out) throws IOException {
        if (output == null) {
            out.print(text);
        } else {
            AtomicFileWriter.write(output, text);
            out.println("wrote " + output + ": " + summary(report));
        }
        out.flush();
    }

    /** The exit code: {@link ExitCodes#REGRESSION} when {@code gate} is set and a blocking comparison fails it. */
    public static int exitCode(ComparisonReport report, Level gate) {
        return gate != null && report.hasBlocking(gate) ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /** The counts of each level present, e.g. {@code 1 CRITICAL, 7 STABLE}. */
    public static String summary(ComparisonReport report) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Level, Integer> e : report.counts().entrySet()) {
            if (e.getValue() > 0) {
                parts.add(e.getValue() + " " + e.getKey().name());
            }
        }
        return report.comparisons().size() + " comparisons (" + (parts.isEmpty() ? "none" : String.join(", ", parts))
                + ")";
    }

    /**
     * Warns on {@code err} when the two sides share no benchmark metric (everything NEW or MISSING):
     * such a check passes without having compared anything, which usually means mismatched ids or
     * the wrong baselines.
     */
    public static void warnIfNothingCompared(ComparisonReport report, PrintWriter err) {
        int unpaired = report.count(Level.NEW) + report.count(Level.MISSING);
        if (!report.comparisons().isEmpty() && unpaired == report.comparisons().size()) {
            err.println("bitbench: warning: no benchmark metric is on both sides (" + report.count(Level.NEW) + " NEW, "
                    + report.count(Level.MISSING) + " MISSING); nothing was compared");
            err.flush();
        }
    }

    /** One line on stderr per blocking comparison when the gate fails, for CI logs. */
    public static void reportGate(ComparisonReport report, Level gate, PrintWriter err) {
        if (gate == null || !report.hasBlocking(gate)) {
            return;
        }
        var failing = report.blocking(gate);
        err.println("bitbench: " + failing.size() + " blocking regression" + (failing.size() == 1 ? "" : "s")
                + " at or above " + gate.name() + ":");
        failing.stream()
                .limit(GATE_LINES)
                .forEach(c -> err.println(String.format(
                        Locale.ROOT,
                        "  %s %s [%s]: %+.1f%% worse",
                        c.level().name(),
                        c.benchmarkId(),
                        c.metric(),
                        c.regressionPct())));
        if (failing.size() > GATE_LINES) {
            err.println("  ... and " + (failing.size() - GATE_LINES) + " more (see the report)");
        }
        err.flush();
    }
}
