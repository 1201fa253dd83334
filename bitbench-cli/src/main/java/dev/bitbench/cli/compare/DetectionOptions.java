package dev.bitbench.cli.compare;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.InvalidThresholdsException;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.Thresholds;
import dev.bitbench.core.detect.ThresholdsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The detector options shared by {@code compare} and {@code check}: thresholds, seed and the gate. */
public final class DetectionOptions {

    @Option(
            names = "--thresholds",
            paramLabel = "FILE",
            description = "Thresholds file (JSON): per-kind warning/critical percents, per-benchmark globs,"
                    + " non-blocking metrics. See docs/detection.md.")
    Path thresholdsFile;

    @Option(
            names = "--threshold",
            paramLabel = "FRACTION",
            description = "Warning threshold for every metric as a fraction, e.g. 0.05 for 5%%.")
    Double threshold;

    @Option(
            names = "--fail-on-regression",
            description = "Exit with code 3 when a blocking CRITICAL regression is found.")
    boolean failOnRegression;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description = "Level that fails the check (implies --fail-on-regression): critical (default) or"
                    + " warning (WARNING counts too).")
    String failOn;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seed of the bootstrap (default: BITBENCH_SEED, else 42).")
    Long seed;

    /**
     * The detector settings: {@code base} thresholds unless a {@code --thresholds} file is given, then
     * {@code --threshold}; the seed from {@code --seed}, {@code BITBENCH_SEED} or 42.
     */
    public DetectorConfig config(Thresholds base) throws IOException {
        Thresholds thresholds = thresholdsFile == null ? base : readThresholds(thresholdsFile);
        if (threshold != null) {
            if (!Double.isFinite(threshold) || threshold < 0.0 || threshold > 1.0) {
                throw new UsageError(
                        "--threshold " + threshold + ": expected a fraction between 0 and 1, e.g. 0.05" + " for 5%");
            }
            thresholds = thresholds.withWarningFraction(threshold);
        }
        return DetectorConfig.defaults().withThresholds(thresholds).withSeed(seed());
    }

    /** Whether {@code --thresholds} was given (it replaces any thresholds stored in a baselines file). */
    public boolean hasThresholdsFile() {
        return thresholdsFile != null;
    }

    /** The level that fails the command, or {@code null} when no gate was asked for. */
    public Level gate() {
        if (failOn != null) {
            return switch (failOn.trim().toLowerCase(Locale.ROOT)) {
                case "critical" -> Level.CRITICAL;
                case "warning" -> Level.WARNING;
                default -> throw new UsageError("--fail-on " + failOn + ": expected critical or warning");
            };
        }
        return failOnRegression ? Level.CRITICAL : null;
    }

    private long seed() {
        if (seed != null) {
            return seed;
        }
        String env = System.getenv("BITBENCH_SEED");
        if (env == null || env.isBlank()) {
            return DetectorConfig.DEFAULT_SEED;
        }
        try {
            return Long.parseLong(env.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("BITBENCH_SEED=" + env + ": expected an integer seed, e.g. 42");
        }
    }

    /** Reads a thresholds file; a {@link UsageError} naming it when it is missing or invalid. */
    public static Thresholds readThresholds(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError(file + ": no such thresholds file");
        }
        try {
            return ThresholdsFile.parse(text);
        } catch (InvalidThresholdsException e) {
            throw new UsageError(file + ": " + e.getMessage());
        }
    }
}
