package dev.bitbench.kernels.quant;

import static dev.bitbench.kernels.quant.Granularity.PER_CHANNEL;
import static dev.bitbench.kernels.quant.Granularity.PER_TENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Int4QuantizerTest {
    private final Int4Quantizer quantizer = new Int4Quantizer();

    @Test
    void packsSignedNibblesLowNibbleFirst() {
        // absmax 7 -> scale 1; -3.5 is a tie (-> -4), 0.5 a tie (-> 0), 1.5 a tie (-> 2)
        Int4Matrix q = quantizer.quantize(new float[] {7f, -3.5f, 0.5f, 1.5f, -7f}, 1, 5, PER_TENSOR);

        assertThat(q.scales()).containsExactly(1f);
        // byte 0: low 7 (0x7), high -4 (0xc); byte 1: low 0, high 2; byte 2: low -7 (0x9), high unused
        assertThat(q.packed()).containsExactly((byte) 0xc7, (byte) 0x20, (byte) 0x09);
        assertThat(q.code(1)).isEqualTo(-4);
        assertThat(q.dequantize()).containsExactly(7f, -4f, 0f, 2f, -7f);
    }

    @Test
    void decodesEveryNibbleExceptMinus8() {
        QuantShape shape = new QuantShape(1, 2, PER_TENSOR);
        for (int low = -7; low <= 7; low++) {
            for (int high = -7; high <= 7; high++) {
                byte packed = (byte) ((low & 0xf) | (high << 4));
                Int4Matrix q = Int4Matrix.of(shape, new byte[] {packed}, new float[] {0.5f});
                assertThat(q.dequantize()).containsExactly(low * 0.5f, high * 0.5f);
            }
        }
        assertThatThrownBy(() -> Int4Matrix.of(shape, new byte[] {(byte) 0x81}, new float[] {1f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code 1 is -8");
    }

    @Test
    void rowsOfOddLengthStartMidByteAndKeepTheirOwnScales() {
        // 3 x 3 per channel: row absmax 7, 14, 0.7 -> scales 1, 2, 0.1
        float[] w = {7f, 1f, -2f, 14f, -6f, 2f, 0.7f, -0.3f, 0.1f};
        Int4Matrix q = quantizer.quantize(w, 3, 3, PER_CHANNEL);

        assertThat(q.scales()).containsExactly(1f, 2f, 0.7f / 7);
        int[] codes = new int[9];
        for (int i = 0; i < 9; i++) {
            codes[i] = q.code(i);
        }
        assertThat(codes).containsExactly(7, 1, -2, 7, -3, 1, 7, -3, 1);
        assertThat(q.packed()).hasSize(5);
        assertThat(q.packed()[4] & 0xf0).isZero();
    }

    @Test
    void reconstructsWithinHalfAScale() {
        SplittableRandom random = new SplittableRandom(9);
        for (Granularity granularity : Granularity.values()) {
            float[] w = new float[5 * 17];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((random.nextDouble() * 2 - 1) * (i / 17 + 1));
            }
            Int4Matrix q = quantizer.quantize(w, 5, 17, granularity);
            float[] r = q.dequantize();
            for (int i = 0; i < w.length; i++) {
                float scale = q.scale(granularity.groupOfRow(i / 17));
                assertThat(Math.abs(w[i] - r[i])).as("element %d", i).isLessThanOrEqualTo(scale * 0.5001f);
                assertThat(q.code(i)).isBetween(-7, 7);
            }
        }
    }

    @Test
    void allZeroRowsGetScaleZeroAndDequantizeToZeros() {
        Int4Matrix q = quantizer.quantize(new float[] {0f, 0f, 0f, 5f, 0f, 0f}, 2, 3, PER_CHANNEL);

        assertThat(q.scales()).containsExactly(0f, 5f / 7);
        assertThat(q.dequantize()).containsExactly(0f, 0f, 0f, 5f, 0f, 0f);
    }

    @Test
    void bytesUsedIsHalfAByteACodeRoundedUpPlusFourPerScale() {
        assertThat(quantizer.quantize(new float[15], 3, 5, PER_CHANNEL).bytesUsed())
                .isEqualTo(8 + 12);
        assertThat(quantizer.quantize(new float[16], 4, 4, PER_TENSOR).bytesUsed())
                .isEqualTo(8 + 4);
    }

    @Test
    void ofRejectsAWrongPackedLengthNamingBoth() {
        assertThatThrownBy(() -> Int4Matrix.of(new QuantShape(1, 5, PER_TENSOR), new byte[2], new float[] {1f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("packed.length is 2")
                .hasMessageContaining("3 bytes");
    }
}
