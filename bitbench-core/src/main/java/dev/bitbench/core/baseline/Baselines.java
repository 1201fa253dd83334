package dev.bitbench.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.detect.Thresholds;
import dev.bitbench.core.detect.ThresholdsFile;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content of a {@code baselines.json}: reference values per platform key and the thresholds to
 * judge against them. Read and write it with {@link BaselinesJson}.
 *
 * @param platforms platform key (e.g. {@code linux-x86_64}) to its baselines, sorted by key
 * @param thresholds the thresholds document as stored (the form {@link ThresholdsFile} reads), or
 *     {@code null} when the file has none; kept as a tree so a rewrite preserves it exactly
 */
public record Baselines(Map<String, PlatformBaseline> platforms, JsonNode thresholds) {

    /** Validates platform keys, and the thresholds by parsing them; copies. */
    public Baselines {
        Objects.requireNonNull(platforms, "platforms");
        platforms.forEach((k, v) -> {
            if (k == null || !k.matches(PLATFORM_PATTERN)) {
                throw new IllegalArgumentException(
                        "platform key must look like linux-x86_64 (<os>-<arch>), was '" + k + "'");
            }
            Objects.requireNonNull(v, () -> "platform " + k);
        });
        platforms = Collections.unmodifiableMap(new TreeMap<>(platforms));
        if (thresholds != null) {
            ThresholdsFile.fromJson(thresholds);
            thresholds = thresholds.deepCopy();
        }
    }

    /** What a platform key looks like: {@code <os>-<arch>}, lower case. */
    public static final String PLATFORM_PATTERN = "[a-z0-9]+-[a-z0-9_]+";

    /** No platforms and no thresholds. */
    public static Baselines empty() {
        return new Baselines(Map.of(), null);
    }

    /** The baselines of {@code platform}, if the file has them. */
    public Optional<PlatformBaseline> platform(String platform) {
        return Optional.ofNullable(platforms.get(platform));
    }

    /** The platform keys, sorted. */
    public Set<String> platformKeys() {
        return platforms.keySet();
    }

    /** The thresholds of this file, or the defaults when it has none. */
    public Thresholds parsedThresholds() {
        return thresholds == null ? Thresholds.defaults() : ThresholdsFile.fromJson(thresholds);
    }

    /** These baselines with {@code platform} set to {@code baseline} (replacing any previous one). */
    public Baselines with(String platform, PlatformBaseline baseline) {
        Map<String, PlatformBaseline> copy = new TreeMap<>(platforms);
        copy.put(platform, baseline);
        return new Baselines(copy, thresholds);
    }
}
