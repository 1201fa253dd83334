package dev.bitbench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededInputsTest {
    @Test
    void sameSeedAndStreamGiveTheSameData() {
        assertThat(SeededInputs.checksum(SeededInputs.gaussian(42, "matmul.a", 4099)))
                .isEqualTo(SeededInputs.checksum(SeededInputs.gaussian(42, "matmul.a", 4099)));
        assertThat(SeededInputs.ternary(7, "w", 1000)).isEqualTo(SeededInputs.ternary(7, "w", 1000));
    }

    @Test
    void anotherSeedOrStreamGivesOtherData() {
        long base = SeededInputs.checksum(SeededInputs.gaussian(42, "matmul.a", 1024));
        assertThat(SeededInputs.checksum(SeededInputs.gaussian(43, "matmul.a", 1024)))
                .isNotEqualTo(base);
        assertThat(SeededInputs.checksum(SeededInputs.gaussian(42, "matmul.b", 1024)))
                .isNotEqualTo(base);
    }

    @Test
    void gaussianDataHasRoughlyZeroMeanAndUnitVariance() {
        float[] x = SeededInputs.gaussian(42, "stats", 100_000);
        double sum = 0;
        double sumSq = 0;
        for (float v : x) {
            assertThat(Float.isFinite(v)).isTrue();
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / x.length;
        assertThat(mean).isBetween(-0.02, 0.02);
        assertThat(sumSq / x.length - mean * mean).isBetween(0.97, 1.03);
    }

    @Test
    void uniformAndTernaryStayInRange() {
        for (float v : SeededInputs.uniform(1, "u", 10_000, 0.5f, 1.5f)) {
            assertThat(v).isBetween(0.5f, 1.5f);
        }
        byte[] t = SeededInputs.ternary(1, "t", 3000);
        int[] counts = new int[3];
        for (byte v : t) {
            counts[v + 1]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(900, 1100);
        }
    }

    @Test
    void seedComesFromTheSystemPropertyOrDefaultsTo42() {
        String old = System.getProperty(SeededInputs.SEED_PROPERTY);
        try {
            System.clearProperty(SeededInputs.SEED_PROPERTY);
            assertThat(SeededInputs.seed()).isEqualTo(42);
            System.setProperty(SeededInputs.SEED_PROPERTY, "1234");
            assertThat(SeededInputs.seed()).isEqualTo(1234);
        } finally {
            if (old == null) {
                System.clearProperty(SeededInputs.SEED_PROPERTY);
            } else {
                System.setProperty(SeededInputs.SEED_PROPERTY, old);
            }
        }
    }
}
