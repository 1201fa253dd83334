package dev.bitbench.store;

import dev.bitbench.core.result.RunStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored run as {@link RunStore#list} shows it, without its benchmarks.
 *
 * @param id run id
 * @param started when the run started
 * @param finished when it finished
 * @param profile profile or importing tool
 * @param status outcome
 * @param platform platform key, e.g. {@code linux-x86_64}
 * @param host fingerprint of the machine (16 hex digits; equal for the same OS, CPU and memory)
 * @param jdk vendor and version of the JVM that measured
 * @param gitSha commit, or {@code null} when unknown
 * @param gitBranch branch, or {@code null} when unknown
 * @param gitDirty whether the tree had changes, or {@code null} when unknown
 * @param tags the run's tags, by key
 * @param benchmarks number of benchmarks in the run
 */
public record RunSummary(
        String id,
        Instant started,
        Instant finished,
        String profile,
        RunStatus status,
        String platform,
        String host,
        String jdk,
        String gitSha,
        String gitBranch,
        Boolean gitDirty,
        Map<String, String> tags,
        int benchmarks) {

    /** Copies the tags, keeping their order. */
    public RunSummary {
        Objects.requireNonNull(id, "id");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
