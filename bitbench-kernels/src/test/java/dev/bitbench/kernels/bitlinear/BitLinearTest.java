package dev.bitbench.kernels.bitlinear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.kernels.Backends;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BitLinearTest {
    private static final int OUT = 37;
    private static final int IN = 700;

    /**
     * Against dequantized weights times dequantized activations, summed in double: the kernel's
     * integer sum is exact (|dot| < 2^24), so only two float roundings remain, {@code w_scale *
     * x_scale} and the final product: relative error at most 2^-23, tested as 1e-6 of the sum of
     * magnitudes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd", "parallel"})
    void matchesTheFloatReferenceOnDequantizedOperands(String backend) {
        Random rnd = new Random(5);
        PackedTernaryMatrix w = weights(rnd);
        int tokens = 3;
        float[] x = gaussian(rnd, tokens * IN);
        float[] y = new float[tokens * OUT];

        new BitLinear(w, Backends.byName(backend, 2).ternary()).forward(x, tokens, y);

        float[] wd = w.dequantize();
        float[] xd = ActivationQuantizer.quantize(x, tokens, IN).dequantize();
        for (int t = 0; t < tokens; t++) {
            for (int r = 0; r < OUT; r++) {
                double ref = 0;
                double magnitude = 0;
                for (int c = 0; c < IN; c++) {
                    double term = (double) wd[r * IN + c] * xd[t * IN + c];
                    ref += term;
                    magnitude += Math.abs(term);
                }
                assertThat((double) y[t * OUT + r])
                        .as("token %d row %d", t, r)
                        .isCloseTo(ref, org.assertj.core.data.Offset.offset(1e-6 * magnitude + 1e-30));
            }
        }
    }

    /**
     * Against the unquantized activations: each activation moves by at most half a step ({@code
     * x_scale / 2}), so an output moves by at most {@code w_scale * x_scale / 2 * sum |W|} (plus
     * float rounding).
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void staysWithinTheActivationQuantizationBound(String backend) {
        Random rnd = new Random(9);
        PackedTernaryMatrix w = weights(rnd);
        float[] x = gaussian(rnd, IN);
        float[] y = new float[OUT];

        new BitLinear(w, Backends.byName(backend).ternary()).forward(x, 1, y);

        float xScale = ActivationQuantizer.quantize(x, 1, IN).scale(0);
        for (int r = 0; r < OUT; r++) {
            double exact = 0;
            int nonZero = 0;
            for (int c = 0; c < IN; c++) {
                exact += (double) w.trit(r, c) * w.scale(r) * x[c];
                nonZero += Math.abs(w.trit(r, c));
            }
            double bound = w.scale(r) * xScale / 2 * nonZero * (1 + 1e-5);
            assertThat(Math.abs(y[r] - exact)).as("row %d", r).isLessThanOrEqualTo(bound);
        }
    }

    private static PackedTernaryMatrix weights(Random rnd) {
        byte[] trits = new byte[OUT * IN];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = (byte) (rnd.nextInt(3) - 1);
        }
        float[] scales = new float[OUT];
        for (int r = 0; r < OUT; r++) {
            scales[r] = 0.02f + rnd.nextFloat() * 0.1f;
        }
        return PackedTernaryMatrix.pack(trits, OUT, IN, scales);
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        return x;
    }
}
