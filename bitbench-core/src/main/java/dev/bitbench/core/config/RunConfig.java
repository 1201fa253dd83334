package dev.bitbench.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The effective configuration of one {@code bitbench run}: one immutable value built by {@link
 * RunConfigLoader} from defaults, then the config file, then the environment, then flags. An empty
 * list means "no restriction" (all operations, backends, sizes, data types of the suite).
 *
 * @param profile forks, iterations and times
 * @param filter regular expression a benchmark id must contain a match of ({@code find}), or
 *     {@code null} for all
 * @param backends backends to run ({@code scalar}, {@code simd}, {@code parallel}, peer names);
 *     empty for all
 * @param sizes matrix sizes; empty for the suite's own
 * @param threads threads of the {@code parallel} backend and peers, {@code >= 1}, or {@code null}
 *     for all cores; {@code 1} when {@code deterministic}
 * @param seed seed of every generated input (default {@value #DEFAULT_SEED})
 * @param jvm path of the {@code java} executable the benchmarks fork on, or {@code null} for the
 *     running one
 * @param outputDir parent of the run directories (default {@value #DEFAULT_OUTPUT})
 * @param dbUrl JDBC URL of the history store (default {@value #DEFAULT_DB})
 * @param store whether the run is stored in the history ({@code --no-store} sets false)
 * @param tags user tags ({@code --tag k=v}), insertion order kept
 * @param operations canonical operation names ({@link ConfigVocabulary#OPERATIONS}); empty for
 *     all
 * @param devices canonical device names; {@code [cpu]} by default; other devices are kept so the
 *     runner records their benchmarks as skipped (see {@link #unavailableDevices()})
 * @param dataTypes canonical data types ({@link ConfigVocabulary#DATA_TYPES}); empty for all
 * @param timeout per-benchmark timeout overriding the profile's, or {@code null}
 * @param warmupIterations warm-up iterations overriding the profile's ({@code >= 0}), or {@code
 *     null}
 * @param measurementIterations measurement iterations overriding the profile's ({@code >= 1}), or
 *     {@code null}
 * @param deterministic {@code BITBENCH_DETERMINISTIC=1}: one thread, recorded in the run
 */
public record RunConfig(
        Profile profile,
        String filter,
        List<String> backends,
        List<TensorSize> sizes,
        Integer threads,
        long seed,
        String jvm,
        Path outputDir,
        String dbUrl,
        boolean store,
        Map<String, String> tags,
        List<String> operations,
        List<String> devices,
        List<String> dataTypes,
        Duration timeout,
        Integer warmupIterations,
        Integer measurementIterations,
        boolean deterministic) {

    /** Default seed: {@value}. */
    public static final long DEFAULT_SEED = 42;

    /** Default parent of run directories: {@value}. */
    public static final String DEFAULT_OUTPUT = "bitbench-results";

    /** Default history store: {@value}. */
    public static final String DEFAULT_DB = "jdbc:sqlite:.bitbench/history.db";

    /** Validates ranges and names; copies collections. */
    public RunConfig {
        Objects.requireNonNull(profile, "profile");
        if (filter != null) {
            Pattern.compile(filter);
        }
        backends = List.copyOf(backends);
        sizes = List.copyOf(sizes);
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (deterministic && !Integer.valueOf(1).equals(threads)) {
            throw new IllegalArgumentException("a deterministic run uses 1 thread, not " + threads);
        }
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(dbUrl, "dbUrl");
        if (!dbUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("db url must start with jdbc:, was " + dbUrl);
        }
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        operations = canonicalList(operations, ConfigVocabulary::operation, "operation");
        devices = canonicalList(devices, ConfigVocabulary::device, "device");
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("at least one device is needed");
        }
        dataTypes = canonicalList(dataTypes, ConfigVocabulary::dataType, "data type");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (warmupIterations != null && warmupIterations < 0) {
            throw new IllegalArgumentException("warmup iterations must be >= 0, was " + warmupIterations);
        }
        if (measurementIterations != null && measurementIterations < 1) {
            throw new IllegalArgumentException("measurement iterations must be >= 1, was " + measurementIterations);
        }
    }

    /** The defaults: quick profile, seed 42, cpu only, store in {@value #DEFAULT_DB}, no limits. */
    public static RunConfig defaults() {
        return new RunConfig(
                Profile.DEFAULT,
                null,
                List.of(),
                List.of(),
                null,
                DEFAULT_SEED,
                null,
                Path.of(DEFAULT_OUTPUT),
                DEFAULT_DB,
                true,
                Map.of(),
                List.of(),
                List.of(ConfigVocabulary.CPU),
                List.of(),
                null,
                null,
                null,
                false);
    }

    /** The timeout in force: the override or the profile's. */
    public Duration effectiveTimeout() {
        return timeout != null ? timeout : profile.timeout();
    }

    /** Warm-up iterations in force: the override or the profile's. */
    public int effectiveWarmupIterations() {
        return warmupIterations != null ? warmupIterations : profile.warmupIterations();
    }

    /** Measurement iterations in force: the override or the profile's. */
    public int effectiveMeasurementIterations() {
        return measurementIterations != null ? measurementIterations : profile.measurementIterations();
    }

    /** Samples each metric gets: {@code max(1, forks) x effective measurement iterations}. */
    public int samplesPerMetric() {
        return Math.max(1, profile.forks()) * effectiveMeasurementIterations();
    }

    /** Requested devices other than {@code cpu}, each with the reason its benchmarks are skipped. */
    public Map<String, String> unavailableDevices() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String d : devices) {
            String reason = ConfigVocabulary.unavailableReason(d);
            if (reason != null) {
                out.put(d, reason);
            }
        }
        return out;
    }

    /** Whether the CPU backends run at all ({@code cpu} is among the devices). */
    public boolean cpuRequested() {
        return devices.contains(ConfigVocabulary.CPU);
    }

    /**
     * The configuration as JSON values for {@code run.config} of the run file: snake_case keys,
     * durations as text ({@code 30s}), sizes as {@code [rows, cols]}, with the profile's effective
     * forks, iterations and times.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", profile.json());
        m.put("forks", (long) profile.forks());
        m.put("warmup_iterations", (long) effectiveWarmupIterations());
        m.put("warmup_time", DurationText.format(profile.warmupTime()));
        m.put("measurement_iterations", (long) effectiveMeasurementIterations());
        m.put("measurement_time", DurationText.format(profile.measurementTime()));
        m.put("timeout", DurationText.format(effectiveTimeout()));
        m.put("filter", filter);
        m.put("backends", backends);
        m.put(
                "tensor_sizes",
                sizes.stream()
                        .map(s -> List.of((long) s.rows(), (long) s.cols()))
                        .toList());
        m.put("threads", threads == null ? null : threads.longValue());
        m.put("seed", seed);
        m.put("jvm", jvm);
        m.put("output_dir", outputDir.toString());
        m.put("db_url", dbUrl);
        m.put("store", store);
        m.put("operations", operations);
        m.put("devices", devices);
        m.put("data_types", dataTypes);
        m.put("deterministic", deterministic);
        return Collections.unmodifiableMap(m);
    }

    private static List<String> canonicalList(
            List<String> names, java.util.function.UnaryOperator<String> canonical, String what) {
        return names.stream()
                .map(n -> {
                    String c = canonical.apply(n);
                    if (c == null) {
                        throw new IllegalArgumentException("unknown " + what + " '" + n + "'");
                    }
                    return c;
                })
                .distinct()
                .toList();
    }
}
