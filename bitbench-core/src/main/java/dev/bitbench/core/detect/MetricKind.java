package dev.bitbench.core.detect;

import dev.bitbench.core.Direction;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a metric measures, which selects its default thresholds. Inferred from the metric name, then
 * the unit, then the direction ({@link #infer}).
 *
 * <p>Rules, first match wins (names and units compared case-insensitively; a name is split into
 * words at every character that is not a letter or digit, so {@code gc.alloc.rate.norm} has the words
 * {@code gc alloc rate norm} and {@code latency_p50_ms} has {@code latency p50 ms}):
 *
 * <ol>
 *   <li>name word in {@code alloc, allocation, memory, mem, rss, heap, footprint} → {@link #MEMORY}
 *       (so JMH's {@code ·gc.alloc.rate} in MB/sec is memory, not throughput);
 *   <li>name word in {@code accuracy, acc, score, f1, precision, recall, cosine, similarity} → {@link
 *       #ACCURACY};
 *   <li>name word in {@code time, latency, duration, elapsed, ttft} → {@link #TIME};
 *   <li>name word in {@code throughput, thrpt, tps, qps, rps, ops, flops, gflops, tflops, bandwidth},
 *       or the name contains {@code per_second}, {@code per_sec} or {@code _per_s} → {@link #THROUGHPUT};
 *   <li>unit with a time denominator ({@code x/s}, {@code x/sec}, {@code x/ms}, ...) or a FLOPS unit →
 *       {@link #THROUGHPUT};
 *   <li>unit that is a time, alone or per something ({@code ns}, {@code us}, {@code µs}, {@code ms},
 *       {@code s}, {@code sec}, {@code min}, {@code ms/op}, {@code s/token}) → {@link #TIME};
 *   <li>unit that is a byte count ({@code B}, {@code bytes}, {@code KB}, {@code KiB}, {@code MB},
 *       {@code MiB}, {@code GB}, {@code GiB}, also per something, e.g. {@code B/op}) → {@link #MEMORY};
 *   <li>otherwise by direction: higher-is-better → {@link #THROUGHPUT}, lower-is-better → {@link #TIME}.
 * </ol>
 */
public enum MetricKind {
    /** Work per time; a decrease is a regression. Thresholds key {@code throughput_decrease_percent}. */
    THROUGHPUT("throughput_decrease_percent", 8.0, 15.0),
    /** Time or latency; an increase is a regression. Key {@code latency_increase_percent}. */
    TIME("latency_increase_percent", 15.0, 25.0),
    /** Memory or allocation; an increase is a regression. Key {@code memory_increase_percent}. */
    MEMORY("memory_increase_percent", 10.0, 20.0),
    /** Accuracy or quality score; a decrease is a regression. Key {@code accuracy_decrease_percent}. */
    ACCURACY("accuracy_decrease_percent", 0.5, 1.0);

    private static final Set<String> MEMORY_WORDS =
            Set.of("alloc", "allocation", "allocations", "memory", "mem", "rss", "heap", "footprint");
    private static final Set<String> ACCURACY_WORDS =
            Set.of("accuracy", "acc", "score", "f1", "precision", "recall", "cosine", "similarity");
    private static final Set<String> TIME_WORDS = Set.of("time", "latency", "duration", "elapsed", "ttft");
    private static final Set<String> THROUGHPUT_WORDS =
            Set.of("throughput", "thrpt", "tps", "qps", "rps", "ops", "flops", "gflops", "tflops", "bandwidth");
    private static final Set<String> TIME_UNITS =
            Set.of("ns", "us", "µs", "μs", "ms", "s", "sec", "secs", "second", "seconds", "min", "h");
    private static final Set<String> BYTE_UNITS =
            Set.of("b", "byte", "bytes", "kb", "kib", "mb", "mib", "gb", "gib", "tb", "tib");

    private final String thresholdKey;
    private final double defaultWarningPercent;
    private final double defaultCriticalPercent;

    MetricKind(String thresholdKey, double defaultWarningPercent, double defaultCriticalPercent) {
        this.thresholdKey = thresholdKey;
        this.defaultWarningPercent = defaultWarningPercent;
        this.defaultCriticalPercent = defaultCriticalPercent;
    }

    /** The key of this kind in a thresholds file's {@code warning} / {@code critical} objects. */
    public String thresholdKey() {
        return thresholdKey;
    }

    /** DESIGN.md's default warning threshold, in percent of regression. */
    public double defaultWarningPercent() {
        return defaultWarningPercent;
    }

    /** DESIGN.md's default critical threshold, in percent of regression. */
    public double defaultCriticalPercent() {
        return defaultCriticalPercent;
    }

    /** The short name used in thresholds files' {@code metrics} keys: {@code throughput}, {@code time}, ... */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of a metric, by the rules in the class comment.
     *
     * @param metric metric name, not null
     * @param unit unit, not null (may be empty)
     * @param direction which way the metric improves, not null
     */
    public static MetricKind infer(String metric, String unit, Direction direction) {
        String name = metric.toLowerCase(Locale.ROOT);
        List<String> words = List.of(name.split("[^\\p{L}\\p{N}]+"));
        if (words.stream().anyMatch(MEMORY_WORDS::contains)) {
            return MEMORY;
        }
        if (words.stream().anyMatch(ACCURACY_WORDS::contains)) {
            return ACCURACY;
        }
        if (words.stream().anyMatch(TIME_WORDS::contains)) {
            return TIME;
        }
        if (words.stream().anyMatch(THROUGHPUT_WORDS::contains)
                || name.contains("per_second")
                || name.contains("per_sec")
                || name.contains("_per_s")) {
            return THROUGHPUT;
        }
        String u = unit.trim().toLowerCase(Locale.ROOT);
        if (!u.isEmpty()) {
            int slash = u.indexOf('/');
            String numerator = slash < 0 ? u : u.substring(0, slash).trim();
            String denominator = slash < 0 ? "" : u.substring(slash + 1).trim();
            if (TIME_UNITS.contains(denominator) || u.endsWith("flops") || u.endsWith("flop/s")) {
                return THROUGHPUT;
            }
            if (TIME_UNITS.contains(numerator)) {
                return TIME;
            }
            if (BYTE_UNITS.contains(numerator)) {
                return MEMORY;
            }
        }
        return direction == Direction.HIGHER ? THROUGHPUT : TIME;
    }

    /**
     * The kind whose thresholds-file key or short name is {@code key} ({@code throughput}, {@code
     * time}, {@code latency}, {@code memory}, {@code accuracy}, or a {@code *_percent} key), or {@code
     * null}.
     */
    public static MetricKind fromKeyOrName(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (MetricKind kind : values()) {
            if (kind.thresholdKey.equals(k) || kind.json().equals(k)) {
                return kind;
            }
        }
        if (k.equals("latency") || k.equals("time_increase_percent")) {
            return TIME;
        }
        return null;
    }
}
