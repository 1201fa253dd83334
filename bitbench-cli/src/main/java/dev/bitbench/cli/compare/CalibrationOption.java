package dev.bitbench.cli.compare;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.ab.CalibrationLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --calibration FILE} option of {@code check} and {@code ab}: the {@code calibration.json}
 * of {@code bitbench calibrate}, by default {@code <results>/calibration.json} (where {@code
 * calibrate} writes it; {@code results} is {@code BITBENCH_RESULTS} or {@code bitbench-results})
 * when that file exists. The command then warns when a threshold is finer than what the calibration
 * says this machine resolves: one line on stderr, and a section in Markdown output.
 */
public final class CalibrationOption {

    /** The file name {@code calibrate} writes: {@value}. */
    public static final String FILE_NAME = "calibration.json";

    /** How many shortfalls the stderr line names before "and N more". */
    static final int NAMED = 3;

    @Option(
            names = "--calibration",
            paramLabel = "FILE",
            description = "calibration.json of `bitbench calibrate`: warn when a threshold is below the minimum"
                    + " detectable effect it records (default: BITBENCH_RESULTS/calibration.json, else"
                    + " bitbench-results/calibration.json, when present).")
    Path file;

    /** The default file: {@code <results>/calibration.json}. */
    public static Path defaultFile() {
        String env = System.getenv("BITBENCH_RESULTS");
        return Path.of(env == null || env.isBlank() ? "bitbench-results" : env).resolve(FILE_NAME);
    }

    /**
     * The calibration, or {@code null} when no file was named and the default one does not exist.
     *
     * @throws UsageError if the named (or default) file is not a readable calibration
     */
    public CalibrationLimits load() throws IOException {
        return load(file, defaultFile());
    }

    static CalibrationLimits load(Path named, Path fallback) throws IOException {
        Path path = named != null ? named : fallback;
        if (named == null && !Files.isRegularFile(path)) {
            return null;
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError("--calibration " + path + ": no such file (write one with `bitbench calibrate`)");
        }
        try {
            return CalibrationLimits.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(path + ": " + e.getMessage());
        }
    }

    /** One line on {@code err} naming the first shortfalls; nothing when there are none. */
    public static void warn(List<CalibrationLimits.Shortfall> shortfalls, CalibrationLimits limits, PrintWriter err) {
        if (shortfalls.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        line.append(String.format(
                Locale.ROOT,
                "bitbench: warning: %d threshold%s below what this machine resolved in calibration (%d rounds): ",
                shortfalls.size(),
                shortfalls.size() == 1 ? " is" : "s are",
                limits.rounds()));
        for (int i = 0; i < Math.min(NAMED, shortfalls.size()); i++) {
            line.append(i == 0 ? "" : "; ").append(describe(shortfalls.get(i), limits));
        }
        if (shortfalls.size() > NAMED) {
            line.append("; and ").append(shortfalls.size() - NAMED).append(" more");
        }
        err.println(line);
        err.flush();
    }

    /** A Markdown section listing every shortfall; empty text when there are none. */
    public static String markdown(List<CalibrationLimits.Shortfall> shortfalls, CalibrationLimits limits) {
        if (shortfalls.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%n> **Warning:** %d threshold%s below the minimum detectable effect (MDE) that `bitbench"
                        + " calibrate` measured on this machine with %d rounds; a regression of that size can go"
                        + " undetected.%n%n",
                shortfalls.size(),
                shortfalls.size() == 1 ? " is" : "s are",
                limits.rounds()));
        out.append("| benchmark | metric | warning threshold | MDE | rounds needed |\n");
        out.append("|---|---|---:|---:|---:|\n");
        for (CalibrationLimits.Shortfall s : shortfalls) {
            out.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %s | %s | %s | %d |%n",
                    s.benchmarkId(),
                    s.metric(),
                    pct(s.thresholdPercent()),
                    mde(s, limits),
                    s.roundsNeeded()));
        }
        return out.toString();
    }

    private static String describe(CalibrationLimits.Shortfall s, CalibrationLimits limits) {
        return String.format(
                Locale.ROOT,
                "%s %s threshold %s < MDE %s, needs ~%d rounds",
                s.benchmarkId(),
                s.metric(),
                pct(s.thresholdPercent()),
                mde(s, limits),
                s.roundsNeeded());
    }

    private static String mde(CalibrationLimits.Shortfall s, CalibrationLimits limits) {
        return Double.isNaN(s.mdePercent()) ? "> " + pct(limits.largestShiftPercent()) : pct(s.mdePercent());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f%%" : "%.1f%%", v);
    }
}
