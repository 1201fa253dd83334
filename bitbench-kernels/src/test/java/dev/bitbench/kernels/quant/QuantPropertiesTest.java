package dev.bitbench.kernels.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.kernels.Fp16;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of every quantizer on random matrices: codes stay in range and {@code
 * dequantize(quantize(w))} stays within the scheme's bound of {@code w}. Seeded, so a run is
 * reproducible.
 */
class QuantPropertiesTest {
    /** Slack for float rounding in {@code w * (1/scale)}: a ten-thousandth of a quantization step. */
    private static final float STEP_SLACK = 1e-4f;

    record Sample(float[] weights, int rows, int cols, Granularity granularity) {
        int row(int index) {
            return index / cols;
        }

        int group(int index) {
            return granularity.groupOfRow(row(index));
        }

        @Override
        public String toString() {
            return rows + " x " + cols + " " + granularity + " " + Arrays.toString(weights);
        }
    }

    @Provide
    Arbitrary<Sample> matrices() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> cols = Arbitraries.integers().between(0, 37);
        Arbitrary<Granularity> granularity = Arbitraries.of(Granularity.class);
        // row magnitudes from 2^-20 to 2^20, values of both signs with exact zeros mixed in
        Arbitrary<Float> values = Arbitraries.floats().between(-1f, 1f).withSpecialValue(0f);
        Arbitrary<Integer> exponent = Arbitraries.integers().between(-20, 20);
        return Combinators.combine(rows, cols, granularity, exponent)
                .flatAs((r, c, g, e) -> values.array(float[].class)
                        .ofSize(r * c)
                        .map(w -> {
                            for (int i = 0; i < w.length; i++) {
                                w[i] = Math.scalb(w[i], e + (c == 0 ? 0 : i / c) % 5);
                            }
                            return new Sample(w, r, c, g);
                        }));
    }

    private static void assertWithinHalfAStep(Sample s, float[] reconstructed, float scale, int i) {
        assertThat(Math.abs(s.weights()[i] - reconstructed[i]))
                .as("element %d of %s", i, s)
                .isLessThanOrEqualTo(scale * (0.5f + STEP_SLACK));
    }

    @Property(seed = "20261123", tries = 200)
    void int8SymmetricCodesStayInRangeAndReconstructWithinHalfAScale(@ForAll("matrices") Sample s) {
        Int8SymmetricMatrix q = new Int8SymmetricQuantizer().quantize(s.weights(), s.rows(), s.cols(), s.granularity());
        float[] r = q.dequantize();
        for (int i = 0; i < r.length; i++) {
            assertThat(q.code(i)).isBetween(-127, 127);
            assertWithinHalfAStep(s, r, q.scale(s.group(i)), i);
        }
    }

    @Property(seed = "20261124", tries = 200)
    void int8AsymmetricReconstructsWithinHalfAScaleAndKeepsZeroExact(@ForAll("matrices") Sample s) {
        Int8AsymmetricMatrix q =
                new Int8AsymmetricQuantizer().quantize(s.weights(), s.rows(), s.cols(), s.granularity());
        float[] r = q.dequantize();
        for (int i = 0; i < r.length; i++) {
            assertThat(q.code(i)).isBetween(0, 255);
            assertWithinHalfAStep(s, r, q.scale(s.group(i)), i);
            if (s.weights()[i] == 0f) {
                assertThat(r[i]).isZero();
            }
        }
    }

    @Property(seed = "20261125", tries = 200)
    void int4CodesStayInRangeAndReconstructWithinHalfAScale(@ForAll("matrices") Sample s) {
        Int4Matrix q = new Int4Quantizer().quantize(s.weights(), s.rows(), s.cols(), s.granularity());
        float[] r = q.dequantize();
        for (int i = 0; i < r.length; i++) {
            assertThat(q.code(i)).isBetween(-7, 7);
            assertWithinHalfAStep(s, r, q.scale(s.group(i)), i);
        }
        assertThat(q.packed()).hasSize((r.length + 1) / 2);
    }

    @Property(seed = "20261126", tries = 200)
    void ternaryCodesAreTheSignOfWeightsBeyondHalfTheAbsmean(@ForAll("matrices") Sample s) {
        TernaryMatrix q = new TernaryQuantizer().quantize(s.weights(), s.rows(), s.cols(), s.granularity());
        float[] r = q.dequantize();
        for (int i = 0; i < r.length; i++) {
            float w = s.weights()[i];
            float scale = q.scale(s.group(i));
            int code = q.code(i);
            assertThat(code).isBetween(-1, 1);
            assertThat(scale).isGreaterThanOrEqualTo(TernaryQuantizer.MIN_SCALE);
            double ratio = Math.abs(w) / (double) scale;
            if (ratio > 0.5 + STEP_SLACK) {
                assertThat(code).as("element %d of %s", i, s).isEqualTo(w > 0 ? 1 : -1);
            } else if (ratio < 0.5 - STEP_SLACK) {
                assertThat(code).as("element %d of %s", i, s).isZero();
            }
            // within half a step, or clipped to +-scale
            double bound = Math.max(scale * (0.5 + STEP_SLACK), Math.abs(w) - scale * (1 - STEP_SLACK));
            assertThat((double) Math.abs(w - r[i])).isLessThanOrEqualTo(bound);
        }
    }

    @Property(seed = "20261127", tries = 200)
    void fp16HasARelativeErrorOfAtMost2ToTheMinus11(@ForAll("matrices") Sample s) {
        Fp16Matrix q = new Fp16Quantizer().quantize(s.weights(), s.rows(), s.cols(), s.granularity());
        float[] r = q.dequantize();
        for (int i = 0; i < r.length; i++) {
            float w = s.weights()[i];
            if (Math.abs(w) >= 65520f) {
                assertThat(r[i]).isEqualTo(w > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
                continue;
            }
            // normal range: relative 2^-11; subnormal range: half a step of 2^-24
            float bound = Math.max(Math.abs(w) * 0x1p-11f, 0x1p-25f);
            assertThat(Math.abs(w - r[i])).as("element %d = %s", i, w).isLessThanOrEqualTo(bound);
        }
    }

    @Property(seed = "20261128", tries = 200)
    void everySchemeDequantizesToFiniteValuesOfTheRightLength(@ForAll("matrices") Sample s) {
        for (QuantScheme scheme : QuantScheme.values()) {
            QuantizedMatrix q = scheme.quantizer().quantize(s.weights(), s.rows(), s.cols(), s.granularity());
            float[] r = q.dequantize();
            assertThat(r).hasSize(s.weights().length);
            for (int i = 0; i < r.length; i++) {
                // FP16 alone overflows, by design, beyond its largest finite value
                if (scheme != QuantScheme.FP16 || Math.abs(s.weights()[i]) <= Fp16.MAX_VALUE) {
                    assertThat(r[i]).as("%s element %d of %s", scheme, i, s).isFinite();
                }
            }
            assertThat(q.memoryReduction()).isNotNaN().isGreaterThanOrEqualTo(0);
        }
    }
}
