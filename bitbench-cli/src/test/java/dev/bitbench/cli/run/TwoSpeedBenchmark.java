package dev.bitbench.cli.run;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Test-only {@code SampleTime} benchmark without {@code @Bench} (so not in the suite catalog): a
 * seeded random tenth of the invocations does 30 times the work of the others, so its latency
 * distribution has a slow tail for the percentiles to find (random, not every tenth: JMH times
 * every 2^k-th invocation, which a fixed period would alias with). Its JMH JSON has {@code rawDataHistogram} instead of {@code
 * rawData}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TwoSpeedBenchmark {
    private final SplittableRandom random = new SplittableRandom(42);

    @Benchmark
    public void step() {
        Blackhole.consumeCPU(random.nextInt(10) == 0 ? 30_000 : 1_000);
    }
}
