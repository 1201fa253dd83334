package dev.bitbench.suite;

import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A test-only hook that makes chosen benchmarks slower by an exact fraction of their own time, so
 * that {@code bitbench calibrate --inject} and the A/B tests can measure whether a known slowdown is
 * detected end to end. Off unless the system property {@value #PROPERTY} or the environment variable
 * {@value #ENV} (inherited by JMH forks) holds {@link SlowdownRules}, e.g. {@code
 * kernels.add/simd/f32/65536:20}.
 *
 * <p>A benchmark takes part by extending {@link SlowdownHook}, which looks up its slowdown once per
 * trial, and wrapping its body:
 *
 * <pre>{@code
 * @Benchmark
 * public float[] add() {
 *     long t0 = SlowdownInjection.start(slowdown);
 *     ops.vector().add(a, b, out, size);
 *     SlowdownInjection.finish(slowdown, t0);
 *     return out;
 * }
 * }</pre>
 *
 * <p>{@link #finish} spins on {@link System#nanoTime()} until the operation has taken {@code 1 +
 * percent/100} times what its body took, so the slowdown is proportional whatever the body's speed.
 * When the hook is off, {@link #ENABLED} is a {@code static final false}: the JIT folds both calls
 * away and the benchmark measures exactly what it did without them. When it is on, a benchmark with
 * no applicable rule pays one field test; an injected one pays two {@code nanoTime} calls (about 20-50
 * ns) on top of the slowdown, so choose operations of a microsecond or more for precise percents.
 */
public final class SlowdownInjection {

    /** The system property with the rules: {@value}. */
    public static final String PROPERTY = "bitbench.inject.slowdown";

    /** The environment variable with the rules, read when the property is not set: {@value}. */
    public static final String ENV = "BITBENCH_INJECT_SLOWDOWN";

    /** The setting as found at class initialisation ({@code null} when unset). */
    private static final String SETTING = setting(System.getProperty(PROPERTY), System.getenv(ENV));

    /** Whether any rule is set; a constant, so that the JIT removes the hook when it is off. */
    public static final boolean ENABLED = SETTING != null;

    private SlowdownInjection() {}

    /**
     * The slowdown in percent of the benchmark run with {@code params} (its id from {@link
     * SuiteCatalog}); 0 when the hook is off or no rule applies. Call it in a {@code @Setup} method.
     *
     * @throws IllegalArgumentException if the setting cannot be parsed (the benchmark then fails with
     *     that message)
     */
    public static double percentFor(BenchmarkParams params) {
        if (!ENABLED) {
            return 0.0;
        }
        Map<String, String> values = new HashMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        return percentFor(SlowdownRules.parse(SETTING), params.getBenchmark(), values);
    }

    /** The slowdown of JMH benchmark {@code benchmark} with {@code params} under {@code rules}. */
    static double percentFor(SlowdownRules rules, String benchmark, Map<String, String> params) {
        if (rules.isEmpty()) {
            return 0.0;
        }
        return SuiteCatalog.describe(benchmark, params, SlowdownInjection.class.getClassLoader())
                .map(d -> rules.percentFor(d.id()))
                .orElse(0.0);
    }

    /** The start of one operation: {@link System#nanoTime()} when it is slowed down, else 0. */
    public static long start(double percent) {
        if (!ENABLED || percent <= 0.0) {
            return 0L;
        }
        return System.nanoTime();
    }

    /** The end of one operation begun at {@code t0}: spins for {@code percent} of its time, if any. */
    public static void finish(double percent, long t0) {
        if (!ENABLED || percent <= 0.0) {
            return;
        }
        extend(t0, percent);
    }

    /**
     * Spins until {@code (1 + percent/100)} times the time from {@code t0} to the call has passed
     * since {@code t0}; returns the time the body took as seen here, in nanoseconds.
     */
    static long extend(long t0, double percent) {
        long now = System.nanoTime();
        long body = now - t0;
        long deadline = now + (long) (body * (percent / 100.0));
        while (System.nanoTime() - deadline < 0) {
            // busy-wait: the slowdown costs CPU time like the body does
        }
        return body;
    }

    /** The property's value if set, else the environment's; {@code null} if neither is non-blank. */
    static String setting(String property, String environment) {
        if (property != null && !property.isBlank()) {
            return property;
        }
        if (environment != null && !environment.isBlank()) {
            return environment;
        }
        return null;
    }
}
