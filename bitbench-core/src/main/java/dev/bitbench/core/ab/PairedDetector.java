package dev.bitbench.core.ab;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import dev.bitbench.core.detect.LevelDecision;
import dev.bitbench.core.detect.MetricKind;
import dev.bitbench.core.detect.ThresholdRule;
import dev.bitbench.core.stats.BenjaminiHochberg;
import dev.bitbench.core.stats.BootstrapCi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The regression verdict of an A/B experiment run in paired rounds: per metric, the per-round ratios
 * {@code candidate / baseline} are the data, so that machine drift shared by both versions in a round
 * cancels. Pure: no I/O; deterministic for a given {@link DetectorConfig#seed()}.
 *
 * <p>Per metric with at least {@link DetectorConfig#minSamples()} rounds:
 *
 * <ol>
 *   <li>the estimate is the median of the per-round ratios; {@code regression_pct} its change in the
 *       worse direction;
 *   <li>a seeded percentile bootstrap ({@link DetectorConfig#resamples()} rounds, {@link
 *       DetectorConfig#confidenceLevel()}) of that median: each bootstrap round resamples the ratios
 *       with replacement and takes their median. It is computed by {@link BootstrapCi#ratioOfMedians}
 *       with the ratios as the "current" sample against the constant baseline {@code {1}}, whose
 *       resample median is always 1, so the ratio of medians is exactly the resample median of the
 *       ratios (drawn from its exact distribution, O(1) per round);
 *   <li>a two-sided Wilcoxon signed-rank test of the log ratios ({@link SignedRankTest});
 *   <li>after all metrics, Benjamini-Hochberg over their p-values; significant when adjusted {@code <=
 *       q};
 *   <li>the level from the detector's own table, {@link LevelDecision#statistical}, with the thresholds
 *       of {@link DetectorConfig#thresholds()} for the metric's {@link MetricKind}: an A/B verdict means
 *       exactly what a {@code check} verdict means.
 * </ol>
 *
 * With fewer rounds, {@link LevelDecision#thresholdOnly} on the estimate.
 */
public final class PairedDetector {

    private final DetectorConfig config;

    /** A detector with {@code config} (seed, resamples, confidence level, q, minimum rounds, thresholds). */
    public PairedDetector(DetectorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings of this detector. */
    public DetectorConfig config() {
        return config;
    }

    /**
     * Compares every metric.
     *
     * @param metrics at most one per benchmark id and metric name
     * @return one comparison per input, sorted by benchmark id then metric
     * @throws IllegalArgumentException if a benchmark id and metric occur twice
     */
    public List<PairedComparison> compare(List<PairedSamples> metrics) {
        List<PairedSamples> sorted = new ArrayList<>(metrics);
        sorted.sort(Comparator.comparing(PairedSamples::benchmarkId).thenComparing(PairedSamples::metric));
        Set<String> seen = new HashSet<>();
        for (PairedSamples m : sorted) {
            if (!seen.add(m.benchmarkId() + '\u0000' + m.metric())) {
                throw new IllegalArgumentException(m.benchmarkId() + " [" + m.metric() + "] given twice");
            }
        }
        double[] p = new double[sorted.size()];
        for (int i = 0; i < p.length; i++) {
            PairedSamples m = sorted.get(i);
            p[i] = m.rounds() >= config.minSamples()
                    ? SignedRankTest.testLogRatios(m.ratios()).pValue()
                    : Double.NaN;
        }
        double[] adjusted = BenjaminiHochberg.adjust(p);
        List<PairedComparison> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(decide(sorted.get(i), p[i], adjusted[i]));
        }
        return List.copyOf(out);
    }

    private PairedComparison decide(PairedSamples m, double p, double pAdjusted) {
        MetricKind kind = MetricKind.infer(m.metric(), m.unit(), m.direction());
        ThresholdRule rule = config.thresholds().resolve(m.benchmarkId(), m.metric(), kind);
        double[] ratios = m.ratios();
        double medianRatio = BootstrapCi.median(ratios);
        double regressionPct = regressionPct(medianRatio, m.direction());
        double low = Double.NaN;
        double high = Double.NaN;
        Level level;
        boolean statistical = !Double.isNaN(p);
        if (statistical) {
            BootstrapCi ci = BootstrapCi.ratioOfMedians(
                    new double[] {1.0},
                    ratios,
                    config.resamples(),
                    config.confidenceLevel(),
                    StreamSeed.of(config.seed(), m.benchmarkId(), m.metric()));
            low = ci.low();
            high = ci.high();
            double regLow = m.direction() == Direction.LOWER ? (low - 1.0) * 100.0 : (1.0 - high) * 100.0;
            double regHigh = m.direction() == Direction.LOWER ? (high - 1.0) * 100.0 : (1.0 - low) * 100.0;
            level = LevelDecision.statistical(regressionPct, regLow, regHigh, pAdjusted <= config.q(), rule);
        } else {
            level = LevelDecision.thresholdOnly(regressionPct, rule);
        }
        return new PairedComparison(
                m.benchmarkId(),
                m.metric(),
                m.unit(),
                m.direction(),
                kind,
                m.rounds(),
                BootstrapCi.median(m.baseline()),
                BootstrapCi.median(m.candidate()),
                medianRatio,
                low,
                high,
                regressionPct,
                p,
                pAdjusted,
                level,
                statistical,
                rule.warningPercent(),
                rule.criticalPercent(),
                rule.blocking());
    }

    /** {@code (ratio - 1) * 100} for lower-is-better metrics, its negation for higher-is-better ones. */
    static double regressionPct(double ratio, Direction direction) {
        double change = (ratio - 1.0) * 100.0;
        return direction == Direction.LOWER ? change : -change;
    }
}
