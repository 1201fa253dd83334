package dev.bitbench.cli.run;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.suite.BenchmarkDescriptor;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns how each benchmark ended into result records: {@code time} from JMH's samples ({@code
 * lower}), {@code latency} from a {@code SampleTime} benchmark's single invocations ({@code lower};
 * its {@code p50}, {@code p95} and {@code p99} are the per-operation latency percentiles), {@code
 * throughput} derived per sample from the declared work ({@code higher}), {@code
 * alloc} in B/op from the gc profiler ({@code lower}), the {@link MemoryEnergyProfiler}'s metrics
 * ({@code peak_rss}, {@code peak_heap} in bytes and, where the machine has the counters, energy,
 * temperature, frequency and battery), plus any extra metrics computed in process (quantization
 * accuracy).
 */
public final class RunAssembler {
    private RunAssembler() {}

    /** The result of one benchmark; a JMH file that cannot be read makes it {@code failed}. */
    public static BenchmarkResult toResult(CaseOutcome outcome, Map<String, Metric> extraMetrics) {
        BenchmarkDescriptor d = outcome.benchmark().descriptor();
        Map<String, String> params = params(d);
        if (!outcome.ok()) {
            return BenchmarkResult.notMeasured(
                    d.id(),
                    d.group(),
                    d.op(),
                    d.backend(),
                    d.dtype(),
                    params,
                    BenchmarkStatus.parse(outcome.status()),
                    outcome.error() == null || outcome.error().isBlank() ? outcome.status() : outcome.error());
        }
        try {
            JmhJsonResult jmh = JmhJsonResult.read(outcome.jmhJson());
            return new BenchmarkResult(
                    d.id(),
                    d.group(),
                    d.op(),
                    d.backend(),
                    d.dtype(),
                    params,
                    BenchmarkStatus.OK,
                    null,
                    metrics(d, jmh, extraMetrics));
        } catch (IOException | RuntimeException e) {
            return BenchmarkResult.notMeasured(
                    d.id(),
                    d.group(),
                    d.op(),
                    d.backend(),
                    d.dtype(),
                    params,
                    BenchmarkStatus.FAILED,
                    "could not read JMH's result: " + e.getMessage());
        }
    }

    /**
     * The metrics of a measured benchmark, in the order time, latency (SampleTime only), throughput, alloc, the profiled ones
     * ({@code peak_rss}, {@code peak_heap}, energy, …, those that could be read), extras.
     */
    static Map<String, Metric> metrics(BenchmarkDescriptor d, JmhJsonResult jmh, Map<String, Metric> extras) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("time", Metric.of(jmh.timeUnit(), Direction.LOWER, jmh.times()));
        if (jmh.latencies().length > 0) {
            metrics.put("latency", Metric.of(jmh.timeUnit(), Direction.LOWER, jmh.latencies()));
        }
        double[] times = jmh.times();
        boolean positive = true;
        for (double t : times) {
            positive &= t > 0;
        }
        if (d.hasThroughput() && positive) {
            double[] throughput = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                throughput[i] = d.throughput(times[i] * jmh.secondsPerUnit());
            }
            metrics.put("throughput", Metric.of(d.unit().throughputUnit(), Direction.HIGHER, throughput));
        }
        if (jmh.allocBytesPerOp().length > 0) {
            metrics.put("alloc", Metric.of("B/op", Direction.LOWER, jmh.allocBytesPerOp()));
        }
        jmh.profiled().forEach((m, samples) -> metrics.put(m.label(), Metric.of(m.unit(), m.better(), samples)));
        metrics.putAll(extras);
        return metrics;
    }

    /** The id's parameters: every JMH parameter but backend and dtype, then the shape. */
    static Map<String, String> params(BenchmarkDescriptor d) {
        Map<String, String> params = new LinkedHashMap<>();
        d.params().forEach((k, v) -> {
            if (!k.equals("backend") && !k.equals("dtype")) {
                params.put(k, v);
            }
        });
        params.put("shape", d.shape());
        return params;
    }

    /**
     * The run's status: {@code partial} when any benchmark failed or timed out or the run was
     * interrupted, {@code failed} when nothing was measured, else {@code ok}.
     */
    public static RunStatus status(List<BenchmarkResult> results, boolean interrupted) {
        boolean anyOk = results.stream().anyMatch(r -> r.status() == BenchmarkStatus.OK);
        boolean anyBad = results.stream()
                .anyMatch(r -> r.status() == BenchmarkStatus.FAILED || r.status() == BenchmarkStatus.TIMEOUT);
        if (!anyOk && (anyBad || interrupted)) {
            return RunStatus.FAILED;
        }
        return anyBad || interrupted ? RunStatus.PARTIAL : RunStatus.OK;
    }
}
