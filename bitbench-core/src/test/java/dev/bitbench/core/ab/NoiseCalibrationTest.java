package dev.bitbench.core.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bitbench.core.detect.DetectorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseCalibrationTest {

    private static final NoiseCalibration CALIBRATION =
            NoiseCalibration.withDefaults(DetectorConfig.defaults().withParallel(false));

    @Test
    void mdeOnSyntheticDataMatchesTheNormalApproximation() {
        // Per-trial CV 3 % with 40 rounds: the log ratios have sd ~ 3 % * sqrt(2) = 4.24 %, and the
        // normal approximation for the signed-rank test (efficiency 3/pi) at alpha 0.05, power 0.95 gives
        // an MDE of expm1(3.605 * 0.0424 / sqrt(40 * 3/pi)) = 2.50 %. On the 1, 2, 3, 5 % grid the
        // resampled MDE must then be 3 %: power at 2 % is about 0.82 (below 0.95), at 3 % about 0.99.
        PairedSamples aa = new PairedSimulation(5L).rounds("aa", 40, 0.03, 0.20, 0.0);

        BenchmarkNoise noise = CALIBRATION.calibrate(List.of(aa)).get(0);
        double expected = CALIBRATION.expectedMdePercent(noise.pairedCvPercent(), noise.rounds());

        assertThat(noise.pairedCvPercent()).isCloseTo(4.24, within(0.8));
        assertThat(expected).isGreaterThan(2.0).isLessThanOrEqualTo(3.0);
        assertThat(noise.mdePercent()).isEqualTo(3.0);
        assertThat(noise.detection().get(1).detectedFraction()).isLessThan(0.95); // 2 %
        assertThat(noise.detection().get(2).detectedFraction()).isGreaterThanOrEqualTo(0.95); // 3 %
    }

    @Test
    void driftSharedByBothVersionsRaisesThePlainCvButNotThePairedOne() {
        PairedSamples aa = new PairedSimulation(8L).rounds("drifty", 30, 0.01, 0.20, 0.0);

        BenchmarkNoise noise = CALIBRATION.calibrate(List.of(aa)).get(0);

        assertThat(noise.cvPercent()).isGreaterThan(8.0); // uniform +-20 % drift: sd 11.5 %
        assertThat(noise.pairedCvPercent()).isLessThan(2.0); // 1 % * sqrt(2) = 1.4 %
        // normal approximation: expm1(3.605 * 0.014 / sqrt(30 * 3/pi)) = 0.95 %, at the 1 % grid step
        assertThat(noise.mdePercent()).isLessThanOrEqualTo(2.0);
    }

    @Test
    void falsePositiveRateOfTheNullResamplesStaysNearAlpha() {
        PairedSimulation sim = new PairedSimulation(9L);
        List<BenchmarkNoise> noise = CALIBRATION.calibrate(List.of(
                sim.rounds("a", 20, 0.02, 0.1, 0.0),
                sim.rounds("b", 20, 0.10, 0.1, 0.0),
                sim.rounds("c", 12, 0.05, 0.1, 0.0)));

        assertThat(noise).extracting(BenchmarkNoise::benchmarkId).containsExactly("a", "b", "c");
        for (BenchmarkNoise n : noise) {
            assertThat(n.falsePositiveRate()).isLessThanOrEqualTo(0.07);
            assertThat(n.flaggedInRun()).isFalse();
        }
    }

    @Test
    void tooFewRoundsCannotDetectAnything() {
        PairedSamples aa = new PairedSimulation(4L).rounds("five", 5, 0.001, 0.0, 0.0);

        BenchmarkNoise noise = CALIBRATION.calibrate(List.of(aa)).get(0);

        assertThat(noise.mdePercent()).isNaN(); // 5 rounds: the smallest two-sided p is 2/32 > 0.05
        assertThat(noise.detection())
                .allSatisfy(d -> assertThat(d.detectedFraction())
                        .isLessThan(0.05)); // tied resamples use the normal approximation
    }

    @Test
    void roundsForFollowsTheHandComputedFormula() {
        // ((1.96 + 1.645) * 0.10 / log(1.05))^2 * pi / 3 = 57.17 -> 58 rounds
        assertThat(CALIBRATION.roundsFor(10.0, 5.0)).isEqualTo(58);
        // a quiet machine still needs the 6 rounds the signed-rank test needs to reach p <= 0.05
        assertThat(CALIBRATION.roundsFor(1.0, 5.0)).isEqualTo(6);
    }
}
