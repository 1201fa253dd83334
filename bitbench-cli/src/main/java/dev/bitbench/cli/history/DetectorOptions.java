package dev.bitbench.cli.history;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.changepoint.ChangePointDetector;
import picocli.CommandLine.Option;

/**
 * The change-point detector's options, shared by {@code trend} and {@code report --trend}:
 * {@code --min-segment}, {@code --p-value} and {@code --seed} (else {@code BITBENCH_SEED}, else 42).
 */
public final class DetectorOptions {
    @Option(
            names = "--min-segment",
            paramLabel = "N",
            defaultValue = "5",
            description = "Fewest runs on either side of a change point (default: ${DEFAULT-VALUE}).")
    int minSegment;

    @Option(
            names = "--p-value",
            paramLabel = "P",
            defaultValue = "0.01",
            description = "Significance level of a change point (default: ${DEFAULT-VALUE}).")
    double pValue;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed of the permutation test (default: $BITBENCH_SEED, else 42).")
    Long seed;

    /** The detector these options describe; a bad value is a {@link UsageError}. */
    public ChangePointDetector detector() {
        long s = seed != null ? seed : envSeed();
        try {
            // Enough permutations that the level can be reached twice over.
            int permutations = pValue > 0 && pValue < 1
                    ? (int) Math.max(ChangePointDetector.DEFAULT_PERMUTATIONS, Math.min(100_000, Math.ceil(2 / pValue)))
                    : ChangePointDetector.DEFAULT_PERMUTATIONS;
            return new ChangePointDetector(minSegment, pValue, permutations, s);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--min-segment/--p-value: " + e.getMessage());
        }
    }

    private static long envSeed() {
        String env = System.getenv("BITBENCH_SEED");
        if (env == null || env.isBlank()) {
            return ChangePointDetector.DEFAULT_SEED;
        }
        try {
            return Long.parseLong(env.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("BITBENCH_SEED '" + env + "' is not an integer");
        }
    }
}
