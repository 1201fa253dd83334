package dev.bitbench.kernels.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ternary quantizer's output is what the packed format takes: codes and scales hand over as is. */
class TernaryPackingTest {

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void packedWeightsDequantizeToTheSameValues(Granularity granularity) {
        SplittableRandom random = new SplittableRandom(31);
        int[][] shapes = {{1, 1}, {3, 7}, {33, 65}, {64, 256}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int cols = shape[1];
            float[] w = new float[rows * cols];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * (1 + i / cols));
            }
            TernaryMatrix q = new TernaryQuantizer().quantize(w, rows, cols, granularity);

            PackedTernaryMatrix packed = PackedTernaryMatrix.pack(q.codes(), rows, cols, q.scales());

            assertThat(packed.unpack()).as("%d x %d", rows, cols).containsExactly(q.codes());
            assertThat(packed.dequantize()).as("%d x %d", rows, cols).containsExactly(q.dequantize());
        }
    }
}
