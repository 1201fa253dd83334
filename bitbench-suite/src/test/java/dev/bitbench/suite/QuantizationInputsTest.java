package dev.bitbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.kernels.quant.QuantReport;
import dev.bitbench.suite.quant.QuantizationInputs;
import org.junit.jupiter.api.Test;

class QuantizationInputsTest {
    @Test
    void sameSeedGivesTheSameWeightsAndTheSameReport() {
        assertThat(SeededInputs.checksum(QuantizationInputs.weights(42, 64)))
                .isEqualTo(SeededInputs.checksum(QuantizationInputs.weights(42, 64)))
                .isNotEqualTo(SeededInputs.checksum(QuantizationInputs.weights(43, 64)));
        assertThat(QuantizationInputs.report(42, "int4", "per_channel", 64))
                .isEqualTo(QuantizationInputs.report(42, "int4", "per_channel", 64));
    }

    @Test
    void moreBitsGiveLessErrorAndPerChannelBeatsPerTensorOnRowsOfDifferentScale() {
        QuantReport int8 = QuantizationInputs.report(42, "int8_sym", "per_tensor", 128);
        QuantReport int4 = QuantizationInputs.report(42, "int4", "per_tensor", 128);
        QuantReport ternary = QuantizationInputs.report(42, "ternary", "per_tensor", 128);
        assertThat(int8.error().mse()).isLessThan(int4.error().mse());
        assertThat(int4.error().mse()).isLessThan(ternary.error().mse());
        assertThat(int8.error().cosineSimilarity()).isGreaterThan(0.999);
        QuantReport int4PerChannel = QuantizationInputs.report(42, "int4", "per_channel", 128);
        assertThat(int4PerChannel.error().mse()).isLessThan(int4.error().mse());
        // 32-bit floats to 8-bit codes: about 4x smaller, a little less for the scale
        assertThat(int8.memoryReduction()).isBetween(3.9, 4.0);
    }

    @Test
    void rejectsAnUnknownGranularity() {
        assertThatThrownBy(() -> QuantizationInputs.granularity("per_row"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("per_row");
    }
}
