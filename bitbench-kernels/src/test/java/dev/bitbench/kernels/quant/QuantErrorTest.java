package dev.bitbench.kernels.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantErrorTest {

    @Test
    void computesHandWorkedErrors() {
        // diffs 0, 0, -1: mse 1/3, max 1; cosine = (1 + 4 + 12) / (sqrt(14) * sqrt(21)) = 17 / sqrt(294)
        QuantError error = QuantError.between(new float[] {1f, 2f, 3f}, new float[] {1f, 2f, 4f});

        assertThat(error.mse()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(error.maxAbsError()).isEqualTo(1.0);
        assertThat(error.cosineSimilarity()).isCloseTo(17 / Math.sqrt(294), within(1e-15));
    }

    @Test
    void identicalArraysHaveNoErrorAndCosineOne() {
        float[] w = {0.3f, -7f, 1e-3f};
        assertThat(QuantError.between(w, w.clone())).isEqualTo(new QuantError(0, 0, 1));
    }

    @Test
    void oppositeArraysHaveCosineMinusOne() {
        QuantError error = QuantError.between(new float[] {1f, -2f}, new float[] {-1f, 2f});

        assertThat(error.cosineSimilarity()).isEqualTo(-1.0);
        assertThat(error.mse()).isEqualTo((4.0 + 16.0) / 2);
        assertThat(error.maxAbsError()).isEqualTo(4.0);
    }

    @Test
    void zeroVectorsAreDefined() {
        assertThat(QuantError.between(new float[3], new float[3]).cosineSimilarity())
                .isEqualTo(1.0);
        assertThat(QuantError.between(new float[] {1f, 0f}, new float[2]).cosineSimilarity())
                .isZero();
        assertThat(QuantError.between(new float[0], new float[0])).isEqualTo(new QuantError(0, 0, 1));
    }

    @Test
    void nanPropagates() {
        QuantError error = QuantError.between(new float[] {1f, 2f}, new float[] {1f, Float.NaN});

        assertThat(error.mse()).isNaN();
        assertThat(error.maxAbsError()).isNaN();
    }

    @Test
    void leavesItsInputsUnchanged() {
        float[] original = {1f, 2f};
        float[] reconstructed = {1.5f, 2.5f};
        QuantError.between(original, reconstructed);

        assertThat(original).containsExactly(1f, 2f);
        assertThat(reconstructed).containsExactly(1.5f, 2.5f);
    }

    @Test
    void rejectsDifferentLengthsNamingBoth() {
        assertThatThrownBy(() -> QuantError.between(new float[3], new float[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("original.length is 3")
                .hasMessageContaining("reconstructed.length is 4");
    }
}
