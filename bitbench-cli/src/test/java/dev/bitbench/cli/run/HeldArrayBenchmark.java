package dev.bitbench.cli.run;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Test-only benchmark without {@code @Bench} (so not in the suite catalog): it keeps {@link #BYTES}
 * of heap alive for the whole trial, which the memory profiler must see.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeldArrayBenchmark {
    /** Bytes the state holds. */
    public static final int BYTES = 32 * 1024 * 1024;

    private long[] held;

    @Setup(Level.Trial)
    public void fill() {
        held = new long[BYTES / Long.BYTES];
        for (int i = 0; i < held.length; i++) {
            held[i] = i * 31L;
        }
    }

    @Benchmark
    public long sumOfAFew() {
        return held[7] + held[held.length / 2] + held[held.length - 1];
    }
}
