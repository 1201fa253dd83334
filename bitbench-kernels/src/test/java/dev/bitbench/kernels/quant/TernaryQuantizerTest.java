package dev.bitbench.kernels.quant;

import static dev.bitbench.kernels.quant.Granularity.PER_CHANNEL;
import static dev.bitbench.kernels.quant.Granularity.PER_TENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TernaryQuantizerTest {
    private final TernaryQuantizer quantizer = new TernaryQuantizer();

    @Test
    void quantizesTheBitNetExampleWithItsAbsmeanScale() {
        // absmean = (0.5 + 1.2 + 0.05 + 2.0) / 4 = 0.9375; w / 0.9375 = 0.53, -1.28, 0.053, 2.13
        TernaryMatrix q = quantizer.quantize(new float[] {0.5f, -1.2f, 0.05f, 2.0f}, 1, 4, PER_TENSOR);

        assertThat(q.codes()).containsExactly(1, -1, 0, 1);
        assertThat(q.scales()).containsExactly(0.9375f);
        assertThat(q.dequantize()).containsExactly(0.9375f, -0.9375f, 0f, 0.9375f);
    }

    @Test
    void perChannelGivesEachRowItsOwnAbsmean() {
        // row 0: absmean 1.0, and 0.5 / 1.0 is a tie that rounds to even (0);
        // row 1: absmean (0.5 + 0 + 0.25) / 3 = 0.25, so 0.5 -> 2 is clamped to 1
        float[] w = {0.5f, -1.5f, 1.0f, 0.5f, 0.0f, -0.25f};
        TernaryMatrix q = quantizer.quantize(w, 2, 3, PER_CHANNEL);

        assertThat(q.scales()).containsExactly(1.0f, 0.25f);
        assertThat(q.codes()).containsExactly(0, -1, 1, 1, 0, -1);
        assertThat(q.scaleOfRow(0)).isEqualTo(1.0f);
        assertThat(q.scaleOfRow(1)).isEqualTo(0.25f);
        assertThat(q.dequantize()).containsExactly(0f, -1f, 1f, 0.25f, 0f, -0.25f);
    }

    @Test
    void roundsTiesToEvenSymmetricallyInSign() {
        // absmean 1.0: +-0.5 are ties (-> 0), +-1.5 clamp to +-1
        TernaryMatrix q = quantizer.quantize(new float[] {0.5f, -0.5f, 1.5f, -1.5f}, 1, 4, PER_TENSOR);

        assertThat(q.scale(0)).isEqualTo(1.0f);
        assertThat(q.codes()).containsExactly(0, 0, 1, -1);
    }

    @Test
    void reconstructsWeightsAlreadyInPlusMinusScaleExactly() {
        // s from 2^-16 (above MIN_SCALE) to 2^20
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            float s = (float) Math.scalb(1 + random.nextDouble(), random.nextInt(-16, 20));
            float[] w = new float[37];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextBoolean() ? s : -s;
            }
            TernaryMatrix q = quantizer.quantize(w, 1, w.length, PER_TENSOR);
            assertThat(q.scale(0)).isEqualTo(s);
            assertThat(q.dequantize()).containsExactly(w);
        }
    }

    @Test
    void keepsTheCodesOfWeightsInMinusZeroPlusScale() {
        // with zeros mixed in, the absmean is below s, so values come back as the mean, codes exact
        float s = 0.75f;
        float[] w = {s, 0f, -s, s, 0f, -s, -s, 0f};
        TernaryMatrix q = quantizer.quantize(w, 2, 4, PER_TENSOR);

        assertThat(q.codes()).containsExactly(1, 0, -1, 1, 0, -1, -1, 0);
        assertThat(q.scale(0)).isEqualTo(s * 5 / 8);
    }

    @Test
    void allZeroRowsGetTheMinimumScaleAndDequantizeToZeros() {
        float[] w = {0f, 0f, 0f, 1f, -2f, 3f};
        TernaryMatrix q = quantizer.quantize(w, 2, 3, PER_CHANNEL);

        assertThat(q.scale(0)).isEqualTo(TernaryQuantizer.MIN_SCALE);
        // row 1: absmean 2, so 1/2 = 0.5 is a tie (-> 0), -2/2 -> -1, 3/2 -> 1
        assertThat(q.scale(1)).isEqualTo(2f);
        assertThat(q.dequantize()).containsExactly(0f, 0f, 0f, 0f, -2f, 2f);
        TernaryMatrix zeros = quantizer.quantize(new float[6], 2, 3, PER_TENSOR);
        assertThat(zeros.scales()).containsExactly(TernaryQuantizer.MIN_SCALE);
        assertThat(zeros.dequantize()).containsOnly(0f);
    }

    @Test
    void weightsFarBelowTheMinimumScaleBecomeZero() {
        // BitNet's clamp(min=1e-5): 1e-7 / 1e-5 = 0.01 rounds to 0
        TernaryMatrix q = quantizer.quantize(new float[] {1e-7f, -1e-7f}, 1, 2, PER_TENSOR);

        assertThat(q.codes()).containsExactly(0, 0);
    }

    @Test
    void emptyGroupsHaveTheMinimumScale() {
        TernaryMatrix noCols = quantizer.quantize(new float[0], 3, 0, PER_CHANNEL);
        assertThat(noCols.scales())
                .containsExactly(TernaryQuantizer.MIN_SCALE, TernaryQuantizer.MIN_SCALE, TernaryQuantizer.MIN_SCALE);
        assertThat(noCols.dequantize()).isEmpty();
        assertThat(quantizer.quantize(new float[0], 0, 0, PER_TENSOR).scales())
                .containsExactly(TernaryQuantizer.MIN_SCALE);
    }

    @Test
    void bytesUsedCountsPackedTwoBitCodesAndFourBytesPerScale() {
        float[] w = new float[15];
        assertThat(quantizer.quantize(w, 3, 5, PER_CHANNEL).bytesUsed()).isEqualTo(4 + 3 * 4);
        assertThat(quantizer.quantize(w, 3, 5, PER_TENSOR).bytesUsed()).isEqualTo(4 + 4);
        assertThat(quantizer.quantize(new float[4096], 64, 64, PER_TENSOR).memoryReduction())
                .isEqualTo(4.0 * 4096 / (1024 + 4));
    }

    @Test
    void rejectsNaNNamingItsIndex() {
        float[] w = {1f, 2f, Float.NaN, 3f};
        assertThatThrownBy(() -> quantizer.quantize(w, 2, 2, PER_CHANNEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[2]")
                .hasMessageContaining("NaN");
    }

    @Test
    void ofValidatesCodesAndCopiesItsArrays() {
        QuantShape shape = new QuantShape(1, 3, PER_TENSOR);
        byte[] codes = {1, 0, -1};
        float[] scales = {2f};
        TernaryMatrix q = TernaryMatrix.of(shape, codes, scales);
        codes[0] = -1;
        scales[0] = 5f;
        q.codes()[1] = 1;

        assertThat(q.dequantize()).containsExactly(2f, 0f, -2f);
        TernaryMatrix same = TernaryMatrix.of(shape, new byte[] {1, 0, -1}, new float[] {2f});
        assertThat(q).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(q).isNotEqualTo(TernaryMatrix.of(shape, new byte[] {1, 0, -1}, new float[] {3f}));
        assertThatThrownBy(() -> TernaryMatrix.of(shape, new byte[] {1, 2, 0}, new float[] {1f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codes[1] is 2");
        assertThatThrownBy(() -> TernaryMatrix.of(shape, new byte[] {1, 0, 0}, new float[] {1f, 1f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scales.length is 2");
    }
}
