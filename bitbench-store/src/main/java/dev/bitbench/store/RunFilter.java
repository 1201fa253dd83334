package dev.bitbench.store;

import java.time.Instant;

/**
 * Which stored runs {@link RunStore#list} returns, newest first.
 *
 * @param platform only runs of this platform key (e.g. {@code linux-x86_64}), or {@code null} for
 *     any
 * @param branch only runs measured on this git branch, or {@code null} for any
 * @param since only runs started at or after this instant, or {@code null} for any
 * @param limit at most this many runs, {@code >= 1}
 */
public record RunFilter(String platform, String branch, Instant since, int limit) {

    /** The default limit of {@link #all()}: {@value}. */
    public static final int DEFAULT_LIMIT = 20;

    /** Validates the limit. */
    public RunFilter {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} runs of any platform and branch. */
    public static RunFilter all() {
        return new RunFilter(null, null, null, DEFAULT_LIMIT);
    }

    /** This filter with another limit. */
    public RunFilter withLimit(int value) {
        return new RunFilter(platform, branch, since, value);
    }
}
