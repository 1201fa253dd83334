package dev.bitbench.kernels.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformerLayerTest {
    private static final TransformerLayer.Config CONFIG = new TransformerLayer.Config(64, 4, 2, 96, 1e-5f, 10000f);

    @Test
    void isTheIdentityWhenEveryWeightIsZero() {
        int d = CONFIG.dim();
        int kv = CONFIG.kvDim();
        int f = CONFIG.ffnDim();
        int[][] shapes = {{d, d}, {kv, d}, {kv, d}, {d, d}, {f, d}, {f, d}, {d, f}};
        PackedTernaryMatrix[] zeros = new PackedTernaryMatrix[7];
        for (int i = 0; i < 7; i++) {
            zeros[i] = PackedTernaryMatrix.pack(new byte[shapes[i][0] * shapes[i][1]], shapes[i][0], shapes[i][1], 1f);
        }
        float[] ones = new float[d];
        Arrays.fill(ones, 1f);
        TransformerLayer layer = new TransformerLayer(CONFIG, Backends.simd(), 3, zeros, ones, ones);
        float[] x = input(3, 1);
        float[] before = x.clone();

        layer.forward(x, 3, 0);

        // both residual branches end in a BitLinear of zero weights, which adds exactly 0
        assertThat(x).containsExactly(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"simd", "parallel"})
    void agreesWithTheScalarBackend(String backend) {
        float[] expected = input(5, 2);
        float[] actual = expected.clone();

        TransformerLayer.random(CONFIG, Backends.scalar(), 5, 7).forward(expected, 5, 3);
        TransformerLayer.random(CONFIG, Backends.byName(backend, 2), 5, 7).forward(actual, 5, 3);

        // Backends differ in float summation order (norms, softmax), and a near-tie in int8
        // activation rounding can then flip one code, moving an output by about one activation step
        // times a weight scale: a few thousandths of the output's size, far below a real bug's effect.
        double norm = 0;
        double diff = 0;
        for (int i = 0; i < expected.length; i++) {
            norm += (double) expected[i] * expected[i];
            diff += (double) (actual[i] - expected[i]) * (actual[i] - expected[i]);
        }
        assertThat(Math.sqrt(diff)).isLessThan(1e-2 * Math.sqrt(norm));
        assertThat(actual).isNotEqualTo(input(5, 2));
    }

    @Test
    void attendsCausallyWithinTheBatch() {
        Backend simd = Backends.simd();
        float[] a = input(3, 4);
        float[] b = a.clone();
        int d = CONFIG.dim();
        for (int i = 2 * d; i < 3 * d; i++) {
            b[i] += 1f; // change only the last token
        }

        TransformerLayer.random(CONFIG, simd, 3, 9).forward(a, 3, 0);
        TransformerLayer.random(CONFIG, simd, 3, 9).forward(b, 3, 0);

        assertThat(Arrays.copyOf(b, 2 * d)).containsExactly(Arrays.copyOf(a, 2 * d));
        assertThat(Arrays.copyOfRange(b, 2 * d, 3 * d)).isNotEqualTo(Arrays.copyOfRange(a, 2 * d, 3 * d));
    }

    @Test
    void rejectsAWeightOfTheWrongShapeNamingIt() {
        TransformerLayer ok = TransformerLayer.random(CONFIG, Backends.scalar(), 1, 1);
        PackedTernaryMatrix[] weights = new PackedTernaryMatrix[7];
        int d = CONFIG.dim();
        for (int i = 0; i < 7; i++) {
            weights[i] = PackedTernaryMatrix.pack(new byte[d * d], d, d, 1f);
        }
        float[] ones = new float[d];

        assertThatThrownBy(() -> new TransformerLayer(CONFIG, Backends.scalar(), 1, weights, ones, ones))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k weights are [64 x 64], expected [32 x 64]");
        assertThatThrownBy(() -> ok.forward(new float[d], 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 1]");
    }

    @Test
    void countsTheBitLinearOperations() {
        // per token: q, o 64x64; k, v 32x64; gate, up 96x64; down 64x96 -> 2 * 40960 multiply-adds
        assertThat(TransformerLayer.random(CONFIG, Backends.scalar(), 1, 1).bitLinearOps(2))
                .isEqualTo(2L * 2 * (2 * 64 * 64 + 2 * 32 * 64 + 3 * 96 * 64));
    }

    private static float[] input(int tokens, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[tokens * CONFIG.dim()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        return x;
    }
}
