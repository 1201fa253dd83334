package dev.bitbench.kernels.quant;

import static dev.bitbench.kernels.quant.Granularity.PER_CHANNEL;
import static dev.bitbench.kernels.quant.Granularity.PER_TENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Fp16QuantizerTest {
    private final Fp16Quantizer quantizer = new Fp16Quantizer();

    @Test
    void storesHandComputedHalfBits() {
        Fp16Matrix q = quantizer.quantize(new float[] {1f, -2f, 0.1f, 65504f}, 2, 2, PER_TENSOR);

        assertThat(q.halves()).containsExactly((short) 0x3c00, (short) 0xc000, (short) 0x2e66, (short) 0x7bff);
        // 0x2e66 = (1024 + 614) * 2^-14 = 0.0999755859375
        assertThat(q.dequantize()).containsExactly(1f, -2f, 0.0999755859375f, 65504f);
    }

    @Test
    void relativeErrorIsAtMost2ToTheMinus11InTheNormalRange() {
        SplittableRandom random = new SplittableRandom(13);
        float[] w = new float[4096];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float)
                    ((random.nextBoolean() ? 1 : -1) * Math.scalb(1 + random.nextDouble(), random.nextInt(-14, 15)));
        }
        float[] r = quantizer.quantize(w, 64, 64, PER_TENSOR).dequantize();
        for (int i = 0; i < w.length; i++) {
            assertThat(Math.abs(w[i] - r[i])).as("%s", w[i]).isLessThanOrEqualTo(Math.abs(w[i]) * 0x1p-11f);
        }
    }

    @Test
    void subnormalHalvesHaveAnAbsoluteErrorOfAtMostHalfASubnormalStep() {
        SplittableRandom random = new SplittableRandom(17);
        float[] w = new float[1000];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * 0x1p-14);
        }
        float[] r = quantizer.quantize(w, 1, w.length, PER_TENSOR).dequantize();
        for (int i = 0; i < w.length; i++) {
            assertThat(Math.abs(w[i] - r[i])).isLessThanOrEqualTo(0x1p-25f);
        }
    }

    @Test
    void overflowBecomesInfinityAndAnInfiniteError() {
        float[] w = {70000f, -1f};
        QuantReport report = quantizer.report(w, 1, 2, PER_TENSOR);

        assertThat(quantizer.quantize(w, 1, 2, PER_TENSOR).dequantize()).containsExactly(Float.POSITIVE_INFINITY, -1f);
        assertThat(report.error().maxAbsError()).isInfinite();
    }

    @Test
    void granularityChangesNothingAndBytesAreTwoPerElement() {
        float[] w = {1f, 2f, 3f, 4f, 5f, 6f};
        Fp16Matrix perTensor = quantizer.quantize(w, 2, 3, PER_TENSOR);
        Fp16Matrix perChannel = quantizer.quantize(w, 2, 3, PER_CHANNEL);

        assertThat(perChannel.halves()).containsExactly(perTensor.halves());
        assertThat(perTensor.bytesUsed()).isEqualTo(12);
        assertThat(perChannel.bytesUsed()).isEqualTo(12);
        assertThat(perTensor.memoryReduction()).isEqualTo(2.0);
    }

    @Test
    void rejectsNaNNamingItsIndex() {
        assertThatThrownBy(() -> quantizer.quantize(new float[] {0f, Float.NaN}, 1, 2, PER_TENSOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[1] is NaN");
    }
}
