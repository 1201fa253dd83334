package dev.bitbench.core.baseline;

import dev.bitbench.core.detect.MetricSamples;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run into the detector's input: one {@link MetricSamples} per benchmark and metric, with
 * every per-iteration sample, its unit and direction as the run recorded them. Benchmarks whose
 * status is not {@code ok} have no measurements and contribute nothing (so a benchmark that failed
 * in the current run shows up as {@code MISSING}). Pure.
 */
public final class RunSamples {

    private RunSamples() {}

    /** The metrics of every {@code ok} benchmark of {@code run}, in run order. */
    public static List<MetricSamples> of(RunResult run) {
        List<MetricSamples> out = new ArrayList<>();
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.status() != BenchmarkStatus.OK) {
                continue;
            }
            b.metrics()
                    .forEach((name, m) -> out.add(new MetricSamples(
                            b.id(), name, m.unit(), m.better(), m.samples(), BaselineMetric.median(m.samples()))));
        }
        return out;
    }
}
