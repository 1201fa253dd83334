package dev.bitbench.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparklineTest {
    @Test
    void scalesLinearlyFromTheLowestToTheHighestBlock() {
        // (v - 0) / 7 * 8 -> 0, 1.14, 2.29, ... floored and capped at 7.
        assertThat(Sparkline.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 80)).isEqualTo("▁▂▃▄▅▆▇█");
        assertThat(Sparkline.of(new double[] {10, 20, 10}, 80)).isEqualTo("▁█▁");
    }

    @Test
    void aConstantSeriesIsFlatAndALongOneShowsItsNewestValues() {
        assertThat(Sparkline.of(new double[] {5, 5, 5}, 80)).isEqualTo("▄▄▄");
        assertThat(Sparkline.of(new double[] {100, 0, 1}, 2)).isEqualTo("▁█");
    }
}
