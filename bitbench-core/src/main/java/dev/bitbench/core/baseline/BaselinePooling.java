package dev.bitbench.core.baseline;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pools several runs of the same suite into one platform baseline: per benchmark and metric, the
 * samples of every run that measured it ({@code ok} status) are concatenated, oldest run first, and
 * the median is taken over the pool. Pooling N runs gives the baseline N times the samples and the
 * run-to-run variation, which the detector's interval then accounts for. Pure.
 *
 * <p>Each benchmark records the runs it came from; its git sha and JDK are those of the newest run
 * (by {@code finished}) that measured it. A metric whose unit or direction differs between runs is
 * an error naming both runs: pooling them would mix different quantities.
 */
public final class BaselinePooling {

    private BaselinePooling() {}

    /**
     * Pools {@code runs}.
     *
     * @param runs at least one run; order does not matter (they are sorted by start time)
     * @param created the creation time recorded in every benchmark
     * @return the baselines of every benchmark measured by at least one run, possibly none
     * @throws IllegalArgumentException if no runs are given, or a metric's unit or direction differ
     *     between runs
     */
    public static PlatformBaseline pool(List<RunResult> runs, Instant created) {
        Objects.requireNonNull(created, "created");
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("pooling needs at least one run");
        }
        List<RunResult> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing((RunResult r) -> r.run().started()));
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (RunResult run : ordered) {
            for (BenchmarkResult b : run.benchmarks()) {
                if (b.status() == BenchmarkStatus.OK) {
                    pools.computeIfAbsent(b.id(), id -> new Pool()).add(run, b);
                }
            }
        }
        Map<String, BenchmarkBaseline> out = new LinkedHashMap<>();
        pools.forEach((id, pool) -> out.put(id, pool.toBaseline(created)));
        return new PlatformBaseline(out);
    }

    /** Samples of one benchmark gathered over runs. */
    private static final class Pool {
        private final List<String> runIds = new ArrayList<>();
        private final Map<String, MetricPool> metrics = new LinkedHashMap<>();
        private RunResult newest;

        void add(RunResult run, BenchmarkResult b) {
            runIds.add(run.run().id());
            if (newest == null || !run.run().finished().isBefore(newest.run().finished())) {
                newest = run;
            }
            b.metrics().forEach((name, m) -> {
                MetricPool pool = metrics.get(name);
                if (pool == null) {
                    metrics.put(
                            name, new MetricPool(m.unit(), m.better(), run.run().id()));
                    pool = metrics.get(name);
                }
                pool.add(b.id(), name, m, run.run().id());
            });
        }

        BenchmarkBaseline toBaseline(Instant created) {
            Map<String, BaselineMetric> out = new LinkedHashMap<>();
            metrics.forEach((name, pool) -> out.put(name, pool.toMetric()));
            return new BenchmarkBaseline(
                    created, newest.run().git().sha(), newest.system().jvm().version(), runIds, out);
        }
    }

    /** Samples of one metric gathered over runs; unit and direction fixed by the first run. */
    private static final class MetricPool {
        private final String unit;
        private final Direction better;
        private final String firstRun;
        private final List<double[]> parts = new ArrayList<>();

        MetricPool(String unit, Direction better, String firstRun) {
            this.unit = unit;
            this.better = better;
            this.firstRun = firstRun;
        }

        void add(String id, String name, Metric m, String runId) {
            if (!m.unit().equals(unit) || m.better() != better) {
                throw new IllegalArgumentException("cannot pool " + id + " [" + name + "]: run " + firstRun + " has "
                        + unit + " (" + better.json() + " is better), run " + runId + " has " + m.unit() + " ("
                        + m.better().json() + " is better); expected the same unit and direction in every run");
            }
            parts.add(m.samples());
        }

        BaselineMetric toMetric() {
            int n = parts.stream().mapToInt(p -> p.length).sum();
            double[] all = new double[n];
            int at = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            return BaselineMetric.ofSamples(unit, better, all);
        }
    }
}
