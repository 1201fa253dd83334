package dev.bitbench.store;

import java.time.Duration;
import java.time.Instant;

/**
 * How long {@link RunStore#prune} keeps runs: runs tagged {@code release} (the tag key, whatever its
 * value) for {@code keepReleaseDays}, every other run for {@code keepDays}, counted back from "now"
 * to the run's start.
 *
 * @param keepDays days to keep ordinary runs, {@code >= 0}
 * @param keepReleaseDays days to keep runs tagged {@code release}, {@code >= 0}
 */
public record RetentionPolicy(int keepDays, int keepReleaseDays) {

    /** The tag that marks a release run: {@value}. */
    public static final String RELEASE_TAG = "release";

    /** Validates the ranges. */
    public RetentionPolicy {
        if (keepDays < 0 || keepReleaseDays < 0) {
            throw new IllegalArgumentException(
                    "retention days must be >= 0, were " + keepDays + " and " + keepReleaseDays);
        }
    }

    /** 90 days, and 365 for releases. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(90, 365);
    }

    /** Runs started before this instant are removed unless tagged release. */
    Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(keepDays));
    }

    /** Release runs started before this instant are removed. */
    Instant releaseCutoff(Instant now) {
        return now.minus(Duration.ofDays(keepReleaseDays));
    }
}
