package dev.bitbench.core.doctor;

import dev.bitbench.core.system.CpuFeatures;
import dev.bitbench.core.system.CpuFrequency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine checks of {@code bitbench doctor}: CPU features, cores, memory, disk, frequency
 * scaling, load, browser and reference engine. Every input is injected: {@code /proc}, {@code /sys}
 * and {@code /usr/bin} are read below {@code root}, the environment is a map, and numbers the JVM
 * knows (cores, free disk) are arguments. A file that cannot be read gives a WARN that says so,
 * never an exception.
 */
public final class MachineChecks {

    static final long GIB = 1024L * 1024 * 1024;
    static final long MIB = 1024L * 1024;

    private final Path root;
    private final Map<String, String> env;

    /**
     * @param root file system root, normally {@code /}; tests pass a fake tree
     * @param env environment variables, normally {@code System.getenv()}
     */
    public MachineChecks(Path root, Map<String, String> env) {
        this.root = root;
        this.env = Map.copyOf(env);
    }

    /** The running JDK: FAIL below 17 (the release BitBench is built for). */
    public static CheckResult jdk(String version, String vendor) {
        int feature = JdkScanner.feature(version);
        String detail = version + " (" + vendor + ")";
        if (feature < 17) {
            return CheckResult.fail("jdk", detail, "BitBench needs JDK 17 or newer; set JAVA_HOME or BITBENCH_JAVA");
        }
        return CheckResult.ok("jdk", detail);
    }

    /** Other JDKs that {@code run --jvm} could use; WARN when there are none besides the running one. */
    public static CheckResult otherJdks(List<JdkInstallation> found, Path currentHome) {
        List<String> names = new ArrayList<>();
        for (JdkInstallation jdk : found) {
            if (currentHome != null && sameDir(jdk.home(), currentHome)) {
                continue;
            }
            names.add(jdk.home() + " (" + jdk.version() + ", " + jdk.vendor() + ")");
        }
        if (names.isEmpty()) {
            return CheckResult.warn(
                    "jdks",
                    "no JDK besides the running one in /usr/lib/jvm, $JAVA_HOME or sdkman",
                    "optional: install another JDK (e.g. sdk install java 21-tem) to compare JVMs with run --jvm");
        }
        return CheckResult.ok("jdks", "for --jvm: " + String.join("; ", names));
    }

    /** CPU feature flags from {@code proc/cpuinfo}: the SIMD sets the kernels use. */
    public CheckResult cpuFeatures() {
        String cpuinfo = read("proc/cpuinfo");
        if (cpuinfo == null) {
            return CheckResult.warn(
                    "cpu-features", "/proc/cpuinfo is not readable", "not Linux? the run records OSHI's flags instead");
        }
        List<String> flags = CpuFeatures.fromProcCpuinfo(cpuinfo);
        if (flags.contains("asimd") || flags.contains("sve")) {
            return CheckResult.ok("cpu-features", "asimd=yes sve=" + yes(flags.contains("sve")));
        }
        String detail = "avx2=" + yes(flags.contains("avx2")) + " avx512f=" + yes(flags.contains("avx512f"))
                + " avx512_vnni=" + yes(flags.contains("avx512_vnni"));
        if (!flags.contains("avx2")) {
            return CheckResult.warn(
                    "cpu-features", detail, "without AVX2 the simd backend has narrow vectors; compare on a newer CPU");
        }
        return CheckResult.ok("cpu-features", detail);
    }

    /** Cores: WARN below 4, where the parallel backend has little room and noise from others is large. */
    public static CheckResult cores(int availableProcessors) {
        String detail = availableProcessors + " available to the JVM";
        if (availableProcessors < 4) {
            return CheckResult.warn(
                    "cores",
                    detail,
                    "parallel results on few cores are noisy; run with --threads 1 or on a larger machine");
        }
        return CheckResult.ok("cores", detail);
    }

    /** Available memory from {@code proc/meminfo}: FAIL below 512 MiB, WARN below 2 GiB. */
    public CheckResult memory() {
        String meminfo = read("proc/meminfo");
        Long available = meminfo == null ? null : kib(meminfo, "MemAvailable");
        Long total = meminfo == null ? null : kib(meminfo, "MemTotal");
        if (available == null || total == null) {
            return CheckResult.warn(
                    "memory", "/proc/meminfo has no MemAvailable/MemTotal", "check free memory by hand (free -h)");
        }
        String detail = bytes(available) + " available of " + bytes(total);
        if (available < 512 * MIB) {
            return CheckResult.fail("memory", detail, "close other programs; benchmarks and fixtures need >= 512 MiB");
        }
        if (available < 2 * GIB) {
            return CheckResult.warn("memory", detail, "the medium fixture needs about 2 GiB; use --size small");
        }
        return CheckResult.ok("memory", detail);
    }

    /** Free disk where results go: FAIL below 200 MiB, WARN below 2 GiB. */
    public static CheckResult disk(Path dir, long usableBytes) {
        String detail = bytes(usableBytes) + " free at " + dir;
        if (usableBytes < 200 * MIB) {
            return CheckResult.fail("disk", detail, "free disk space; runs, fixtures and the history need room");
        }
        if (usableBytes < 2 * GIB) {
            return CheckResult.warn(
                    "disk", detail, "medium fixtures need about 1 GiB; prune with bitbench history prune");
        }
        return CheckResult.ok("disk", detail);
    }

    /** Frequency governor and turbo: WARN unless {@code performance} without turbo. */
    public CheckResult frequency() {
        CpuFrequency f = CpuFrequency.read(root.resolve("sys/devices/system/cpu"));
        if (f.governor() == null && f.turbo() == null) {
            return CheckResult.warn(
                    "cpu-frequency",
                    "no cpufreq in sysfs (VM or container): the host decides scaling and turbo",
                    "compare runs only from the same machine type; prefer ratios in one run");
        }
        String detail = "governor=" + (f.governor() == null ? "unknown" : f.governor()) + " turbo="
                + (f.turbo() == null ? "unknown" : f.turbo() ? "on" : "off");
        if (f.governor() != null && !f.governor().equals("performance")) {
            return CheckResult.warn(
                    "cpu-frequency",
                    detail,
                    "sudo cpupower frequency-set -g performance (steadier clock while measuring)");
        }
        if (Boolean.TRUE.equals(f.turbo())) {
            return CheckResult.warn(
                    "cpu-frequency",
                    detail,
                    "turbo varies with temperature: echo 1 | sudo tee /sys/devices/system/cpu/intel_pstate/no_turbo");
        }
        return CheckResult.ok("cpu-frequency", detail);
    }

    /** One-minute load average from {@code proc/loadavg}: WARN when above half the cores (a busy machine). */
    public CheckResult load(int cores) {
        String loadavg = read("proc/loadavg");
        double load1;
        try {
            load1 = Double.parseDouble(loadavg.trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return CheckResult.warn(
                    "load", "/proc/loadavg is not readable", "check with uptime that the machine is idle");
        }
        String detail = String.format(Locale.ROOT, "load average %.2f on %d cores", load1, cores);
        if (load1 > cores * 0.5) {
            return CheckResult.warn(
                    "load",
                    detail + " (busy)",
                    "other processes disturb measurements; stop them or compare in one run");
        }
        return CheckResult.ok("load", detail);
    }

    /** A Chromium or Chrome for the HTML report tests. */
    public CheckResult browser() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(root.resolve("usr/bin/chromium"));
        candidates.add(root.resolve("usr/bin/chromium-browser"));
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isBlank()) {
                Path d = root.resolve(dir.startsWith("/") ? dir.substring(1) : dir);
                candidates.add(d.resolve("google-chrome"));
                candidates.add(d.resolve("google-chrome-stable"));
                candidates.add(d.resolve("chromium"));
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return CheckResult.ok("browser", "/" + root.relativize(p));
            }
        }
        return CheckResult.warn(
                "browser",
                "no chromium, chromium-browser or google-chrome",
                "report tests that render HTML are skipped; install chromium (apt-get install chromium)");
    }

    /** The llama.cpp build of {@code BITBENCH_LLAMA_CPP} used for cross-validation; optional. */
    public CheckResult referenceEngine() {
        String dir = env.get("BITBENCH_LLAMA_CPP");
        if (dir == null || dir.isBlank()) {
            return CheckResult.warn(
                    "reference-engine",
                    "BITBENCH_LLAMA_CPP is not set",
                    "optional: point BITBENCH_LLAMA_CPP at a llama.cpp build to cross-validate against it");
        }
        Path base = root.resolve(dir.startsWith("/") ? dir.substring(1) : dir);
        for (String sub : List.of("", "bin", "build/bin")) {
            for (String tool : List.of("llama-cli", "llama-bench")) {
                Path p = sub.isEmpty() ? base.resolve(tool) : base.resolve(sub).resolve(tool);
                if (Files.isRegularFile(p)) {
                    return CheckResult.ok("reference-engine", "/" + root.relativize(p));
                }
            }
        }
        return CheckResult.warn(
                "reference-engine",
                "no llama-cli or llama-bench in " + dir + " (or its bin/, build/bin/)",
                "optional: build llama.cpp there (cmake -B build && cmake --build build) or unset BITBENCH_LLAMA_CPP");
    }

    /** Human size: {@code 1.5 GiB}, {@code 300 MiB}. */
    static String bytes(long n) {
        if (n >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", n / (double) GIB);
        }
        return String.format(Locale.ROOT, "%d MiB", n / MIB);
    }

    private static Long kib(String meminfo, String key) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static boolean sameDir(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
