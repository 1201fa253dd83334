package dev.bitbench.core.result;

import java.util.Objects;

/**
 * The continuous-integration system a run executed in, JSON {@code {"provider", "run_url"}}.
 *
 * @param provider {@code github-actions}, {@code gitlab-ci}, {@code jenkins} or {@code generic}
 *     (any other system that sets {@code CI=true}); not blank
 * @param runUrl link to the CI job or run, or {@code null} when the provider does not expose one
 */
public record CiInfo(String provider, String runUrl) {

    /** Validates that the provider is named. */
    public CiInfo {
        Objects.requireNonNull(provider, "provider");
        if (provider.isBlank()) {
            throw new IllegalArgumentException("ci provider must not be blank");
        }
    }
}
