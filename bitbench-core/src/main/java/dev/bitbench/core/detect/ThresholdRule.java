package dev.bitbench.core.detect;

/**
 * The thresholds that apply to one benchmark metric, in percent of regression ({@code
 * regression_pct}: positive when worse, whatever the direction).
 *
 * @param warningPercent finite, {@code >= 0}: a worse change at least this large is a warning; a
 *     better change at least this large is an improvement
 * @param criticalPercent finite, {@code >= warningPercent}: a worse change at least this large is
 *     critical
 * @param blocking whether a regression here may fail the build; {@code false} for metrics or
 *     benchmarks marked non-blocking (their levels are still reported)
 */
public record ThresholdRule(double warningPercent, double criticalPercent, boolean blocking) {

    public ThresholdRule {
        if (!Double.isFinite(warningPercent) || warningPercent < 0.0) {
            throw new IllegalArgumentException("warning threshold " + warningPercent + "% must be a number >= 0");
        }
        if (!Double.isFinite(criticalPercent) || criticalPercent < warningPercent) {
            throw new IllegalArgumentException("critical threshold " + criticalPercent
                    + "% must be a number >= the warning threshold " + warningPercent + "%");
        }
    }
}
