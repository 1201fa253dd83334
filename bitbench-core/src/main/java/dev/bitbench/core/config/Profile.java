package dev.bitbench.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How long and how carefully a run measures. Each profile fixes the JMH forks, warm-up and
 * measurement iterations and their times, and the per-benchmark timeout (a benchmark past it is
 * stopped and recorded as {@code timeout}).
 *
 * <table>
 *   <caption>Profiles</caption>
 *   <tr><th>profile</th><th>forks</th><th>warm-up</th><th>measurement</th><th>timeout</th><th>goal</th></tr>
 *   <tr><td>{@code smoke}</td><td>0</td><td>1 x 50 ms</td><td>3 x 50 ms</td><td>30 s</td>
 *       <td>whole suite subset in 60 s on 2 cores; tests and CI</td></tr>
 *   <tr><td>{@code quick}</td><td>1</td><td>2 x 400 ms</td><td>5 x 250 ms</td><td>60 s</td>
 *       <td>the default; under 5 minutes</td></tr>
 *   <tr><td>{@code standard}</td><td>3</td><td>3 x 1 s</td><td>5 x 1 s</td><td>5 min</td>
 *       <td>about 20 minutes; baselines</td></tr>
 *   <tr><td>{@code thorough}</td><td>5</td><td>5 x 2 s</td><td>10 x 2 s</td><td>15 min</td>
 *       <td>release measurements</td></tr>
 * </table>
 *
 * <p>Forks {@code 0} runs the benchmark inside the runner's own child JVM without a further JMH fork
 * (cheapest start-up). Samples per metric are {@code max(1, forks) x measurement iterations}: with
 * fewer than 6 the median's confidence interval falls back to {@code [min, max]} (see {@link
 * dev.bitbench.core.stats.SampleSummary}).
 */
public enum Profile {
    SMOKE(0, 1, Duration.ofMillis(50), 3, Duration.ofMillis(50), Duration.ofSeconds(30)),
    QUICK(1, 2, Duration.ofMillis(400), 5, Duration.ofMillis(250), Duration.ofSeconds(60)),
    STANDARD(3, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), Duration.ofMinutes(5)),
    THOROUGH(5, 5, Duration.ofSeconds(2), 10, Duration.ofSeconds(2), Duration.ofMinutes(15));

    /** The profile used when none is chosen. */
    public static final Profile DEFAULT = QUICK;

    private final int forks;
    private final int warmupIterations;
    private final Duration warmupTime;
    private final int measurementIterations;
    private final Duration measurementTime;
    private final Duration timeout;

    Profile(
            int forks,
            int warmupIterations,
            Duration warmupTime,
            int measurementIterations,
            Duration measurementTime,
            Duration timeout) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
        this.timeout = timeout;
    }

    /** JMH forks per benchmark, {@code >= 0} (0: in the runner's child JVM). */
    public int forks() {
        return forks;
    }

    /** Warm-up iterations per fork, {@code >= 1}. */
    public int warmupIterations() {
        return warmupIterations;
    }

    /** Duration of one warm-up iteration. */
    public Duration warmupTime() {
        return warmupTime;
    }

    /** Measurement iterations per fork, {@code >= 1}; each gives one sample. */
    public int measurementIterations() {
        return measurementIterations;
    }

    /** Duration of one measurement iteration. */
    public Duration measurementTime() {
        return measurementTime;
    }

    /** Per-benchmark timeout (all forks, warm-up and measurement of one benchmark). */
    public Duration timeout() {
        return timeout;
    }

    /** The spelling on the command line and in JSON, lower case. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a profile name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Profile parse(String value) {
        if (value != null) {
            for (Profile p : values()) {
                if (p.json().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown profile '" + value + "': expected one of " + names());
    }

    /** Samples each metric gets: {@code max(1, forks) x measurementIterations}. */
    public int samplesPerMetric() {
        return Math.max(1, forks) * measurementIterations;
    }

    /** The accepted names, comma separated: {@code smoke, quick, standard, thorough}. */
    public static String names() {
        return Arrays.stream(values()).map(Profile::json).collect(Collectors.joining(", "));
    }
}
