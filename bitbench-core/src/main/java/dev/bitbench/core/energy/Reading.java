package dev.bitbench.core.energy;

import java.util.Objects;

/**
 * A value read from the platform, or the reason it could not be read. Never a zero standing in for
 * "unknown": a reader that cannot read returns {@link #unavailable(String)} and the report prints
 * {@code unavailable: <reason>}.
 *
 * @param value the value, or {@code null} when unavailable
 * @param reason why there is no value, or {@code null} when there is one
 * @param <T> the value's type
 */
public record Reading<T>(T value, String reason) {

    /** Exactly one of value and reason is set. */
    public Reading {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("a reading has either a value or a reason, not both or neither");
        }
    }

    /** A value that was read. */
    public static <T> Reading<T> of(T value) {
        return new Reading<>(Objects.requireNonNull(value, "value"), null);
    }

    /** No value, with why. */
    public static <T> Reading<T> unavailable(String reason) {
        return new Reading<>(null, Objects.requireNonNull(reason, "reason"));
    }

    /** True when there is a value. */
    public boolean available() {
        return value != null;
    }

    /** The value, or {@code unavailable: <reason>}. */
    @Override
    public String toString() {
        return available() ? String.valueOf(value) : "unavailable: " + reason;
    }
}
