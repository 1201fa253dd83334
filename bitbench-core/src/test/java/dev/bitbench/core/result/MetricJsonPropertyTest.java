package dev.bitbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.Direction;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** Any metric survives the JSON text exactly: every double is written in a form that reads back equal. */
class MetricJsonPropertyTest {

    @Property(tries = 200, seed = "42")
    void metricsRoundTripBitForBit(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -1e12, max = 1e12) Double> values,
            @ForAll boolean higher) {
        double[] samples = values.stream().mapToDouble(Double::doubleValue).toArray();
        Metric metric = Metric.of("x/op", higher ? Direction.HIGHER : Direction.LOWER, samples);
        RunResult run = ResultFixtures.run();
        BenchmarkResult b = new BenchmarkResult(
                "g.op/b/f32/1", "g", "op", "b", "f32", Map.of(), BenchmarkStatus.OK, null, Map.of("m", metric));
        RunResult withMetric = new RunResult(run.run(), run.system(), List.of(b));

        RunResult back = RunResultJson.fromJson(RunResultJson.toJson(withMetric), "prop");

        assertThat(back.benchmarks().get(0).metrics().get("m")).isEqualTo(metric);
    }
}
