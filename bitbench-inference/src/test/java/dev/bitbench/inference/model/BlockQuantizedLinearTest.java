package dev.bitbench.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.kernels.Backends;
import dev.bitbench.kernels.bitlinear.Int8Activations;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import org.junit.jupiter.api.Test;

class BlockQuantizedLinearTest {
    @Test
    void q8kScaleIsTheSignedExtremeOverMinus127() {
        float[] x = new float[256];
        x[0] = 2f;
        x[1] = -4f;
        x[2] = 4f; // same magnitude as x[1], later: the first one keeps the sign
        x[3] = 1f;
        byte[] q = new byte[256];
        float d = BlockQuantizedLinear.quantizeQ8K(x, 0, q, 0);
        assertThat(d).isEqualTo(1f / (-127f / -4f));
        // iscale = 31.75: 2 -> 63.5 rounds to even 64; -4 -> -127; 4 -> 127; 1 -> 31.75 -> 32
        assertThat(q[0]).isEqualTo((byte) 64);
        assertThat(q[1]).isEqualTo((byte) -127);
        assertThat(q[2]).isEqualTo((byte) 127);
        assertThat(q[3]).isEqualTo((byte) 32);
        assertThat(q[4]).isZero();
    }

    @Test
    void allZeroBlockHasScaleZero() {
        byte[] q = new byte[256];
        q[7] = 9; // stale code from an earlier block must be cleared
        assertThat(BlockQuantizedLinear.quantizeQ8K(new float[256], 0, q, 0)).isZero();
        assertThat(q).containsOnly(0);
    }

    @Test
    void sumsBlockDotsTimesBothScales() {
        // one row of 512 weights: +1 everywhere in block 0, -1 everywhere in block 1; row scale 0.5
        byte[] trits = new byte[512];
        for (int i = 0; i < 512; i++) {
            trits[i] = (byte) (i < 256 ? 1 : -1);
        }
        BlockQuantizedLinear linear = new BlockQuantizedLinear(PackedTernaryMatrix.pack(trits, 1, 512, 0.5f));
        assertThat(linear.blocks()).isEqualTo(2);
        byte[] b0 = new byte[256];
        byte[] b1 = new byte[256];
        b0[3] = 10; // block 0 dot = 10
        b1[5] = 4; // block 1 dot = -4
        float[] ones = {1f};
        Int8Activations[] blocks = {new Int8Activations(b0, ones, 1, 256), new Int8Activations(b1, ones, 1, 256)};
        float[] y = new float[1];
        linear.forward(Backends.scalar().ternary(), blocks, new float[] {0.25f, 2f}, 1, y);
        assertThat(y[0]).isEqualTo(10 * (0.25f * 0.5f) + -4 * (2f * 0.5f));
    }
}
