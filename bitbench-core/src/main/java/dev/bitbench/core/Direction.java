package dev.bitbench.core;

import java.util.Locale;

/**
 * Which way a metric improves. Every metric carries its direction, so nothing downstream guesses
 * whether a bigger number is better: throughput ({@code ops/s}, GFLOPS) is {@link #HIGHER}, time and
 * memory are {@link #LOWER}.
 */
public enum Direction {
    /** Bigger is better (throughput, accuracy). */
    HIGHER,
    /** Smaller is better (time, latency, memory, error). */
    LOWER;

    /** The JSON spelling: {@code "higher"} or {@code "lower"}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the JSON spelling, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the expected ones
     */
    public static Direction parse(String value) {
        if (value != null) {
            for (Direction d : values()) {
                if (d.json().equalsIgnoreCase(value.trim())) {
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("invalid direction '" + value + "': expected \"higher\" or \"lower\"");
    }
}
