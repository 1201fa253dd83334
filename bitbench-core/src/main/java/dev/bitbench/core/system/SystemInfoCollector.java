package dev.bitbench.core.system;

import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.SystemInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * Describes the machine: OS, kernel, CPU model, cores and feature flags, memory, JVM, frequency
 * governor and turbo, platform key and CI provider. Hardware comes from OSHI; on Linux the kernel
 * release and CPU flags are read from {@code /proc} (OSHI's flag list is the raw text), governor and
 * turbo from {@code /sys}. Anything unreadable is {@code null} with its reason in {@link
 * SystemInfo#unavailable()}; collecting never fails for a missing file.
 *
 * <p>The Vector API's preferred size is passed in by the caller (core does not load the incubator
 * module), as is the environment, so that CI detection is testable.
 */
public final class SystemInfoCollector {

    private final Path root;

    /** A collector of the real machine (file system root {@code /}). */
    public SystemInfoCollector() {
        this(Path.of("/"));
    }

    /**
     * A collector reading {@code proc/...} and {@code sys/...} below {@code root} (for tests; OSHI
     * still describes the real machine).
     */
    public SystemInfoCollector(Path root) {
        this.root = root;
    }

    /**
     * Describes this machine and the running JVM.
     *
     * @param vectorBits {@code jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize()},
     *     or 0 when the Vector API is unavailable
     * @param env environment variables, normally {@code System.getenv()}
     */
    public SystemInfo collect(int vectorBits, Map<String, String> env) {
        return collect(currentJvm(vectorBits), env);
    }

    /**
     * Describes this machine with a given JVM description (e.g. the {@code --jvm} the benchmarks
     * forked on).
     */
    public SystemInfo collect(JvmInfo jvm, Map<String, String> env) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        String osName = System.getProperty("os.name", "unknown");
        String arch = System.getProperty("os.arch", "unknown");
        boolean linux = PlatformKey.os(osName).equals("linux");

        oshi.SystemInfo oshi = new oshi.SystemInfo();
        HardwareAbstractionLayer hardware = oshi.getHardware();
        String os = describeOs(oshi, osName);

        String kernel = linux ? readTrimmed(root.resolve("proc/sys/kernel/osrelease")) : null;
        if (kernel == null || kernel.isEmpty()) {
            kernel = System.getProperty("os.version");
            if (kernel == null || kernel.isBlank()) {
                kernel = null;
                unavailable.put("kernel", "os.version is not set");
            }
        }

        CentralProcessor cpu = hardware.getProcessor();
        List<String> features = null;
        if (linux) {
            String cpuinfo = readTrimmed(root.resolve("proc/cpuinfo"));
            if (cpuinfo != null) {
                features = CpuFeatures.fromProcCpuinfo(cpuinfo);
            }
        }
        if (features == null || features.isEmpty()) {
            features = CpuFeatures.fromLines(cpu.getFeatureFlags());
        }
        if (features.isEmpty()) {
            unavailable.put("cpu.features", "neither /proc/cpuinfo nor OSHI reported feature flags");
        }
        int threads = Math.max(1, cpu.getLogicalProcessorCount());
        int cores = cpu.getPhysicalProcessorCount();
        if (cores < 1) {
            cores = threads;
            unavailable.put("cpu.cores", "physical core count unknown; logical count used");
        }
        String model = cpu.getProcessorIdentifier().getName();
        CpuInfo cpuInfo = new CpuInfo(model == null ? "" : model.trim(), cores, threads, features);

        long memory = hardware.getMemory().getTotal();
        if (memory <= 0) {
            memory = 0;
            unavailable.put("memory_bytes", "OSHI reported no physical memory size");
        }

        CpuFrequency frequency = CpuFrequency.read(root.resolve("sys/devices/system/cpu"));
        unavailable.putAll(frequency.unavailable());

        return new SystemInfo(
                os,
                kernel,
                arch,
                PlatformKey.of(osName, arch),
                cpuInfo,
                memory,
                jvm,
                frequency.governor(),
                frequency.turbo(),
                unavailable,
                CiDetector.detect(env));
    }

    /**
     * The running JVM: {@code java.vm.vendor}, {@code java.runtime.version}, its input arguments.
     *
     * @param vectorBits the Vector API's preferred bit size, or 0 when unavailable
     */
    public static JvmInfo currentJvm(int vectorBits) {
        String vendor = System.getProperty("java.vm.vendor", System.getProperty("java.vendor", "unknown"));
        String version = System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown"));
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return new JvmInfo(vendor, version, args, vectorBits);
    }

    private static String describeOs(oshi.SystemInfo oshi, String fallback) {
        try {
            String described = oshi.getOperatingSystem().toString();
            return described == null || described.isBlank() ? fallback : described.trim();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static String readTrimmed(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
