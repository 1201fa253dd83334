package dev.bitbench.kernels.packed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PackedTernaryMatrixTest {
    @Property(tries = 200)
    void unpackInvertsPack(
            @ForAll @IntRange(min = 0, max = 9) int rows,
            @ForAll @IntRange(min = 0, max = 700) int cols,
            @ForAll long seed) {
        byte[] trits = randomTrits(new Random(seed), rows * cols);

        PackedTernaryMatrix m = PackedTernaryMatrix.pack(trits, rows, cols, 1f);

        assertThat(m.unpack()).containsExactly(trits);
        assertThat(m.words()).hasSize(rows * PackedTernaryMatrix.paddedCols(cols) / 8);
    }

    @Test
    void placesCodesInTheInterleavedLayout() {
        byte[] trits = new byte[300];
        trits[33] = 1; // group 0, word 1, slot 1 (bits 2..3) -> code 2
        trits[255] = -1; // group 0, word 31, slot 7 (bits 14..15) -> code 0
        trits[256] = 1; // group 1, word 0, slot 0 -> code 2

        short[] words = PackedTernaryMatrix.pack(trits, 1, 300, 1f).words();

        assertThat(words).hasSize(64);
        assertThat(words[0] & 0xffff).isEqualTo(0x5555);
        assertThat(words[1] & 0xffff).isEqualTo(0x5559);
        assertThat(words[31] & 0xffff).isEqualTo(0x1555);
        assertThat(words[32] & 0xffff).isEqualTo(0x5556);
        // padding columns 300..511 hold code 1 (weight 0)
        assertThat(words[63] & 0xffff).isEqualTo(0x5555);
    }

    @Test
    void writesWordsAsLittleEndianBytes() {
        byte[] trits = new byte[256];
        trits[33] = 1;

        byte[] bytes = PackedTernaryMatrix.pack(trits, 1, 256, 1f).toBytes();

        assertThat(bytes).hasSize(64);
        assertThat(bytes[2]).isEqualTo((byte) 0x59);
        assertThat(bytes[3]).isEqualTo((byte) 0x55);
    }

    @Test
    void dequantizesWithPerRowOrPerTensorScales() {
        byte[] trits = {1, -1, 0, 1};

        assertThat(PackedTernaryMatrix.pack(trits, 2, 2, 0.5f, 2f).dequantize()).containsExactly(0.5f, -0.5f, 0f, 2f);
        assertThat(PackedTernaryMatrix.pack(trits, 2, 2, 3f).dequantize()).containsExactly(3f, -3f, 0f, 3f);
    }

    @Test
    void rejectsValuesOutsideTernaryNamingThePosition() {
        assertThatThrownBy(() -> PackedTernaryMatrix.pack(new byte[] {0, 0, 2, 0}, 2, 2, 1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 0]");
    }

    @Test
    void rejectsScaleCountsOtherThanOneOrRows() {
        assertThatThrownBy(() -> PackedTernaryMatrix.pack(new byte[6], 3, 2, 1f, 2f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 (per row)");
    }

    @Test
    void rejectsTooFewTrits() {
        assertThatThrownBy(() -> PackedTernaryMatrix.pack(new byte[5], 2, 3, 1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2 x 3]");
    }

    static byte[] randomTrits(Random rnd, int n) {
        byte[] t = new byte[n];
        for (int i = 0; i < n; i++) {
            t[i] = (byte) (rnd.nextInt(3) - 1);
        }
        return t;
    }
}
