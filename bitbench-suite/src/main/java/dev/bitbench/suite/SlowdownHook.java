package dev.bitbench.suite;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Base class of the benchmark states that take part in the test-only slowdown hook ({@link
 * SlowdownInjection}): JMH runs the inherited {@link #injection} set-up once per trial, and the
 * measured method wraps its body in {@code SlowdownInjection.start(slowdown)} and {@code
 * SlowdownInjection.finish(slowdown, t0)}.
 */
public abstract class SlowdownHook {

    /** The slowdown of this benchmark in percent; 0 unless a rule names it. */
    protected double slowdown;

    /** Looks up this benchmark's slowdown by its BitBench id. */
    @Setup(Level.Trial)
    public void injection(BenchmarkParams params) {
        slowdown = SlowdownInjection.percentFor(params);
    }
}
