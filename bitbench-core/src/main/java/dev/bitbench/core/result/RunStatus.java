package dev.bitbench.core.result;

import java.util.Locale;

/**
 * Outcome of a whole run: {@code ok} when every benchmark succeeded or was skipped, {@code partial}
 * when at least one failed or timed out (or the run was interrupted), {@code failed} when nothing
 * was measured.
 */
public enum RunStatus {
    OK,
    PARTIAL,
    FAILED;

    /** The JSON spelling, lower case. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the JSON spelling (exact, lower case).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static RunStatus parse(String value) {
        for (RunStatus s : values()) {
            if (s.json().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("invalid run status '" + value + "': expected ok, partial or failed");
    }
}
