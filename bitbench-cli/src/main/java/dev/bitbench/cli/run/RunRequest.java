package dev.bitbench.cli.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one {@code bitbench run} needs, resolved from defaults, config file, environment and
 * flags.
 *
 * @param profile the profile name, recorded in the run
 * @param jmh forks, iterations, times and timeout
 * @param plan which benchmarks and parameter values
 * @param cpu whether the CPU benchmarks run at all (device {@code cpu} requested)
 * @param unavailableDevices requested devices other than {@code cpu}, with the reason their
 *     benchmarks are recorded as {@code skipped}
 * @param seed the seed of every generated input
 * @param threads threads of the {@code parallel} backend, >= 1
 * @param java the {@code java} executable of the benchmark JVMs
 * @param outputRoot where run directories go ({@code bitbench-results})
 * @param tags user tags, recorded in the run
 * @param config the effective configuration, recorded in the run as given
 */
public record RunRequest(
        String profile,
        JmhSettings jmh,
        SuitePlanner.Request plan,
        boolean cpu,
        Map<String, String> unavailableDevices,
        long seed,
        int threads,
        String java,
        Path outputRoot,
        Map<String, String> tags,
        Map<String, Object> config) {
    public RunRequest {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(jmh, "jmh");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(outputRoot, "outputRoot");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        unavailableDevices = new LinkedHashMap<>(unavailableDevices);
        tags = new LinkedHashMap<>(tags);
        config = new LinkedHashMap<>(config);
    }

    /** The {@code java} of the running JVM. */
    public static String currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
