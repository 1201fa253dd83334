package dev.bitbench.report;

import java.util.Objects;

/**
 * One piece of advice derived from the data: what was seen and what to do about it.
 *
 * @param rule short name of the rule that fired, e.g. {@code high-variation}
 * @param seen what the data shows, naming benchmarks and numbers
 * @param action what to do
 */
public record Recommendation(String rule, String seen, String action) {

    /** Requires every field. */
    public Recommendation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(action, "action");
    }
}
