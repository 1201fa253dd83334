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
        assertThat(m.words()).hasSize(PackedTernaryMatrix.paddedRows(rows) * PackedTernaryMatrix.paddedCols(cols) / 8);
    }

    @Test
    void placesCodesInTheRowInterleavedLayout() {
        byte[] trits = new byte[2 * 300];
        trits[2] = 1; // row 0, word 0, pair 1 even column: bits 6..7 -> code 2
        trits[6] = -1; // row 0, word 0, pair 3 even column: bits 14..15 -> code 0
        trits[33] = 1; // row 0, word 4 (columns 32..39), pair 0 odd column: bits 0..1 -> code 2
        trits[300] = -1; // row 1, word 0, pair 0 even column: bits 2..3 -> code 0

        PackedTernaryMatrix m = PackedTernaryMatrix.pack(trits, 2, 300, 1f);
        short[] words = m.words();

        assertThat(m.colWords()).isEqualTo(38);
        assertThat(words).hasSize(32 * 38); // one block of 32 rows
        assertThat(words[0] & 0xffff).isEqualTo(0x1595);
        assertThat(words[1] & 0xffff).isEqualTo(0x5551);
        assertThat(words[2] & 0xffff).isEqualTo(0x5555); // padding row 2
        assertThat(words[4 * 32] & 0xffff).isEqualTo(0x5556);
        assertThat(words[37 * 32] & 0xffff).isEqualTo(0x5555); // columns 296..303, 300.. padding
    }

    @Test
    void writesWordsAsLittleEndianBytes() {
        byte[] trits = new byte[8];
        trits[2] = 1;
        trits[6] = -1;

        byte[] bytes = PackedTernaryMatrix.pack(trits, 1, 8, 1f).toBytes();

        assertThat(bytes).hasSize(64);
        assertThat(bytes[0]).isEqualTo((byte) 0x95);
        assertThat(bytes[1]).isEqualTo((byte) 0x15);
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
