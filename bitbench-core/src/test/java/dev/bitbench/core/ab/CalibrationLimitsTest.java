package dev.bitbench.core.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.detect.DetectorConfig;
import org.junit.jupiter.api.Test;

class CalibrationLimitsTest {

    private static final String JSON = """
            {
              "schema": "bitbench/calibration/v1",
              "rounds": 10,
              "benchmarks": [
                {"benchmark": "kernels.sum/simd/f32/4096", "metric": "time", "pairs": 10,
                 "paired_cv_pct": 4.0, "mde_pct": 5.0,
                 "detection": [{"shift_pct": 1.0, "detected": 0.1}, {"shift_pct": 20.0, "detected": 1.0}]},
                {"benchmark": "kernels.gelu/scalar/f32/4096", "metric": "time", "pairs": 10,
                 "paired_cv_pct": 20.0, "mde_pct": null,
                 "detection": [{"shift_pct": 20.0, "detected": 0.5}]}
              ]
            }
            """;

    private final NoiseCalibration calibration = NoiseCalibration.withDefaults(DetectorConfig.defaults());

    @Test
    void readsRoundsLargestShiftAndEveryMetric() {
        CalibrationLimits limits = CalibrationLimits.parse(JSON);

        assertThat(limits.rounds()).isEqualTo(10);
        assertThat(limits.largestShiftPercent()).isEqualTo(20.0);
        assertThat(limits.find("kernels.sum/simd/f32/4096", "time").mdePercent())
                .isEqualTo(5.0);
        assertThat(limits.find("kernels.gelu/scalar/f32/4096", "time").mdePercent())
                .isNaN();
        assertThat(limits.find("kernels.sum/simd/f32/4096", "throughput")).isNull();
    }

    @Test
    void aThresholdBelowTheMdeIsAShortfallWithTheRoundsThatWouldResolveIt() {
        CalibrationLimits limits = CalibrationLimits.parse(JSON);

        CalibrationLimits.Shortfall s = limits.check("kernels.sum/simd/f32/4096", "time", 3.0, calibration);

        assertThat(s).isNotNull();
        assertThat(s.mdePercent()).isEqualTo(5.0);
        // ((1.96 + 1.645) * 0.04 / ln 1.03)^2 * pi/3 = 24.9
        assertThat(s.roundsNeeded()).isEqualTo(25);
    }

    @Test
    void aThresholdAtOrAboveTheMdeOrAnUncalibratedMetricIsFine() {
        CalibrationLimits limits = CalibrationLimits.parse(JSON);

        assertThat(limits.check("kernels.sum/simd/f32/4096", "time", 5.0, calibration))
                .isNull();
        assertThat(limits.check("kernels.sum/simd/f32/4096", "time", 15.0, calibration))
                .isNull();
        assertThat(limits.check("kernels.add/simd/f32/4096", "time", 1.0, calibration))
                .isNull();
    }

    @Test
    void anMdeAboveEveryTriedShiftFailsEveryThreshold() {
        CalibrationLimits limits = CalibrationLimits.parse(JSON);

        CalibrationLimits.Shortfall s = limits.check("kernels.gelu/scalar/f32/4096", "time", 15.0, calibration);

        assertThat(s).isNotNull();
        assertThat(s.mdePercent()).isNaN();
        // ((1.96 + 1.645) * 0.20 / ln 1.15)^2 * pi/3 = 27.9
        assertThat(s.roundsNeeded()).isEqualTo(28);
    }

    @Test
    void rejectsOtherDocumentsWithOneLine() {
        assertThatThrownBy(() -> CalibrationLimits.parse("{\"schema\": \"bitbench/ab/v1\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bitbench/calibration/v1");
        assertThatThrownBy(() -> CalibrationLimits.parse("{oops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> CalibrationLimits.parse(
                        "{\"schema\": \"bitbench/calibration/v1\", \"benchmarks\": [{\"benchmark\": \"x\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paired_cv_pct");
    }
}
