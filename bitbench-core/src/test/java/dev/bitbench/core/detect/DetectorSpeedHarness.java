package dev.bitbench.core.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures, by hand, how long the detector takes on 10,000 benchmarks x 100 samples a side (the
 * issue's budget: under 5 s). Not a test: nothing here asserts on time. Run after {@code test-compile}:
 *
 * <pre>{@code
 * java -cp bitbench-core/target/classes:bitbench-core/target/test-classes:$(deps) \
 *     dev.bitbench.core.detect.DetectorSpeedHarness [benchmarks] [samples] [rounds]
 * }</pre>
 *
 * Prints, per round, the wall and process CPU time of the parallel run and the wall and thread CPU time
 * of the sequential run (CPU time is the steadier number on a shared machine).
 */
public final class DetectorSpeedHarness {

    private DetectorSpeedHarness() {}

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1L;
    }

    public static void main(String[] args) {
        int benchmarks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Simulation sim = new Simulation(1);
        List<MetricSamples> baseline = new ArrayList<>(benchmarks);
        List<MetricSamples> current = new ArrayList<>(benchmarks);
        for (int i = 0; i < benchmarks; i++) {
            String id = "speed/" + i;
            double cv = sim.uniform(0.01, 0.10);
            double factor = i % 10 == 0 ? 1.2 : 1.0;
            baseline.add(
                    i % 2 == 0
                            ? Simulation.time(id, sim.lognormal(samples, 100, cv))
                            : Simulation.throughput(id, sim.lognormal(samples, 100, cv)));
            current.add(
                    i % 2 == 0
                            ? Simulation.time(id, sim.lognormal(samples, 100 * factor, cv))
                            : Simulation.throughput(id, sim.lognormal(samples, 100 * factor, cv)));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(
                Locale.ROOT,
                "%d benchmarks x %d samples a side, %d resamples, %d processors, %s %s%n",
                benchmarks,
                samples,
                DetectorConfig.MIN_RESAMPLES,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        for (int round = 1; round <= rounds; round++) {
            RegressionDetector parallel = new RegressionDetector(DetectorConfig.defaults());
            long p0 = processCpuNanos();
            long t0 = System.nanoTime();
            ComparisonReport report = parallel.compare(baseline, current);
            long t1 = System.nanoTime();
            long p1 = processCpuNanos();
            RegressionDetector sequential =
                    new RegressionDetector(DetectorConfig.defaults().withParallel(false));
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            ComparisonReport again = sequential.compare(baseline, current);
            long t3 = System.nanoTime();
            long cpu1 = threads.getCurrentThreadCpuTime();
            System.out.printf(
                    Locale.ROOT,
                    "round %d: parallel %.2f s wall, %.2f s process CPU; sequential %.2f s wall, %.2f s thread CPU;"
                            + " same result %s; %s%n",
                    round,
                    (t1 - t0) / 1e9,
                    (p1 - p0) / 1e9,
                    (t3 - t2) / 1e9,
                    (cpu1 - cpu0) / 1e9,
                    report.comparisons().equals(again.comparisons()),
                    report.counts());
        }
    }
}
