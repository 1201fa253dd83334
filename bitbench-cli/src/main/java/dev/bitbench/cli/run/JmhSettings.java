package dev.bitbench.cli.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How JMH runs each benchmark: forks, warm-up and measurement iterations and times, and the
 * per-benchmark timeout after which the runner stops it and records {@code timeout}.
 *
 * @param forks JMH forks per benchmark; 0 runs it inside the runner's child JVM (the smoke profile)
 * @param warmupIterations warm-up iterations per fork, >= 0
 * @param warmupTime duration of each warm-up iteration, > 0
 * @param measurementIterations measured iterations per fork, >= 1; each gives one sample
 * @param measurementTime duration of each measured iteration, > 0
 * @param timeout wall time one benchmark may take, fork start-up included, > 0
 */
public record JmhSettings(
        int forks,
        int warmupIterations,
        Duration warmupTime,
        int measurementIterations,
        Duration measurementTime,
        Duration timeout) {
    public JmhSettings {
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(measurementTime, "measurementTime");
        Objects.requireNonNull(timeout, "timeout");
        if (forks < 0 || warmupIterations < 0 || measurementIterations < 1) {
            throw new IllegalArgumentException("forks and warm-up iterations must be >= 0 and measurement iterations"
                    + " >= 1, got " + forks + "/" + warmupIterations + "/" + measurementIterations);
        }
        if (warmupTime.isNegative()
                || warmupTime.isZero()
                || measurementTime.isNegative()
                || measurementTime.isZero()
                || timeout.isNegative()
                || timeout.isZero()) {
            throw new IllegalArgumentException("iteration times and timeout must be > 0");
        }
    }

    /** The wall time one benchmark is expected to take, without JVM start-up. */
    public Duration expectedPerBenchmark() {
        Duration perFork =
                warmupTime.multipliedBy(warmupIterations).plus(measurementTime.multipliedBy(measurementIterations));
        return perFork.multipliedBy(Math.max(1, forks));
    }

    /** These settings as arguments of {@link ForkHost}. */
    List<String> toArguments() {
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(forks));
        args.add(Integer.toString(warmupIterations));
        args.add(Long.toString(warmupTime.toMillis()));
        args.add(Integer.toString(measurementIterations));
        args.add(Long.toString(measurementTime.toMillis()));
        args.add(Long.toString(timeout.toMillis()));
        return args;
    }

    /** Reads what {@link #toArguments()} wrote, starting at {@code args[from]}. */
    static JmhSettings fromArguments(String[] args, int from) {
        return new JmhSettings(
                Integer.parseInt(args[from]),
                Integer.parseInt(args[from + 1]),
                Duration.ofMillis(Long.parseLong(args[from + 2])),
                Integer.parseInt(args[from + 3]),
                Duration.ofMillis(Long.parseLong(args[from + 4])),
                Duration.ofMillis(Long.parseLong(args[from + 5])));
    }
}
