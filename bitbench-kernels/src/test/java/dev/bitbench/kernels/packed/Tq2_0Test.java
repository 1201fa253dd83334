package dev.bitbench.kernels.packed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Tq2_0Test {
    @Test
    void quantizesBitExactlyLikeGgmlReference() {
        float[] input = GoldenHex.floats("tq-input-f32.hex");
        byte[] expected = GoldenHex.blocks("tq2_0-blocks.hex");

        byte[] actual = Tq2_0.quantize(input, 0, input.length);

        assertThat(expected).hasSize(8 * Tq2_0.BLOCK_BYTES);
        for (int b = 0; b < 8; b++) {
            int from = b * Tq2_0.BLOCK_BYTES;
            assertThat(HexFormat.of().formatHex(actual, from, from + Tq2_0.BLOCK_BYTES))
                    .as("block %d", b)
                    .isEqualTo(HexFormat.of().formatHex(expected, from, from + Tq2_0.BLOCK_BYTES));
        }
    }

    @Test
    void dequantizesBitExactlyLikeGgml() {
        assertBitsEqual(
                Tq2_0.dequantize(GoldenHex.blocks("tq2_0-blocks.hex"), 0, 2048),
                GoldenHex.floats("tq2_0-dequant-f32.hex"));
        assertBitsEqual(
                Tq2_0.dequantize(GoldenHex.blocks("tq2_0-anybytes-blocks.hex"), 0, 512),
                GoldenHex.floats("tq2_0-anybytes-dequant-f32.hex"));
    }

    @Test
    void encodesOneHandComputedBlock() {
        float[] x = new float[256];
        x[0] = 1f; // chunk 0, byte 0, bits 0..1 -> code 2
        x[161] = -0.25f; // chunk 1, m = 1, n = 1: byte 33, bits 2..3 -> lround(-0.25) + 1 = code 1
        x[255] = -1f; // chunk 1, m = 31, n = 3: byte 63, bits 6..7 -> code 0

        byte[] block = Tq2_0.quantize(x, 0, 256);

        assertThat(block).hasSize(66);
        assertThat(block[0]).isEqualTo((byte) 0x56);
        assertThat(block[1]).isEqualTo((byte) 0x55);
        assertThat(block[33]).isEqualTo((byte) 0x55);
        assertThat(block[63]).isEqualTo((byte) 0x15);
        assertThat(block[64]).isEqualTo((byte) 0x00); // d = 1.0 = half 0x3c00, little-endian
        assertThat(block[65]).isEqualTo((byte) 0x3c);
    }

    @Test
    void roundsTiesAwayFromZeroAsLroundf() {
        float[] x = new float[256];
        x[0] = 2f; // d = 2
        x[1] = 1f; // 0.5 -> 1
        x[2] = -1f; // -0.5 -> -1 (Math.round would give 0)

        float[] back = Tq2_0.dequantize(Tq2_0.quantize(x, 0, 256), 0, 256);

        assertThat(back[1]).isEqualTo(2f);
        assertThat(back[2]).isEqualTo(-2f);
    }

    @Test
    void roundTripsValuesThatAreAlreadyTernaryTimesAHalf() {
        float d = 0.375f; // exact in half precision
        float[] x = new float[512];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (rnd.nextInt(3) - 1) * d;
        }
        x[0] = d;
        x[256] = -d;

        assertThat(Tq2_0.dequantize(Tq2_0.quantize(x, 0, 512), 0, 512)).containsExactly(x);
    }

    @Test
    void rejectsCountsThatAreNotWholeBlocks() {
        assertThatThrownBy(() -> Tq2_0.quantize(new float[300], 0, 300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("300");
    }

    static void assertBitsEqual(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToRawIntBits(actual[i]))
                    .as("element %d: %s vs %s", i, actual[i], expected[i])
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
    }
}
