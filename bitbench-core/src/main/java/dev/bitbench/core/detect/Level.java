package dev.bitbench.core.detect;

/**
 * The verdict on one benchmark metric; see {@link LevelDecision} for how it is reached. Written in
 * JSON by {@link #name()} ({@code "CRITICAL"}, ...).
 */
public enum Level {
    /** Worse by at least the critical threshold, and significant (or over it by threshold only). */
    CRITICAL,
    /** Worse by at least the warning threshold (below critical), and significant. */
    WARNING,
    /** Better by at least the warning threshold, and significant. */
    IMPROVEMENT,
    /** Within the warning threshold either way. */
    STABLE,
    /** Too noisy to tell: the confidence interval crosses the warning threshold. */
    INCONCLUSIVE,
    /** Only in the current input. */
    NEW,
    /** Only in the baseline input. */
    MISSING;

    /** Whether this level is a regression ({@link #CRITICAL} or {@link #WARNING}). */
    public boolean isRegression() {
        return this == CRITICAL || this == WARNING;
    }

    /**
     * Whether a comparison at this level fails a gate set at {@code failOn}: with {@code CRITICAL},
     * only {@code CRITICAL} fails; with {@code WARNING}, {@code WARNING} and {@code CRITICAL} fail.
     *
     * @throws IllegalArgumentException if {@code failOn} is neither {@code CRITICAL} nor {@code WARNING}
     */
    public boolean failsAt(Level failOn) {
        return switch (failOn) {
            case CRITICAL -> this == CRITICAL;
            case WARNING -> isRegression();
            default -> throw new IllegalArgumentException("fail-on level must be CRITICAL or WARNING, not " + failOn);
        };
    }
}
