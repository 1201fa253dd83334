package dev.bitbench.store;

import java.time.Instant;

/** Instants as stored: nanoseconds since 1970-01-01T00:00Z in a 64-bit integer (years 1677–2262). */
final class EpochNanos {
    private EpochNanos() {}

    static long of(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            throw new StoreException("instant " + t + " is outside the storable range 1677..2262");
        }
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
