package dev.bitbench.cli.crossval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorStatsTest {
    @Test
    void identicalResultsHaveNoErrorAndPass() {
        float[] c = {1f, -2f, 3f};
        ErrorStats s = ErrorStats.compare(c, c.clone(), new double[] {1, 2, 3}, 4);
        assertThat(s.maxAbsError()).isZero();
        assertThat(s.boundRatio()).isZero();
        assertThat(s.passed()).isTrue();
    }

    @Test
    void absProductsAreTheSumsOfAbsoluteTermProducts() {
        // A = [1 -2; 3 4], B = [5; -6]: |1*5| + |-2*-6| = 17, |3*5| + |4*-6| = 39
        double[] p = ErrorStats.absProducts(new float[] {1, -2, 3, 4}, new float[] {5, -6}, 2, 1, 2);
        assertThat(p).containsExactly(17, 39);
    }

    @Test
    void anErrorAboveTwiceTheRoundingBoundFails() {
        int k = 1000;
        double sum = 1000.0;
        double bound = 2 * k * ErrorStats.UNIT_ROUNDOFF / (1 - k * ErrorStats.UNIT_ROUNDOFF) * sum; // about 1.2e-1
        float[] ref = {10f, 20f};
        float[] within = {10f + (float) (bound * 0.5), 20f};
        float[] beyond = {10f, 20f + (float) (bound * 1.5)};
        double[] products = {sum, sum};

        ErrorStats ok = ErrorStats.compare(within, ref, products, k);
        ErrorStats bad = ErrorStats.compare(beyond, ref, products, k);

        assertThat(ok.passed()).isTrue();
        assertThat(ok.boundRatio()).isBetween(0.45, 0.55);
        assertThat(bad.passed()).isFalse();
        assertThat(bad.boundRatio()).isBetween(1.45, 1.55);
        assertThat(bad.maxAbsError()).isCloseTo(bound * 1.5, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(bad.maxRelError()).isCloseTo(bound * 1.5 / 20, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(bad.tolerance()).isCloseTo(bound, org.assertj.core.data.Percentage.withPercentage(0.01));
    }

    @Test
    void aNaNResultFails() {
        ErrorStats s = ErrorStats.compare(new float[] {Float.NaN}, new float[] {1f}, new double[] {1}, 1);
        assertThat(s.passed()).isFalse();
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> ErrorStats.compare(new float[2], new float[3], new double[2], 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lengths differ");
    }
}
