package dev.bitbench.core.imports;

import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.SystemInfo;
import dev.bitbench.core.system.PlatformKey;
import dev.bitbench.core.system.SystemInfoCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one import.
 *
 * @param system the machine to record for the imported run when the input does not describe it;
 *     fields the input does record (JMH's JVM, Google Benchmark's CPU count, llama-bench's CPU
 *     model) replace the corresponding ones. The CLI passes the importing machine, collected in
 *     full; {@link #defaults()} uses a cheap description from the JVM's system properties.
 * @param platform the platform key to record instead of {@code system.platform()} (baselines are
 *     keyed by it), e.g. {@code linux-x86_64}, or {@code null} to keep the system's
 * @param criterionBaseline the Criterion.rs baseline directory to read in every benchmark
 *     directory: {@code new} (the latest run, the default), {@code base}, or a name given to {@code
 *     --save-baseline}; a single path segment
 */
public record ImportOptions(SystemInfo system, String platform, String criterionBaseline) {

    /** Criterion's directory of the most recent measurement: {@value}. */
    public static final String CRITERION_LATEST = "new";

    /** Validates the platform key and the baseline name. */
    public ImportOptions {
        Objects.requireNonNull(system, "system");
        if (platform != null && !platform.matches("[a-z0-9]+-[a-z0-9_]+")) {
            throw new IllegalArgumentException(
                    "platform must look like <os>-<arch>, e.g. linux-x86_64, was '" + platform + "'");
        }
        Objects.requireNonNull(criterionBaseline, "criterionBaseline");
        if (criterionBaseline.isBlank()
                || criterionBaseline.contains("/")
                || criterionBaseline.contains("\\")
                || criterionBaseline.equals(".")
                || criterionBaseline.equals("..")) {
            throw new IllegalArgumentException("Criterion baseline must be a directory name such as 'new' or 'base',"
                    + " was '" + criterionBaseline + "'");
        }
    }

    /** Options for this system with no overrides. */
    public static ImportOptions of(SystemInfo system) {
        return new ImportOptions(system, null, CRITERION_LATEST);
    }

    /** Defaults: the JVM's cheap description of this machine, no overrides, baseline {@code new}. */
    public static ImportOptions defaults() {
        return of(describeFromJvm());
    }

    /** The same options with another platform key ({@code null}: keep the system's). */
    public ImportOptions withPlatform(String key) {
        return new ImportOptions(system, key, criterionBaseline);
    }

    /** The same options reading another Criterion baseline. */
    public ImportOptions withCriterionBaseline(String name) {
        return new ImportOptions(system, platform, name);
    }

    /** The platform key to record. */
    public String effectivePlatform() {
        return platform == null ? system.platform() : platform;
    }

    /**
     * This machine as far as the JVM's system properties tell, without probing hardware: OS name and
     * version, architecture, platform key, logical processors (as cores and threads), the running
     * JVM; CPU model {@code "unknown"}, memory 0, governor and turbo unknown.
     */
    public static SystemInfo describeFromJvm() {
        String osName = System.getProperty("os.name", "unknown");
        String arch = System.getProperty("os.arch", "unknown");
        int cpus = Math.max(1, Runtime.getRuntime().availableProcessors());
        String reason = "not probed: described from JVM system properties only";
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String field : List.of("kernel", "memory_bytes", "governor", "turbo")) {
            unavailable.put(field, reason);
        }
        return new SystemInfo(
                osName + " " + System.getProperty("os.version", ""),
                null,
                arch,
                PlatformKey.of(osName, arch),
                new CpuInfo("unknown", cpus, cpus, List.of()),
                0,
                SystemInfoCollector.currentJvm(0),
                null,
                null,
                unavailable,
                null);
    }
}
