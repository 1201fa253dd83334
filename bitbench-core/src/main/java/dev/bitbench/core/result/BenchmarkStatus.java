package dev.bitbench.core.result;

import java.util.Locale;

/**
 * Outcome of one benchmark: {@code ok} (measured), {@code failed} (threw), {@code timeout} (stopped
 * past its per-benchmark timeout) or {@code skipped} (not runnable here, e.g. an unavailable device
 * or peer library). Every status other than {@code ok} carries an error or reason.
 */
public enum BenchmarkStatus {
    OK,
    FAILED,
    TIMEOUT,
    SKIPPED;

    /** The JSON spelling, lower case. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the JSON spelling (exact, lower case).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static BenchmarkStatus parse(String value) {
        for (BenchmarkStatus s : values()) {
            if (s.json().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "invalid benchmark status '" + value + "': expected ok, failed, timeout or skipped");
    }
}
