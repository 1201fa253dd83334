package dev.bitbench.cli;

import dev.bitbench.cli.run.JmhSettings;
import dev.bitbench.cli.run.RunRequest;
import dev.bitbench.cli.run.SuitePlanner;
import dev.bitbench.core.config.ConfigValues;
import dev.bitbench.core.config.ConfigVocabulary;
import dev.bitbench.core.config.InvalidConfigException;
import dev.bitbench.core.config.Profile;
import dev.bitbench.core.config.RunConfig;
import dev.bitbench.core.config.RunConfigLoader;
import dev.bitbench.core.config.RunConfigOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options of {@code bitbench run}, and their resolution into a {@link RunRequest} through
 * core's {@link RunConfigLoader}: defaults, then {@code --config FILE}, then {@code BITBENCH_*}
 * environment variables, then these flags.
 */
public final class RunOptions {
    private static final String FLAGS = RunConfigLoader.COMMAND_LINE;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "smoke | quick | standard | thorough (default: quick).")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON config file (seed-style keys).")
    Path config;

    @Option(names = "--filter", paramLabel = "REGEX", description = "Run only benchmarks whose id contains a match.")
    String filter;

    @Option(
            names = "--backends",
            split = ",",
            paramLabel = "NAME",
            description = "Backends to run: scalar, simd, parallel; peers (openblas, openblas-1t, ejml, ojalgo)"
                    + " all run unless one is named.")
    List<String> backends;

    @Option(
            names = "--sizes",
            split = ",",
            paramLabel = "N",
            description = "Tensor sizes (1024 or 512x512): matrix benchmarks run N x N, elementwise ones N*N"
                    + " elements, row ops rows of N.")
    List<String> sizes;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads of the parallel backend (default: BITBENCH_THREADS, else all cores).")
    String threads;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every input (default: BITBENCH_SEED, else 42).")
    String seed;

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
    List<String> tags;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(
            names = {"-l", "--list"},
            description = "Print the ids the selection would run, one a line, and exit without running"
                    + " (like JMH's -l; writes nothing).")
    boolean list;

    @Option(names = "--no-color", description = "No colour in the progress bar.")
    boolean noColor;

    /** The flags as the last configuration layer; bad values name the flag. */
    RunConfigOverrides flags() {
        RunConfigOverrides.Builder b = RunConfigOverrides.builder();
        if (profile != null) {
            b.profile(ConfigValues.profile(FLAGS, "--profile", profile));
        }
        if (filter != null) {
            b.filter(ConfigValues.regex(FLAGS, "--filter", filter));
        }
        if (backends != null) {
            b.backends(ConfigValues.backends(FLAGS, "--backends", backends));
        }
        if (sizes != null) {
            b.sizes(ConfigValues.sizes(FLAGS, "--sizes", sizes));
        }
        if (threads != null) {
            b.threads((int) ConfigValues.integer(FLAGS, "--threads", threads, 1, 65_536));
        }
        if (seed != null) {
            b.seed(ConfigValues.integer(FLAGS, "--seed", seed, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (jvm != null) {
            b.jvm(jvm);
        }
        if (output != null) {
            b.outputDir(output);
        }
        if (db != null) {
            b.dbUrl(ConfigValues.jdbcUrl(FLAGS, "--db", db));
        }
        if (noStore) {
            b.store(false);
        }
        if (tags != null) {
            b.tags(ConfigValues.tags(FLAGS, "--tag", tags));
        }
        return b.build();
    }

    /**
     * The effective configuration.
     *
     * @throws InvalidConfigException naming the file, variable or flag and the expected form
     */
    RunConfig load(Map<String, String> env) {
        return RunConfigLoader.load(config, env, flags());
    }

    /** What the runner needs from the effective configuration. */
    static RunRequest request(RunConfig c) {
        for (String b : c.backends()) {
            if (!ConfigVocabulary.CPU_BACKENDS.contains(b) && !SuitePlanner.isPeer(b)) {
                throw new InvalidConfigException(
                        "backends",
                        "backends",
                        "names from " + String.join(", ", ConfigVocabulary.CPU_BACKENDS) + ", "
                                + String.join(", ", SuitePlanner.PEERS),
                        "\"" + b + "\"");
            }
        }
        String java = c.jvm() == null ? RunRequest.currentJava() : c.jvm();
        if (c.jvm() != null && !Files.isExecutable(Path.of(c.jvm()))) {
            throw new InvalidConfigException("jvm", "jvm", "the path of an executable java", "\"" + c.jvm() + "\"");
        }
        Profile p = c.profile();
        JmhSettings jmh = new JmhSettings(
                p.forks(),
                c.effectiveWarmupIterations(),
                p.warmupTime(),
                c.effectiveMeasurementIterations(),
                p.measurementTime(),
                c.effectiveTimeout());
        SuitePlanner.Request plan = new SuitePlanner.Request(
                Optional.ofNullable(c.filter()).map(Pattern::compile),
                Set.copyOf(c.backends()),
                c.sizes(),
                valuesPerParameter(p),
                Set.copyOf(c.operations()),
                Set.copyOf(c.dataTypes()),
                p.json());
        int threads = c.threads() == null ? Runtime.getRuntime().availableProcessors() : c.threads();

        Map<String, Object> recorded = new LinkedHashMap<>(c.toMap());
        recorded.put("threads", (long) threads);
        recorded.put("jvm", java);
        recorded.put("profilers", List.of("gc"));
        return new RunRequest(
                p.json(),
                jmh,
                plan,
                c.cpuRequested(),
                c.unavailableDevices(),
                c.seed(),
                threads,
                java,
                c.outputDir(),
                c.tags(),
                recorded);
    }

    /**
     * How many of the declared values of each parameter other than backend and dtype (sizes
     * smallest first, granularity, batch) a profile runs: smoke and quick the first, so every
     * benchmark method runs on every backend and dtype once within the profile's time budget;
     * standard the first two; thorough all.
     */
    static int valuesPerParameter(Profile p) {
        return switch (p) {
            case SMOKE, QUICK -> 1;
            case STANDARD -> 2;
            case THOROUGH -> 0;
        };
    }

    /** A readable form of a duration for messages. */
    static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
