package dev.bitbench.kernels.packed;

import static dev.bitbench.kernels.packed.Tq2_0Test.assertBitsEqual;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Tq1_0Test {
    @Test
    void quantizesBitExactlyLikeGgmlReference() {
        float[] input = GoldenHex.floats("tq-input-f32.hex");
        byte[] expected = GoldenHex.blocks("tq1_0-blocks.hex");

        byte[] actual = Tq1_0.quantize(input, 0, input.length);

        assertThat(expected).hasSize(8 * Tq1_0.BLOCK_BYTES);
        for (int b = 0; b < 8; b++) {
            int from = b * Tq1_0.BLOCK_BYTES;
            assertThat(HexFormat.of().formatHex(actual, from, from + Tq1_0.BLOCK_BYTES))
                    .as("block %d", b)
                    .isEqualTo(HexFormat.of().formatHex(expected, from, from + Tq1_0.BLOCK_BYTES));
        }
    }

    @Test
    void dequantizesBitExactlyLikeGgml() {
        assertBitsEqual(
                Tq1_0.dequantize(GoldenHex.blocks("tq1_0-blocks.hex"), 0, 2048),
                GoldenHex.floats("tq1_0-dequant-f32.hex"));
        assertBitsEqual(
                Tq1_0.dequantize(GoldenHex.blocks("tq1_0-anybytes-blocks.hex"), 0, 512),
                GoldenHex.floats("tq1_0-anybytes-dequant-f32.hex"));
    }

    @Test
    void encodesOneHandComputedBlock() {
        float[] x = new float[256];
        x[0] = 1f; // qs[0], first digit: codes 2,1,1,1,1 = 202 -> ceil(202 * 256 / 243) = 213
        x[255] = -1f; // qh[3], last of four digits: codes 1,1,1,0 = 39, times 3 = 117 -> 124

        byte[] block = Tq1_0.quantize(x, 0, 256);

        assertThat(block).hasSize(54);
        assertThat(block[0] & 0xff).isEqualTo(213);
        // all codes 1: 121 -> ceil(121 * 256 / 243) = 128
        assertThat(block[1] & 0xff).isEqualTo(128);
        assertThat(block[47] & 0xff).isEqualTo(128);
        // four codes 1: 40, times 3 = 120 -> ceil(120 * 256 / 243) = 127
        assertThat(block[48] & 0xff).isEqualTo(127);
        assertThat(block[51] & 0xff).isEqualTo(124);
        assertThat(HexFormat.of().formatHex(block, 52, 54)).isEqualTo("003c");
    }

    @Test
    void roundTripsValuesThatAreAlreadyTernaryTimesAHalf() {
        float d = 1.5f;
        float[] x = new float[768];
        Random rnd = new Random(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (rnd.nextInt(3) - 1) * d;
        }
        x[0] = d;
        x[256] = d;
        x[512] = -d;

        assertThat(Tq1_0.dequantize(Tq1_0.quantize(x, 0, 768), 0, 768)).containsExactly(x);
    }

    @Test
    void agreesWithTq2_0OnEveryDecodedValue() {
        float[] x = GoldenHex.floats("tq-input-f32.hex");

        assertThat(Tq1_0.dequantize(Tq1_0.quantize(x, 0, x.length), 0, x.length))
                .containsExactly(Tq2_0.dequantize(Tq2_0.quantize(x, 0, x.length), 0, x.length));
    }
}
