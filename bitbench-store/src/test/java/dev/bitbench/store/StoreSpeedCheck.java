package dev.bitbench.store;

import dev.bitbench.core.result.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Measures the store's speed by hand (not a test: benchmarks measure, tests assert). Fills an empty
 * database with {@code RUNS} runs of {@code BENCHMARKS} benchmarks (two metrics each, so {@code 2 *
 * RUNS * BENCHMARKS} metric rows) spread over a year, then times one benchmark's 365-day trend and
 * the storing of one 500-benchmark x 100-sample run.
 *
 * <pre>
 * java -cp CLASSPATH dev.bitbench.store.StoreSpeedCheck jdbc:sqlite:/tmp/speed.db [RUNS] [BENCHMARKS]
 * </pre>
 */
public final class StoreSpeedCheck {
    private StoreSpeedCheck() {}

    public static void main(String[] args) {
        String url = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1825;
        int benchmarks = args.length > 2 ? Integer.parseInt(args[2]) : 274;
        RunStore store = RunStore.open(url);
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        long step = Duration.ofDays(365).getSeconds() / Math.max(1, runs);
        long fill = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Instant started = end.minusSeconds(step * (runs - i));
            store.store(StoreFixtures.run(
                    "fill-" + i,
                    started,
                    i % 10 == 0 ? "macos-aarch64" : "linux-x86_64",
                    "main",
                    Map.of(),
                    benchmarks,
                    5,
                    10,
                    i));
            if (i % 200 == 0) {
                System.out.printf("filled %d runs (%.0f s)%n", i, (System.nanoTime() - fill) / 1e9);
            }
        }
        System.out.printf(
                "filled %d runs = %d metric rows in %.1f s%n",
                runs, 2L * runs * benchmarks, (System.nanoTime() - fill) / 1e9);
        HistoryQuery trend =
                new HistoryQuery("bench.op/b7", "time", "linux-x86_64", null, end.minus(Duration.ofDays(365)), 0);
        for (int rep = 0; rep < 5; rep++) {
            long t = System.nanoTime();
            List<HistoryPoint> points = store.history(trend);
            System.out.printf(
                    "365-day trend of one benchmark: %d points in %.1f ms%n",
                    points.size(), (System.nanoTime() - t) / 1e6);
        }
        for (int rep = 0; rep < 3; rep++) {
            RunResult big = StoreFixtures.run(
                    "big-" + rep, end.plusSeconds(rep), "linux-x86_64", "main", Map.of(), 500, 100, 10, rep);
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long c = cpu.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            store.store(big);
            System.out.printf(
                    "store 500 benchmarks x 100 samples: %.0f ms (this thread's CPU: %.0f ms)%n",
                    (System.nanoTime() - t) / 1e6, (cpu.getCurrentThreadCpuTime() - c) / 1e6);
            t = System.nanoTime();
            RunResult loaded = store.load(big.run().id()).orElseThrow();
            System.out.printf(
                    "load it back (%s): %.0f ms%n",
                    loaded.equals(big) ? "equal" : "DIFFERENT", (System.nanoTime() - t) / 1e6);
        }
    }
}
