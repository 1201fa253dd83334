package dev.bitbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.Direction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void ofComputesTheSummaryFromTheSamples() {
        Metric m = Metric.of("ms/op", Direction.LOWER, 4, 1, 3, 2);

        assertThat(m.n()).isEqualTo(4);
        assertThat(m.median()).isEqualTo(2.5);
        assertThat(m.mean()).isEqualTo(2.5);
        assertThat(m.min()).isEqualTo(1);
        assertThat(m.max()).isEqualTo(4);
        assertThat(m.ci()).isEqualTo(new ConfidenceInterval(0.95, 1, 4));
        assertThat(m.samples()).containsExactly(4, 1, 3, 2);
    }

    @Test
    void samplesCannotBeChangedFromOutside() {
        double[] samples = {1, 2, 3};
        Metric m = Metric.of("ns/op", Direction.LOWER, samples);
        samples[0] = 100;
        m.samples()[1] = 100;

        assertThat(m.samples()).containsExactly(1, 2, 3);
    }

    @Test
    void equalityComparesSampleContent() {
        assertThat(Metric.of("ns/op", Direction.LOWER, 1, 2)).isEqualTo(Metric.of("ns/op", Direction.LOWER, 1, 2));
        assertThat(Metric.of("ns/op", Direction.LOWER, 1, 2)).isNotEqualTo(Metric.of("ns/op", Direction.LOWER, 2, 1));
        assertThat(Metric.of("ns/op", Direction.LOWER, 1, 2)).isNotEqualTo(Metric.of("ns/op", Direction.HIGHER, 1, 2));
    }

    @Test
    void rejectsInvalidMetrics() {
        ConfidenceInterval ci = new ConfidenceInterval(0.95, 1, 1);
        assertThatThrownBy(() -> Metric.of("ms/op", Direction.LOWER)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Metric.of(" ", Direction.LOWER, 1)).hasMessageContaining("unit");
        assertThatThrownBy(() -> new Metric("ms", Direction.LOWER, new double[] {1}, 2, 1, 1, 0, 1, 1, 1, 1, 1, ci))
                .hasMessageContaining("n must equal");
        assertThatThrownBy(() -> new Metric("ms", Direction.LOWER, new double[] {1}, 1, 1, 1, -1, 1, 1, 1, 1, 1, ci))
                .hasMessageContaining("stddev");
        assertThatThrownBy(() -> new Metric("ms", Direction.LOWER, new double[] {1}, 1, 1, 1, 0, 2, 1, 1, 1, 1, ci))
                .hasMessageContaining("inconsistent");
        assertThatThrownBy(() -> new ConfidenceInterval(1.0, 0, 1)).hasMessageContaining("level");
    }

    @Test
    void benchmarkStatusRulesAreEnforced() {
        Map<String, Metric> metrics = Map.of("time", Metric.of("ms/op", Direction.LOWER, 1));
        assertThatThrownBy(() ->
                        new BenchmarkResult("a.b", "a", "b", null, null, Map.of(), BenchmarkStatus.OK, "x", metrics))
                .hasMessageContaining("ok but has an error");
        assertThatThrownBy(() ->
                        new BenchmarkResult("a.b", "a", "b", null, null, Map.of(), BenchmarkStatus.OK, null, Map.of()))
                .hasMessageContaining("no metrics");
        assertThatThrownBy(() ->
                        BenchmarkResult.notMeasured("a.b", "a", "b", null, null, Map.of(), BenchmarkStatus.FAILED, " "))
                .hasMessageContaining("needs an error");
    }
}
