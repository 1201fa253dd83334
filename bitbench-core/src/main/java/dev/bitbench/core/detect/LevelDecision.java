package dev.bitbench.core.detect;

/**
 * The decision table from a comparison's numbers to its {@link Level}. All quantities are in percent
 * of regression ({@code regression_pct}: positive when worse, whatever the metric's direction); {@code
 * W} and {@code C} are the warning and critical thresholds ({@code 0 <= W <= C}).
 *
 * <p><b>Statistical</b> ({@link #statistical}): inputs are the point estimate {@code r} (from the
 * ratio of medians), the bootstrap interval {@code [lo, hi]} of the regression, and {@code
 * significant} (Mann-Whitney p-value, Benjamini-Hochberg adjusted, {@code <= q}). The interval is
 * <i>narrow</i> when {@code hi - lo <= W}: the measurement resolves changes finer than the threshold,
 * so its point estimate may be trusted. Rules, first match wins:
 *
 * <table>
 *   <caption>statistical decision table</caption>
 *   <tr><th>#</th><th>condition</th><th>level</th></tr>
 *   <tr><td>1</td><td>significant, {@code r >= W}, and (narrow or {@code lo >= W}),
 *       {@code r >= C}</td><td>CRITICAL</td></tr>
 *   <tr><td>2</td><td>significant, {@code r >= W}, and (narrow or {@code lo >= W})</td><td>WARNING</td></tr>
 *   <tr><td>3</td><td>significant, {@code r <= -W}, and (narrow or {@code hi <= -W})</td>
 *       <td>IMPROVEMENT</td></tr>
 *   <tr><td>4</td><td>{@code -W < lo} and {@code hi < W} (interval inside the band)</td><td>STABLE</td></tr>
 *   <tr><td>5</td><td>narrow and {@code |r| < W}</td><td>STABLE</td></tr>
 *   <tr><td>6</td><td>anything else: the interval crosses {@code +-W} and is too wide to call</td>
 *       <td>INCONCLUSIVE</td></tr>
 * </table>
 *
 * <p>Why: a flag needs both a significant difference (Mann-Whitney after BH, which keeps A/A false
 * alarms rare) and a size beyond the threshold that the data can resolve: either the interval is
 * narrow, or the whole interval lies beyond the threshold. Noise that cannot resolve the threshold
 * (e.g. CV 30 % with 10 samples) yields INCONCLUSIVE, never STABLE, since such an interval neither
 * fits inside {@code +-W} nor is narrow. Rule 5 covers precise measurements whose point estimate is
 * below the threshold although the interval grazes it ("not significant and CI narrow", or a real but
 * small change): they are STABLE, not INCONCLUSIVE. A not significant change whose point estimate is
 * beyond {@code W} is INCONCLUSIVE.
 *
 * <p><b>Threshold only</b> ({@link #thresholdOnly}), when a side has too few samples: {@code r >= C}
 * CRITICAL, {@code r >= W} WARNING, {@code r <= -W} IMPROVEMENT, else STABLE.
 */
public final class LevelDecision {

    private LevelDecision() {}

    /**
     * The level of a statistically compared metric.
     *
     * @param regressionPct point estimate, positive when worse; may be infinite, not NaN
     * @param ciLowPct lower bound of the regression interval; may be infinite
     * @param ciHighPct upper bound, {@code >= ciLowPct}; may be infinite
     * @param significant whether the BH-adjusted p-value is {@code <= q}
     * @param rule the thresholds
     */
    public static Level statistical(
            double regressionPct, double ciLowPct, double ciHighPct, boolean significant, ThresholdRule rule) {
        double w = rule.warningPercent();
        double width = ciHighPct - ciLowPct; // NaN for infinite bounds of equal sign: not narrow
        boolean narrow = width <= w;
        if (significant && regressionPct >= w && (narrow || ciLowPct >= w)) {
            return regressionPct >= rule.criticalPercent() ? Level.CRITICAL : Level.WARNING;
        }
        if (significant && regressionPct <= -w && (narrow || ciHighPct <= -w)) {
            return Level.IMPROVEMENT;
        }
        if (-w < ciLowPct && ciHighPct < w) {
            return Level.STABLE;
        }
        if (narrow && Math.abs(regressionPct) < w) {
            return Level.STABLE;
        }
        return Level.INCONCLUSIVE;
    }

    /** The level of a metric compared by its medians only. */
    public static Level thresholdOnly(double regressionPct, ThresholdRule rule) {
        if (regressionPct >= rule.criticalPercent()) {
            return Level.CRITICAL;
        }
        if (regressionPct >= rule.warningPercent()) {
            return Level.WARNING;
        }
        if (regressionPct <= -rule.warningPercent()) {
            return Level.IMPROVEMENT;
        }
        return Level.STABLE;
    }
}
