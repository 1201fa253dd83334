package dev.bitbench.core.result;

/**
 * A two-sided confidence interval, JSON {@code {"level", "low", "high"}}.
 *
 * @param level nominal confidence level, in the open interval {@code (0, 1)}, e.g. {@code 0.95}
 * @param low lower bound, finite
 * @param high upper bound, finite and {@code >= low}
 */
public record ConfidenceInterval(double level, double low, double high) {

    /** Validates the ranges above. */
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("ci level must be in (0, 1), was " + level);
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException(
                    "ci bounds must be finite with low <= high, were [" + low + ", " + high + "]");
        }
    }
}
