package dev.bitbench.cli.history;

import dev.bitbench.cli.UsageError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses {@code --since}: a date {@code 2026-01-31} (UTC midnight), an ISO instant, or {@code Nd} days ago. */
public final class SinceParser {
    private SinceParser() {}

    /** The instant {@code value} names; a {@link UsageError} naming {@code option} when it names none. */
    public static Instant parse(String option, String value, Instant now) {
        String v = value.trim();
        try {
            if (v.matches("\\d+d")) {
                return now.minus(Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1))));
            }
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UsageError(option + " '" + value
                    + "' is not a date: expected YYYY-MM-DD, an ISO instant (2026-01-31T12:00:00Z) or Nd (days ago)");
        }
    }
}
