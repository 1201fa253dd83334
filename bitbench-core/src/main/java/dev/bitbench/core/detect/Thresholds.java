package dev.bitbench.core.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Warning and critical thresholds for every benchmark metric: per-kind defaults (DESIGN.md), then the
 * overrides of a thresholds file ({@link ThresholdsFile}), then an optional warning level for all
 * ({@code --threshold 0.05}). Immutable.
 *
 * <p>{@link #resolve} applies, in order (later wins, field by field):
 *
 * <ol>
 *   <li>the kind's default: throughput decrease 8 / 15 %, time or latency increase 15 / 25 %, memory
 *       increase 10 / 20 %, accuracy decrease 0.5 / 1 % (warning / critical), blocking;
 *   <li>the top-level {@code warning} / {@code critical} objects of the file, per kind;
 *   <li>{@code metrics} entries keyed by the kind's name ({@code throughput}, {@code time} or {@code
 *       latency}, {@code memory}, {@code accuracy}), then those keyed by the metric's own name;
 *   <li>{@code benchmarks} entries whose glob matches the benchmark id, in file order; inside each,
 *       its {@code warning_percent} / {@code critical_percent} / {@code blocking}, then its per-kind
 *       {@code warning} / {@code critical}, then its own {@code metrics} entries (kind, then name);
 *   <li>the warning-for-all override, if set.
 * </ol>
 *
 * <p>If the result has a critical threshold below the warning one (e.g. {@code --threshold 0.30} with
 * the 25 % time default), the critical threshold is raised to the warning one.
 *
 * <p>Globs match the whole benchmark id: {@code *} any run of characters (including {@code /} and
 * {@code .}), {@code ?} one character, everything else literally.
 */
public final class Thresholds {

    private static final Thresholds DEFAULTS =
            new Thresholds(new EnumMap<>(MetricKind.class), new EnumMap<>(MetricKind.class), List.of(), null);

    private final Map<MetricKind, Double> warning;
    private final Map<MetricKind, Double> critical;
    private final List<Override> overrides;
    private final Double warningForAll;

    private Thresholds(
            Map<MetricKind, Double> warning,
            Map<MetricKind, Double> critical,
            List<Override> overrides,
            Double warningForAll) {
        this.warning = Collections.unmodifiableMap(copy(warning));
        this.critical = Collections.unmodifiableMap(copy(critical));
        this.overrides = List.copyOf(overrides);
        this.warningForAll = warningForAll;
    }

    private static Map<MetricKind, Double> copy(Map<MetricKind, Double> source) {
        Map<MetricKind, Double> out = new EnumMap<>(MetricKind.class);
        out.putAll(source);
        return out;
    }

    /** DESIGN.md's defaults, every metric blocking. */
    public static Thresholds defaults() {
        return DEFAULTS;
    }

    /**
     * The same thresholds for every kind of metric, e.g. for tests or a simple policy.
     *
     * @param warningPercent {@code >= 0}
     * @param criticalPercent {@code >= warningPercent}
     */
    public static Thresholds uniform(double warningPercent, double criticalPercent) {
        new ThresholdRule(warningPercent, criticalPercent, true);
        Map<MetricKind, Double> w = new EnumMap<>(MetricKind.class);
        Map<MetricKind, Double> c = new EnumMap<>(MetricKind.class);
        for (MetricKind kind : MetricKind.values()) {
            w.put(kind, warningPercent);
            c.put(kind, criticalPercent);
        }
        return new Thresholds(w, c, List.of(), null);
    }

    /** Built by {@link ThresholdsFile}: per-kind levels (missing kinds keep the defaults) and overrides. */
    static Thresholds of(Map<MetricKind, Double> warning, Map<MetricKind, Double> critical, List<Override> overrides) {
        return new Thresholds(warning, critical, overrides, null);
    }

    /**
     * These thresholds with the warning level of every metric set to {@code fraction} (the {@code
     * --threshold 0.05} option: 0.05 means 5 %), overriding the file.
     *
     * @param fraction finite, {@code >= 0}
     */
    public Thresholds withWarningFraction(double fraction) {
        if (!Double.isFinite(fraction) || fraction < 0.0) {
            throw new IllegalArgumentException("threshold " + fraction + " must be a fraction >= 0, e.g. 0.05 for 5%");
        }
        return new Thresholds(warning, critical, overrides, fraction * 100.0);
    }

    /**
     * The thresholds of one benchmark metric.
     *
     * @param benchmarkId the benchmark id
     * @param metric the metric name
     * @param kind the metric's kind (usually {@link MetricKind#infer})
     */
    public ThresholdRule resolve(String benchmarkId, String metric, MetricKind kind) {
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(metric, "metric");
        double w = warning.getOrDefault(kind, kind.defaultWarningPercent());
        double c = critical.getOrDefault(kind, kind.defaultCriticalPercent());
        boolean blocking = true;
        for (Override o : overrides) {
            if (!o.applies(benchmarkId, metric, kind)) {
                continue;
            }
            if (o.warningPercent() != null) {
                w = o.warningPercent();
            }
            if (o.criticalPercent() != null) {
                c = o.criticalPercent();
            }
            if (o.warningByKind().containsKey(kind)) {
                w = o.warningByKind().get(kind);
            }
            if (o.criticalByKind().containsKey(kind)) {
                c = o.criticalByKind().get(kind);
            }
            if (o.blocking() != null) {
                blocking = o.blocking();
            }
        }
        if (warningForAll != null) {
            w = warningForAll;
        }
        return new ThresholdRule(w, Math.max(w, c), blocking);
    }

    /**
     * One override entry, already in resolution order.
     *
     * @param benchmarkGlob compiled glob of the benchmark id, or {@code null} for every benchmark
     * @param metricSelector metric name or kind name ({@link MetricKind#fromKeyOrName}), or {@code
     *     null} for every metric
     * @param selectorIsKind whether {@code metricSelector} names a kind rather than a metric
     */
    record Override(
            Pattern benchmarkGlob,
            String metricSelector,
            boolean selectorIsKind,
            Double warningPercent,
            Double criticalPercent,
            Map<MetricKind, Double> warningByKind,
            Map<MetricKind, Double> criticalByKind,
            Boolean blocking) {

        Override {
            warningByKind = Map.copyOf(warningByKind);
            criticalByKind = Map.copyOf(criticalByKind);
        }

        boolean applies(String benchmarkId, String metric, MetricKind kind) {
            if (benchmarkGlob != null && !benchmarkGlob.matcher(benchmarkId).matches()) {
                return false;
            }
            if (metricSelector == null) {
                return true;
            }
            return selectorIsKind ? MetricKind.fromKeyOrName(metricSelector) == kind : metricSelector.equals(metric);
        }
    }

    /** Compiles a whole-string glob: {@code *} any run of characters, {@code ?} one, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*' || ch == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(ch == '*' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Overrides in resolution order; for tests and diagnostics. */
    List<Override> overrides() {
        return new ArrayList<>(overrides);
    }
}
