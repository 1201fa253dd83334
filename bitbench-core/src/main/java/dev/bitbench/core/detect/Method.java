package dev.bitbench.core.detect;

import java.util.Locale;

/** How a comparison reached its level. Written in JSON by {@link #json()}. */
public enum Method {
    /** Bootstrap CI of the ratio of medians, Mann-Whitney U, Benjamini-Hochberg. */
    STATISTICAL,
    /** Medians against the thresholds only: too few samples on a side (or a single-number baseline). */
    THRESHOLD,
    /** Nothing compared: the metric is {@link Level#NEW} or {@link Level#MISSING}. */
    NONE;

    /** {@code "statistical"}, {@code "threshold"} or {@code "none"}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
