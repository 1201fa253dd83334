package dev.bitbench.cli.testbench;

import dev.bitbench.suite.Bench;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Test-only benchmarks, in group {@code selftest}, that misbehave on purpose: one throws, one never
 * returns. They exist only on the test class path; the runner must record them as {@code failed}
 * and {@code timeout} and carry on with the others.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FaultBenchmarks {
    /** The message the runner must record. */
    public static final String MESSAGE = "selftest benchmark fails on purpose";

    @Benchmark
    @Bench(group = "selftest", op = "throws", backend = "test", shape = "none")
    public void throwing() {
        throw new IllegalStateException(MESSAGE);
    }

    /** Never returns, ignoring interrupts: only killing its JVM stops it. */
    @Benchmark
    @Bench(group = "selftest", op = "hangs", backend = "test", shape = "none")
    public void hanging() {
        while (true) {
            LockSupport.park();
        }
    }
}
