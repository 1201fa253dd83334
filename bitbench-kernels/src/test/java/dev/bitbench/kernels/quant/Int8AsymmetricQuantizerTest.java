package dev.bitbench.kernels.quant;

import static dev.bitbench.kernels.quant.Granularity.PER_CHANNEL;
import static dev.bitbench.kernels.quant.Granularity.PER_TENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Int8AsymmetricQuantizerTest {
    private final Int8AsymmetricQuantizer quantizer = new Int8AsymmetricQuantizer();

    @Test
    void quantizesWithMinMaxScaleAndZeroPoint() {
        // lo = -1, hi = 254: scale (254 + 1) / 255 = 1, zero point round(1 / 1) = 1, code = w + 1
        float[] w = {-1f, 0f, 1.5f, 254f, 100.25f};
        Int8AsymmetricMatrix q = quantizer.quantize(w, 1, 5, PER_TENSOR);

        assertThat(q.scales()).containsExactly(1f);
        assertThat(q.zeroPoint(0)).isEqualTo(1);
        // 1.5 + 1 = 2.5 is a tie (-> 2); 254 + 1 = 255 is stored as the unsigned byte 0xff
        assertThat(q.code(0)).isZero();
        assertThat(new int[] {q.code(0), q.code(1), q.code(2), q.code(3), q.code(4)})
                .containsExactly(0, 1, 2, 255, 101);
        assertThat(q.codes()[3]).isEqualTo((byte) 0xff);
        assertThat(q.dequantize()).containsExactly(-1f, 0f, 1f, 254f, 100f);
    }

    @Test
    void widensAnAllPositiveRangeToIncludeZero() {
        // lo = 0 (widened), hi = 4: scale 4/255, zero point 0; 2.1 / (4/255) = 133.875 -> 134
        Int8AsymmetricMatrix q = quantizer.quantize(new float[] {2.1f, 4f}, 1, 2, PER_TENSOR);

        assertThat(q.scale(0)).isEqualTo(4f / 255);
        assertThat(q.zeroPoint(0)).isZero();
        assertThat(q.code(0)).isEqualTo(134);
        assertThat(q.code(1)).isEqualTo(255);
    }

    @Test
    void anAllNegativeRowHasZeroPoint255() {
        Int8AsymmetricMatrix q = quantizer.quantize(new float[] {1f, 2f, -5.1f, -2f}, 2, 2, PER_CHANNEL);

        assertThat(q.zeroPoint(0)).isZero();
        assertThat(q.zeroPoint(1)).isEqualTo(255);
        assertThat(q.code(2)).isZero();
        assertThat(q.dequantize()[2]).isEqualTo(-5.1f, offset(1e-6f));
    }

    @Test
    void representsZeroExactlyAndReconstructsWithinHalfAScale() {
        SplittableRandom random = new SplittableRandom(5);
        for (Granularity granularity : Granularity.values()) {
            float[] w = new float[6 * 41];
            for (int i = 0; i < w.length; i++) {
                // rows skewed differently: mostly positive, mostly negative, centred
                double offset = (i / 41 % 3 - 1) * 0.8;
                w[i] = i % 7 == 0 ? 0f : (float) ((random.nextDouble() - 0.5 + offset) * (1 + i / 41));
            }
            Int8AsymmetricMatrix q = quantizer.quantize(w, 6, 41, granularity);
            float[] r = q.dequantize();
            for (int i = 0; i < w.length; i++) {
                float scale = q.scale(granularity.groupOfRow(i / 41));
                assertThat(Math.abs(w[i] - r[i])).as("element %d", i).isLessThanOrEqualTo(scale * 0.5001f);
                if (w[i] == 0f) {
                    assertThat(r[i]).as("element %d", i).isZero();
                }
            }
        }
    }

    @Test
    void allZeroRowsGetScaleZeroAndDequantizeToZeros() {
        Int8AsymmetricMatrix q = quantizer.quantize(new float[] {0f, 0f, 3f, -1f}, 2, 2, PER_CHANNEL);

        assertThat(q.scale(0)).isZero();
        assertThat(q.zeroPoint(0)).isZero();
        assertThat(q.dequantize()).startsWith(0f, 0f).doesNotContain(Float.NaN);
    }

    @Test
    void extremeAcceptedRangesReconstructFinite() {
        float big = 0x1p125f;
        float[] r = quantizer
                .quantize(new float[] {big, -big, 0f}, 1, 3, PER_TENSOR)
                .dequantize();

        for (float value : r) {
            assertThat(value).isFinite();
        }
        assertThat(r[0]).isEqualTo(big, offset(big * 0.01f));
        assertThat(r[1]).isEqualTo(-big, offset(big * 0.01f));
        assertThatThrownBy(() -> quantizer.quantize(new float[] {-Float.MAX_VALUE, 1f}, 1, 2, PER_TENSOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[0]");
    }

    @Test
    void rejectsNaNNamingItsIndex() {
        float[] w = {1f, 2f, 3f, 4f, Float.NaN, 6f};
        assertThatThrownBy(() -> quantizer.quantize(w, 3, 2, PER_TENSOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[4] is NaN");
    }

    @Test
    void bytesUsedCountsOneBytePerCodeAndFivePerGroup() {
        assertThat(quantizer.quantize(new float[15], 3, 5, PER_CHANNEL).bytesUsed())
                .isEqualTo(15 + 3 * 5);
        assertThat(quantizer.quantize(new float[15], 3, 5, PER_TENSOR).bytesUsed())
                .isEqualTo(15 + 5);
    }

    @Test
    void ofDecodesUnsignedCodesAndZeroPoints() {
        QuantShape shape = new QuantShape(1, 3, PER_TENSOR);
        Int8AsymmetricMatrix q = Int8AsymmetricMatrix.of(
                shape, new byte[] {(byte) 200, 0, 100}, new float[] {0.5f}, new byte[] {(byte) 128});

        assertThat(q.dequantize()).containsExactly(36f, -64f, -14f);
        assertThatThrownBy(() -> Int8AsymmetricMatrix.of(shape, new byte[3], new float[] {1f}, new byte[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zeroPoints.length is 2");
    }
}
