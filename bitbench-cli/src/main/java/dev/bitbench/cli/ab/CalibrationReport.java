package dev.bitbench.cli.ab;

import dev.bitbench.core.ab.BenchmarkNoise;
import dev.bitbench.core.ab.PairedComparison;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@code bitbench calibrate}.
 *
 * @param ab the A/A experiment (or A/A' with an injected slowdown) that was run
 * @param noise per A/A benchmark metric: CV, false-positive rate, MDE
 * @param targetPercent the effect for which {@code roundsForTarget} is computed
 * @param roundsForTarget per entry of {@code noise}, the rounds needed to detect {@code targetPercent}
 * @param injectSelector the id or whole-id regex of the benchmarks slowed down in B, or {@code null}
 * @param injectPercent the injected slowdown, percent; NaN without injection
 * @param injected the paired verdicts of the injected benchmarks' metrics (empty without injection)
 */
public record CalibrationReport(
        AbReport ab,
        List<BenchmarkNoise> noise,
        double targetPercent,
        List<Integer> roundsForTarget,
        String injectSelector,
        double injectPercent,
        List<PairedComparison> injected) {

    public CalibrationReport {
        Objects.requireNonNull(ab, "ab");
        noise = List.copyOf(noise);
        roundsForTarget = List.copyOf(roundsForTarget);
        injected = List.copyOf(injected);
        if (noise.size() != roundsForTarget.size()) {
            throw new IllegalArgumentException("one rounds recommendation per benchmark metric");
        }
    }

    /** Fraction of A/A benchmark metrics flagged by the run itself, in [0, 1]; NaN when none. */
    public double observedFalsePositiveRate() {
        if (noise.isEmpty()) {
            return Double.NaN;
        }
        return noise.stream().filter(BenchmarkNoise::flaggedInRun).count() / (double) noise.size();
    }
}
