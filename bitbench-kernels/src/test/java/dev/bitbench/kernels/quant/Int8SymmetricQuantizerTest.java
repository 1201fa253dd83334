package dev.bitbench.kernels.quant;

import static dev.bitbench.kernels.quant.Granularity.PER_CHANNEL;
import static dev.bitbench.kernels.quant.Granularity.PER_TENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Int8SymmetricQuantizerTest {
    private final Int8SymmetricQuantizer quantizer = new Int8SymmetricQuantizer();

    @Test
    void quantizesWithAbsmaxOver127AndRoundsTiesToEven() {
        // absmax 254 -> scale 2; 3/2 = 1.5 -> 2, -5/2 = -2.5 -> -2, 1/2 = 0.5 -> 0, 7/2 = 3.5 -> 4
        Int8SymmetricMatrix q = quantizer.quantize(new float[] {254f, 3f, -5f, 1f, 7f, -254f}, 2, 3, PER_TENSOR);

        assertThat(q.scales()).containsExactly(2f);
        assertThat(q.codes()).containsExactly(127, 2, -2, 0, 4, -127);
        assertThat(q.dequantize()).containsExactly(254f, 4f, -4f, 0f, 8f, -254f);
    }

    @Test
    void perChannelScalesEachRowByItsOwnAbsmax() {
        // row 0: scale 1, -63.5 is a tie (-> -64); row 1: scale 0.5/127, -0.2 -> -50.8, 0.1 -> 25.4
        float[] w = {127f, -63.5f, 30.25f, 0.5f, -0.2f, 0.1f};
        Int8SymmetricMatrix q = quantizer.quantize(w, 2, 3, PER_CHANNEL);

        assertThat(q.scales()).containsExactly(1f, 0.5f / 127);
        assertThat(q.codes()).containsExactly(127, -64, 30, 127, -51, 25);
    }

    @Test
    void reconstructsWithinHalfAScale() {
        SplittableRandom random = new SplittableRandom(3);
        for (Granularity granularity : Granularity.values()) {
            float[] w = new float[8 * 33];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((random.nextDouble() - 0.5) * Math.scalb(1.0, i / 33 * 3 - 6));
            }
            Int8SymmetricMatrix q = quantizer.quantize(w, 8, 33, granularity);
            float[] r = q.dequantize();
            for (int i = 0; i < w.length; i++) {
                float scale = q.scale(granularity.groupOfRow(i / 33));
                assertThat(Math.abs(w[i] - r[i])).as("element %d", i).isLessThanOrEqualTo(scale * 0.5001f);
                assertThat(q.code(i)).isBetween(-127, 127);
            }
        }
    }

    @Test
    void allZeroRowsGetScaleZeroAndDequantizeToZeros() {
        Int8SymmetricMatrix q = quantizer.quantize(new float[] {0f, -0f, 0f, 1f, 2f, -4f}, 2, 3, PER_CHANNEL);

        assertThat(q.scales()).containsExactly(0f, 4f / 127);
        assertThat(q.dequantize()).startsWith(0f, 0f, 0f).doesNotContain(Float.NaN);
    }

    @Test
    void subnormalWeightsKeepAFiniteInverseScale() {
        float[] w = {1e-40f, -1e-40f, 3e-41f};
        Int8SymmetricMatrix q = quantizer.quantize(w, 1, 3, PER_TENSOR);

        assertThat(q.scale(0)).isEqualTo(Float.MIN_NORMAL);
        float[] r = q.dequantize();
        for (int i = 0; i < w.length; i++) {
            assertThat(Math.abs(w[i] - r[i])).isLessThanOrEqualTo(Float.MIN_NORMAL / 2);
        }
    }

    @Test
    void largestAcceptedMagnitudeReconstructsFinite() {
        float big = 0x1p125f;
        float[] r = quantizer
                .quantize(new float[] {big, -big, big / 3}, 1, 3, PER_TENSOR)
                .dequantize();

        assertThat(r[0]).isEqualTo(big, offset(big * 1e-6f));
        assertThat(r[1]).isEqualTo(-big, offset(big * 1e-6f));
        assertThatThrownBy(() -> quantizer.quantize(new float[] {1f, Float.MAX_VALUE}, 1, 2, PER_TENSOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[1]")
                .hasMessageContaining("2^125");
    }

    @Test
    void rejectsInfinityNamingItsIndex() {
        float[] w = {1f, 2f, 3f, Float.NEGATIVE_INFINITY};
        assertThatThrownBy(() -> quantizer.quantize(w, 2, 2, PER_CHANNEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[3] is -Infinity");
    }

    @Test
    void bytesUsedIsOneBytePerCodePlusFourPerScale() {
        assertThat(quantizer.quantize(new float[15], 3, 5, PER_CHANNEL).bytesUsed())
                .isEqualTo(15 + 12);
        assertThat(quantizer.quantize(new float[15], 3, 5, PER_TENSOR).bytesUsed())
                .isEqualTo(15 + 4);
    }

    @Test
    void ofRejectsMinus128() {
        QuantShape shape = new QuantShape(1, 2, PER_TENSOR);
        assertThatThrownBy(() -> Int8SymmetricMatrix.of(shape, new byte[] {0, -128}, new float[] {1f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codes[1] is -128");
        assertThat(Int8SymmetricMatrix.of(shape, new byte[] {-127, 5}, new float[] {0.5f})
                        .dequantize())
                .containsExactly(-63.5f, 2.5f);
    }
}
