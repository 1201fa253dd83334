package dev.bitbench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The polynomial {@code exp} behind softmax and the sigmoid activations of the simd backend. */
class SimdVectorOpsTest {
    static final int LANES = SimdVectorOps.LANES;

    @Test
    void expIsWithinTwoUlpOfTheCorrectlyRoundedValueForNormalResults() {
        // every 1/4096 step over the whole range of normal float results, plus random points
        double worst = 0;
        Random rnd = new Random(7);
        for (int i = 0; i < 2_000_000; i++) {
            float x = i < 720_000 ? -87.3f + i / 4096f : -87.3f + 176f * rnd.nextFloat();
            if (x > 88.7f) {
                continue;
            }
            float expected = (float) Math.exp(x);
            float actual = SimdVectorOps.exp(x);
            double ulps = Math.abs((double) actual - expected) / Math.ulp(expected);
            worst = Math.max(worst, ulps);
            if (ulps > 2) {
                fail("exp(%s) = %s, expected %s: %s ulp", x, actual, expected, ulps);
            }
        }
        assertThat(worst).isGreaterThan(0); // the sweep did compare something inexact
    }

    @Test
    void expUnderflowsThroughSubnormalsAndOverflowsToInfinity() {
        for (float x = -103.9f; x < -87.4f; x += 0.01f) {
            double expected = Math.exp(x);
            // subnormals are spaced Float.MIN_VALUE apart: allow a couple of steps
            assertThat(Math.abs(SimdVectorOps.exp(x) - expected))
                    .as("exp(%s)", x)
                    .isLessThanOrEqualTo(3 * Float.MIN_VALUE + 1e-6 * expected);
        }
        assertThat(SimdVectorOps.exp(-104.5f)).isZero();
        assertThat(SimdVectorOps.exp(Float.NEGATIVE_INFINITY)).isZero();
        assertThat(SimdVectorOps.exp(88.8f)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(SimdVectorOps.exp(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(SimdVectorOps.exp(Float.NaN)).isNaN();
        assertThat(SimdVectorOps.exp(0f)).isEqualTo(1f);
        assertThat(SimdVectorOps.exp(-0f)).isEqualTo(1f);
    }

    @Test
    void vectorExpGivesTheSameBitsAsItsScalarTwin() {
        Random rnd = new Random(11);
        float[] x = new float[LANES * 4096];
        assertThat(x.length % LANES).isZero(); // every element goes through the vector loop
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (i % 7) {
                case 0 -> Float.NaN;
                case 1 -> rnd.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                case 2 -> -110f + 20f * rnd.nextFloat(); // the underflow region
                default -> -100f + 200f * rnd.nextFloat();
            };
        }
        float[] vector = x.clone();
        SimdVectorOps.expInPlace(vector, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            float scalar = SimdVectorOps.exp(x[i]);
            if (Float.floatToIntBits(scalar) != Float.floatToIntBits(vector[i])) {
                fail("exp(%s): vector %s, scalar twin %s", x[i], vector[i], scalar);
            }
        }
    }
}
