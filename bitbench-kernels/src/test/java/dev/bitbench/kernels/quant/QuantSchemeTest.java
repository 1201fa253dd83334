package dev.bitbench.kernels.quant;

import static dev.bitbench.kernels.quant.Granularity.PER_CHANNEL;
import static dev.bitbench.kernels.quant.Granularity.PER_TENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour every scheme shares, run over all of them. */
class QuantSchemeTest {

    private static float[] rowsOfDifferentRanges(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            double rowRange = Math.scalb(1.0, (i / cols) * 4 - 8); // 2^-8, 2^-4, 1, 16, ...
            w[i] = (float) (random.nextGaussian() * rowRange);
        }
        return w;
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void isFoundByItsIdAndItsQuantizerProducesIt(QuantScheme scheme) {
        assertThat(QuantScheme.byId(scheme.id())).isSameAs(scheme);
        assertThat(scheme.quantizer().scheme()).isSameAs(scheme);
        assertThat(scheme.quantizer()
                        .quantize(new float[] {1f, -1f}, 1, 2, PER_TENSOR)
                        .scheme())
                .isSameAs(scheme);
    }

    @Test
    void unknownIdsListTheKnownOnes() {
        assertThatThrownBy(() -> QuantScheme.byId("int2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'int2'")
                .hasMessageContaining("ternary, int8_sym, int8_asym, int4, fp16");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // 3 x 5 = 15 weights; per tensor 1 group, per channel 3 groups
        "TERNARY, PER_TENSOR, 8", // ceil(15/4) = 4 code bytes + 4
        "TERNARY, PER_CHANNEL, 16", // 4 + 3 * 4
        "INT8_SYMMETRIC, PER_TENSOR, 19", // 15 + 4
        "INT8_SYMMETRIC, PER_CHANNEL, 27", // 15 + 12
        "INT8_ASYMMETRIC, PER_TENSOR, 20", // 15 + 4 + 1
        "INT8_ASYMMETRIC, PER_CHANNEL, 30", // 15 + 3 * (4 + 1)
        "INT4, PER_TENSOR, 12", // ceil(15/2) = 8 + 4
        "INT4, PER_CHANNEL, 20", // 8 + 12
        "FP16, PER_TENSOR, 30", // 2 * 15
        "FP16, PER_CHANNEL, 30",
    })
    void bytesUsedIsExact(QuantScheme scheme, Granularity granularity, long expected) {
        QuantizedMatrix q = scheme.quantizer().quantize(rowsOfDifferentRanges(3, 5, 1), 3, 5, granularity);

        assertThat(q.bytesUsed()).isEqualTo(expected);
        assertThat(q.memoryReduction()).isEqualTo(60.0 / expected);
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void perChannelIsNoWorseThanPerTensorOnRowsOfDifferentRanges(QuantScheme scheme) {
        float[] w = rowsOfDifferentRanges(4, 256, 21);

        double perTensor =
                scheme.quantizer().report(w, 4, 256, PER_TENSOR).error().mse();
        double perChannel =
                scheme.quantizer().report(w, 4, 256, PER_CHANNEL).error().mse();

        assertThat(perChannel).isLessThanOrEqualTo(perTensor);
        if (scheme != QuantScheme.FP16) {
            // the small rows are crushed by one shared scale: per channel must be clearly better
            assertThat(perChannel).isLessThan(perTensor * 0.9);
        }
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void reportMatchesTheMatrixAndAnIndependentErrorComputation(QuantScheme scheme) {
        float[] w = rowsOfDifferentRanges(3, 64, 8);
        float[] copy = w.clone();
        QuantizedMatrix q = scheme.quantizer().quantize(w, 3, 64, PER_CHANNEL);
        QuantReport report = scheme.quantizer().report(w, 3, 64, PER_CHANNEL);

        assertThat(w).as("input untouched").containsExactly(copy);
        assertThat(report.scheme()).isSameAs(scheme);
        assertThat(report.shape()).isEqualTo(new QuantShape(3, 64, PER_CHANNEL));
        assertThat(report.bytesUsed()).isEqualTo(q.bytesUsed());
        assertThat(report.memoryReduction()).isEqualTo(q.memoryReduction());
        float[] r = q.dequantize();
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += ((double) w[i] - r[i]) * ((double) w[i] - r[i]);
        }
        assertThat(report.error().mse()).isEqualTo(sum / w.length, offset(1e-12));
        assertThat(report.error().cosineSimilarity()).isGreaterThan(0.8);
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void quantizingTwiceGivesEqualMatrices(QuantScheme scheme) {
        float[] w = rowsOfDifferentRanges(2, 9, 4);
        QuantizedMatrix first = scheme.quantizer().quantize(w, 2, 9, PER_CHANNEL);
        QuantizedMatrix second = scheme.quantizer().quantize(w, 2, 9, PER_CHANNEL);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.toString()).contains("2 x 9");
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void emptyMatricesQuantizeToEmptyAndDefinedValues(QuantScheme scheme) {
        int[][] shapes = {{0, 0}, {0, 7}, {4, 0}};
        for (int[] shape : shapes) {
            for (Granularity granularity : Granularity.values()) {
                QuantizedMatrix q = scheme.quantizer().quantize(new float[0], shape[0], shape[1], granularity);
                assertThat(q.dequantize()).isEmpty();
                assertThat(q.memoryReduction()).isNotNaN();
                assertThat(scheme.quantizer()
                                .report(new float[0], shape[0], shape[1], granularity)
                                .error())
                        .isEqualTo(new QuantError(0, 0, 1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void rejectsAShapeThatDoesNotMatchTheArrayNamingBoth(QuantScheme scheme) {
        assertThatThrownBy(() -> scheme.quantizer().quantize(new float[10], 3, 4, PER_TENSOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights.length is 10")
                .hasMessageContaining("3 x 4 = 12");
        assertThatThrownBy(() -> scheme.quantizer().quantize(new float[0], -1, 0, PER_TENSOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 x 0");
        assertThatThrownBy(() -> scheme.quantizer().quantize(null, 1, 1, PER_TENSOR))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> scheme.quantizer().quantize(new float[1], 1, 1, null))
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void rejectsNonFiniteWeightsNamingTheFirstIndex(QuantScheme scheme) {
        float[] w = {1f, 2f, 3f, Float.POSITIVE_INFINITY, 5f, Float.NaN};
        assertThatThrownBy(() -> scheme.quantizer().quantize(w, 2, 3, PER_CHANNEL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[3] is Infinity");
    }

    @ParameterizedTest
    @EnumSource(QuantScheme.class)
    void dequantizeIntoChecksTheOutputLength(QuantScheme scheme) {
        QuantizedMatrix q = scheme.quantizer().quantize(new float[] {1f, 2f, 3f, 4f}, 2, 2, PER_TENSOR);
        float[] out = new float[4];
        q.dequantizeInto(out);

        assertThat(out).containsExactly(q.dequantize());
        assertThatThrownBy(() -> q.dequantizeInto(new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out.length is 5")
                .hasMessageContaining("2 x 2 = 4");
    }

    @Test
    void shapesLargerThanAnArrayAreRejected() {
        assertThatThrownBy(() -> new QuantShape(65536, 65536, PER_TENSOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536 x 65536");
    }
}
