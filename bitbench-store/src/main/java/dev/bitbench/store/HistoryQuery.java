package dev.bitbench.store;

import java.time.Instant;

/**
 * Which metric series {@link RunStore#history} returns.
 *
 * @param benchmarkGlob benchmark ids to include, as a {@link BenchmarkGlob} ({@code *} any run of
 *     characters, {@code ?} one character), or {@code null} for every benchmark
 * @param metric metric name (e.g. {@code time}), or {@code null} for every metric
 * @param platform platform key, or {@code null} for every platform (each platform is its own
 *     series)
 * @param branch git branch of the runs, or {@code null} for any branch
 * @param since only runs started at or after this instant, or {@code null} for all
 * @param window keep only the newest {@code window} points of each series; {@code 0} keeps all
 */
public record HistoryQuery(
        String benchmarkGlob, String metric, String platform, String branch, Instant since, int window) {

    /** Validates the window. */
    public HistoryQuery {
        if (window < 0) {
            throw new IllegalArgumentException("window must be >= 0, was " + window);
        }
    }

    /** Every point of every series. */
    public static HistoryQuery everything() {
        return new HistoryQuery(null, null, null, null, null, 0);
    }
}
