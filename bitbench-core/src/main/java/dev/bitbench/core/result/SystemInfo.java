package dev.bitbench.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The machine a run measured, JSON object {@code system} of {@code performance-report.json} and
 * the whole of {@code system-info.json}.
 *
 * @param os operating system family and version, e.g. {@code "Debian GNU/Linux 12 (bookworm)"}
 * @param kernel kernel release, e.g. {@code "6.1.0-18-amd64"}, or {@code null} when unknown
 * @param arch {@code os.arch} as the JVM reports it, e.g. {@code "amd64"}
 * @param platform normalised key {@code <os>-<arch>}: {@code linux-x86_64}, {@code
 *     macos-aarch64}, {@code windows-x86_64}, …; baselines are keyed by it
 * @param cpu the processor
 * @param memoryBytes total physical memory in bytes, {@code >= 0} (0 when unknown)
 * @param jvm the JVM
 * @param governor the CPU frequency scaling governor of cpu0 (e.g. {@code "performance"}), or
 *     {@code null} when not readable (see {@code unavailable})
 * @param turbo whether turbo/boost is enabled, or {@code null} when not readable
 * @param unavailable why a field is {@code null}: field name ({@code governor}, {@code turbo},
 *     {@code kernel}, …) to a one-line reason; also why a profiled metric ({@code peak_rss}, {@code
 *     peak_heap}, {@code energy}, {@code temperature}, {@code cpu_freq_ratio}, {@code battery_drain})
 *     is absent from the run's benchmarks, by metric name, once per run; empty when everything was
 *     read
 * @param ci the CI system, or {@code null} when not run in CI
 */
public record SystemInfo(
        String os,
        String kernel,
        String arch,
        String platform,
        CpuInfo cpu,
        long memoryBytes,
        JvmInfo jvm,
        String governor,
        Boolean turbo,
        Map<String, String> unavailable,
        CiInfo ci) {

    /** Validates and copies; {@code unavailable} keeps its insertion order. */
    public SystemInfo {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(platform, "platform");
        if (!platform.matches("[a-z0-9]+-[a-z0-9_]+")) {
            throw new IllegalArgumentException("platform must look like linux-x86_64, was '" + platform + "'");
        }
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(jvm, "jvm");
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memory_bytes must be >= 0, was " + memoryBytes);
        }
        Objects.requireNonNull(unavailable, "unavailable");
        unavailable.forEach((k, v) -> Objects.requireNonNull(v, () -> "reason of unavailable " + k));
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /** This system with another JVM, e.g. the one {@code --jvm} ran the benchmark forks on. */
    public SystemInfo withJvm(JvmInfo other) {
        return new SystemInfo(os, kernel, arch, platform, cpu, memoryBytes, other, governor, turbo, unavailable, ci);
    }

    /** This system with {@code reasons} added to {@code unavailable}; reasons already given are kept. */
    public SystemInfo withUnavailable(Map<String, String> reasons) {
        Map<String, String> merged = new LinkedHashMap<>(unavailable);
        reasons.forEach(merged::putIfAbsent);
        return new SystemInfo(os, kernel, arch, platform, cpu, memoryBytes, jvm, governor, turbo, merged, ci);
    }
}
