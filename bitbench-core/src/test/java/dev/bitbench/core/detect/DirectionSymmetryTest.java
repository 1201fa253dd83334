package dev.bitbench.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.Direction;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The same numbers read as lower-is-better and as higher-is-better must give mirrored verdicts: a
 * regression one way is an improvement the other way, and stable or inconclusive stays so.
 */
class DirectionSymmetryTest {

    private static final RegressionDetector DETECTOR =
            new RegressionDetector(DetectorConfig.defaults().withThresholds(Thresholds.uniform(8, 15)));

    @Property(tries = 2000)
    void decisionTableIsSymmetricUnderNegation(
            @ForAll @DoubleRange(min = -60, max = 60) double r,
            @ForAll @DoubleRange(min = -80, max = 80) double a,
            @ForAll @DoubleRange(min = -80, max = 80) double b,
            @ForAll boolean significant) {
        ThresholdRule rule = new ThresholdRule(8, 15, true);
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        Level level = LevelDecision.statistical(r, lo, hi, significant, rule);
        Level mirrored = LevelDecision.statistical(-r, -hi, -lo, significant, rule);
        assertThat(mirror(mirrored)).isEqualTo(mirror(mirror(level)));
        if (level.isRegression()) {
            assertThat(mirrored).isEqualTo(Level.IMPROVEMENT);
        }
    }

    @Property(tries = 60)
    void detectorMirrorsVerdictsWhenTheDirectionFlips(@ForAll("samplePairs") List<double[]> pair) {
        double[] baseline = pair.get(0);
        double[] current = pair.get(1);
        Comparison lower = only(Direction.LOWER, baseline, current);
        Comparison higher = only(Direction.HIGHER, baseline, current);
        assertThat(higher.regressionPct()).isEqualTo(-lower.regressionPct());
        assertThat(higher.ratio()).isEqualTo(lower.ratio());
        assertThat(higher.ci()).isEqualTo(lower.ci());
        assertThat(mirror(higher.level())).isEqualTo(mirror(mirror(lower.level())));
        if (lower.level().isRegression()) {
            assertThat(higher.level()).isEqualTo(Level.IMPROVEMENT);
        }
        if (higher.level().isRegression()) {
            assertThat(lower.level()).isEqualTo(Level.IMPROVEMENT);
        }
    }

    @Provide
    Arbitrary<List<double[]>> samplePairs() {
        Arbitrary<Double> scale = Arbitraries.doubles().between(0.5, 2.0);
        Arbitrary<double[]> sample = Arbitraries.doubles()
                .between(90, 110)
                .array(double[].class)
                .ofMinSize(5)
                .ofMaxSize(15);
        return Combinators.combine(sample, sample, scale).as((b, c, s) -> {
            double[] scaled = c.clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= s;
            }
            return List.of(b, scaled);
        });
    }

    private static Comparison only(Direction direction, double[] baseline, double[] current) {
        return DETECTOR.compare(
                        List.of(MetricSamples.of("p", "m", "", direction, baseline)),
                        List.of(MetricSamples.of("p", "m", "", direction, current)))
                .comparisons()
                .get(0);
    }

    /** Regression levels become IMPROVEMENT and back (to a common WARNING), the rest stays. */
    private static Level mirror(Level level) {
        return switch (level) {
            case CRITICAL, WARNING -> Level.IMPROVEMENT;
            case IMPROVEMENT -> Level.WARNING;
            default -> level;
        };
    }
}
