package dev.bitbench.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the {@link RunConfig} of a run by layering, later layers winning: {@link
 * RunConfig#defaults()}, then the config file, then the environment, then the command-line flags.
 * {@code BITBENCH_DETERMINISTIC=1} (or {@code deterministic} in a layer) forces one thread whatever
 * {@code threads} says.
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><td>{@code BITBENCH_SEED}</td><td>seed, an integer</td></tr>
 *   <tr><td>{@code BITBENCH_DB}</td><td>history store JDBC URL</td></tr>
 *   <tr><td>{@code BITBENCH_THREADS}</td><td>threads, an integer {@code >= 1}</td></tr>
 *   <tr><td>{@code BITBENCH_DETERMINISTIC}</td><td>{@code 1}/{@code true}: one thread</td></tr>
 *   <tr><td>{@code BITBENCH_RESULTS}</td><td>parent directory of run directories</td></tr>
 * </table>
 */
public final class RunConfigLoader {

    /** The source name used in messages about environment variables. */
    public static final String ENVIRONMENT = "environment";

    /** The source name the runner should use in messages about flags. */
    public static final String COMMAND_LINE = "command line";

    private RunConfigLoader() {}

    /**
     * The effective configuration.
     *
     * @param configFile the {@code --config} file, or {@code null}
     * @param env environment variables, normally {@code System.getenv()}
     * @param flags what the command line sets ({@link RunConfigOverrides#NONE} for nothing)
     * @throws InvalidConfigException naming the source and key of the first bad value
     */
    public static RunConfig load(Path configFile, Map<String, String> env, RunConfigOverrides flags) {
        RunConfig config = RunConfig.defaults();
        if (configFile != null) {
            config = apply(ConfigFile.read(configFile), config, configFile.toString());
        }
        config = apply(fromEnvironment(env), config, ENVIRONMENT);
        return apply(flags, config, COMMAND_LINE);
    }

    /**
     * The layer the {@code BITBENCH_*} variables set; blank variables count as unset.
     *
     * @throws InvalidConfigException naming the variable and its expected form
     */
    public static RunConfigOverrides fromEnvironment(Map<String, String> env) {
        RunConfigOverrides.Builder b = RunConfigOverrides.builder();
        String seed = value(env, "BITBENCH_SEED");
        if (seed != null) {
            b.seed(ConfigValues.integer(ENVIRONMENT, "BITBENCH_SEED", seed, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        String db = value(env, "BITBENCH_DB");
        if (db != null) {
            b.dbUrl(ConfigValues.jdbcUrl(ENVIRONMENT, "BITBENCH_DB", db));
        }
        String threads = value(env, "BITBENCH_THREADS");
        if (threads != null) {
            b.threads((int) ConfigValues.integer(ENVIRONMENT, "BITBENCH_THREADS", threads, 1, 65_536));
        }
        String deterministic = value(env, "BITBENCH_DETERMINISTIC");
        if (deterministic != null) {
            b.deterministic(ConfigValues.bool(ENVIRONMENT, "BITBENCH_DETERMINISTIC", deterministic));
        }
        String results = value(env, "BITBENCH_RESULTS");
        if (results != null) {
            b.outputDir(Path.of(results));
        }
        return b.build();
    }

    private static RunConfig apply(RunConfigOverrides layer, RunConfig base, String source) {
        try {
            return layer.applyTo(base);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(source, "(settings)", "a consistent configuration", e.getMessage());
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
