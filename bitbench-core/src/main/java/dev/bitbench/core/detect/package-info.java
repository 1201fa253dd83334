/**
 * Regression detection: pairs baseline and current {@link dev.bitbench.core.detect.MetricSamples},
 * compares each benchmark metric statistically (bootstrap interval of the ratio of medians,
 * Mann-Whitney U, Benjamini-Hochberg) or by thresholds, and classifies it with {@link
 * dev.bitbench.core.detect.LevelDecision}. Entry point: {@link
 * dev.bitbench.core.detect.RegressionDetector}. Pure: no I/O; the formats return text for the caller
 * to write. Method and decision table: {@code docs/detection.md}.
 */
package dev.bitbench.core.detect;
