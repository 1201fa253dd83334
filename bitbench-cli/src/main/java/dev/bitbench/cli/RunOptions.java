package dev.bitbench.cli;

import dev.bitbench.cli.run.JmhSettings;
import dev.bitbench.cli.run.RunRequest;
import dev.bitbench.cli.run.SuitePlanner;
import dev.bitbench.kernels.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** The options of {@code bitbench run}, and their resolution into a {@link RunRequest}. */
public final class RunOptions {
    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "smoke | quick | standard | thorough (default: quick).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON config file (seed-style keys).")
    Path config;

    @Option(names = "--filter", paramLabel = "REGEX", description = "Run only benchmarks whose id matches.")
    String filter;

    @Option(
            names = "--backends",
            split = ",",
            paramLabel = "NAME",
            description = "Kernel backends to run: scalar,simd,parallel (default: all). Peers always run.")
    List<String> backends;

    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "Values of every size parameter.")
    List<Integer> sizes;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads of the parallel backend (default: BITBENCH_THREADS, else all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every input (default: BITBENCH_SEED, else 42).")
    Long seed;

    @Option(names = "--jvm", paramLabel = "JAVA", description = "java executable of the benchmark JVMs.")
    String jvm;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Where run directories go (default: BITBENCH_RESULTS, else bitbench-results).")
    Path output;

    @Option(names = "--db", paramLabel = "URL", description = "History store JDBC URL (default: BITBENCH_DB).")
    String db;

    @Option(names = "--no-store", description = "Do not store the run in the history.")
    boolean noStore;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Tag the run (repeatable).")
    Map<String, String> tags;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--no-color", description = "No colour in the progress bar.")
    boolean noColor;

    /** Resolves defaults, then environment, then flags. */
    RunRequest resolve(Map<String, String> env) {
        String profileName = profile == null ? "quick" : profile;
        ProfileSettings p = ProfileSettings.named(profileName);
        long runSeed = seed != null ? seed : envLong(env, "BITBENCH_SEED").orElse(42L);
        boolean deterministic = "1".equals(env.get("BITBENCH_DETERMINISTIC"));
        int runThreads = deterministic
                ? 1
                : threads != null
                        ? threads
                        : envLong(env, "BITBENCH_THREADS")
                                .map(Long::intValue)
                                .orElse(Runtime.getRuntime().availableProcessors());
        if (runThreads < 1) {
            throw new UsageError("--threads must be >= 1, got " + runThreads);
        }
        Set<String> backendSet = new LinkedHashSet<>(backends == null ? List.of() : backends);
        for (String b : backendSet) {
            if (!Backends.NAMES.contains(b)) {
                throw new UsageError("--backends: unknown backend '" + b + "'; expected some of " + Backends.NAMES);
            }
        }
        if (sizes != null && sizes.stream().anyMatch(s -> s < 1)) {
            throw new UsageError("--sizes: every size must be >= 1, got " + sizes);
        }
        Optional<Pattern> pattern;
        try {
            pattern = filter == null ? Optional.empty() : Optional.of(Pattern.compile(filter));
        } catch (PatternSyntaxException e) {
            throw new UsageError("--filter: not a regular expression: " + e.getDescription() + " in '" + filter + "'");
        }
        String java = jvm == null ? RunRequest.currentJava() : jvm;
        if (jvm != null && !Files.isExecutable(Path.of(jvm))) {
            throw new UsageError("--jvm: '" + jvm + "' is not an executable java");
        }
        Path root = output != null ? output : Path.of(env.getOrDefault("BITBENCH_RESULTS", "bitbench-results"));
        JmhSettings jmh = p.jmh();
        SuitePlanner.Request plan = new SuitePlanner.Request(
                pattern, backendSet, sizes == null ? List.of() : sizes, p.sizesPerBenchmark(), Set.of(), Set.of());

        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> jmhConfig = new LinkedHashMap<>();
        jmhConfig.put("forks", jmh.forks());
        jmhConfig.put("warmup_iterations", jmh.warmupIterations());
        jmhConfig.put("warmup_time_ms", jmh.warmupTime().toMillis());
        jmhConfig.put("measurement_iterations", jmh.measurementIterations());
        jmhConfig.put("measurement_time_ms", jmh.measurementTime().toMillis());
        jmhConfig.put("timeout_s", jmh.timeout().toSeconds());
        jmhConfig.put("profilers", List.of("gc"));
        config.put("jmh", jmhConfig);
        config.put("filter", filter);
        config.put("backends", List.copyOf(backendSet));
        config.put("sizes", sizes == null ? List.of() : List.copyOf(sizes));
        config.put("threads", runThreads);
        config.put("deterministic", deterministic);
        config.put("jvm", java);
        return new RunRequest(
                profileName, jmh, plan, runSeed, runThreads, java, root, tags == null ? Map.of() : tags, config);
    }

    private static Optional<Long> envLong(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw new UsageError(name + ": expected an integer, got '" + v + "'");
        }
    }

    /** The settings of each profile. */
    record ProfileSettings(JmhSettings jmh, int sizesPerBenchmark) {
        static ProfileSettings named(String name) {
            return switch (name) {
                case "smoke" ->
                    new ProfileSettings(new JmhSettings(0, 1, ms(50), 3, ms(50), Duration.ofSeconds(30)), 1);
                case "quick" ->
                    new ProfileSettings(new JmhSettings(1, 1, ms(300), 3, ms(300), Duration.ofSeconds(60)), 1);
                case "standard" ->
                    new ProfileSettings(new JmhSettings(3, 3, ms(1000), 5, ms(1000), Duration.ofMinutes(5)), 0);
                case "thorough" ->
                    new ProfileSettings(new JmhSettings(5, 5, ms(2000), 10, ms(2000), Duration.ofMinutes(15)), 0);
                default ->
                    throw new UsageError(
                            "--profile: unknown profile '" + name + "'; expected smoke, quick, standard or thorough");
            };
        }

        private static Duration ms(long millis) {
            return Duration.ofMillis(millis);
        }
    }
}
