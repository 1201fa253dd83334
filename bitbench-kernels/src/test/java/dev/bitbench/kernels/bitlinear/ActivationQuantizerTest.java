package dev.bitbench.kernels.bitlinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationQuantizerTest {
    @Test
    void quantizesOneTokenByHand() {
        // absmax 2: factor 127 / 2 = 63.5
        Int8Activations q = ActivationQuantizer.quantize(new float[] {1f, -2f, 0.5f, 0f, 0.01f}, 1, 5);

        // 63.5 -> 64 (tie to even), -127, 31.75 -> 32, 0, 0.635 -> 1
        assertThat(q.values()).containsExactly(64, -127, 32, 0, 1);
        assertThat(q.scale(0)).isEqualTo(2f / 127f);
    }

    @Test
    void givesEachTokenItsOwnScale() {
        Int8Activations q = ActivationQuantizer.quantize(new float[] {4f, -1f, 0.5f, 0.25f}, 2, 2);

        assertThat(q.values()).containsExactly(127, -32, 127, 64);
        assertThat(q.scales()).containsExactly(4f / 127f, 0.5f / 127f);
    }

    @Test
    void mapsAZeroTokenToScaleZeroAndZeros() {
        Int8Activations q = ActivationQuantizer.quantize(new float[] {0f, -0f, 0f, 3f, 0f, 0f}, 2, 3);

        assertThat(q.scale(0)).isZero();
        assertThat(q.values()).containsExactly(0, 0, 0, 127, 0, 0);
    }

    @Test
    void roundTripsWithinHalfAStep() {
        Random rnd = new Random(3);
        float[] x = new float[4 * 333];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * (1 + i / 333));
        }

        Int8Activations q = ActivationQuantizer.quantize(x, 4, 333);
        float[] back = q.dequantize();

        for (int i = 0; i < x.length; i++) {
            float step = q.scale(i / 333);
            assertThat(Math.abs(back[i] - x[i])).as("element %d", i).isLessThanOrEqualTo(step * 0.5f + 1e-6f);
            assertThat(Math.abs(q.values()[i])).isLessThanOrEqualTo(127);
        }
    }

    @Test
    void rejectsNonFiniteActivations() {
        assertThatThrownBy(() -> ActivationQuantizer.quantize(new float[] {1f, Float.NaN}, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> ActivationQuantizer.quantize(new float[] {Float.NEGATIVE_INFINITY}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
