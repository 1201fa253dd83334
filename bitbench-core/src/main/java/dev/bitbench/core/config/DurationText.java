package dev.bitbench.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as a positive whole number and a unit: {@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1h}. Pure.
 */
public final class DurationText {

    /** The accepted form, for error messages. */
    public static final String FORM = "a positive duration like 500ms, 30s, 2m or 1h";

    private static final Pattern PATTERN = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private DurationText() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException if it is not of the form {@link #FORM} or is zero
     */
    public static Duration parse(String text) {
        Matcher m = PATTERN.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + FORM + ", found \"" + text + "\"");
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("expected " + FORM + ", found \"" + text + "\"");
        }
        return d;
    }

    /** The shortest exact text of a duration in the units above, e.g. {@code 90s}, {@code 2m}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
