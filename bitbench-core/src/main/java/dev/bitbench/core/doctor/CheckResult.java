package dev.bitbench.core.doctor;

import java.util.Objects;

/**
 * One diagnostic line: {@code OK jdk: 17.0.15 (Debian)}, or a warning or failure with the way to fix
 * it.
 *
 * @param name short id of the check, e.g. {@code jdk}, {@code vector-api}, {@code load}; not blank
 * @param status OK, WARN or FAIL
 * @param detail what was found, one line; not null
 * @param hint what to do about a WARN or FAIL, one line; empty for OK
 */
public record CheckResult(String name, CheckStatus status, String detail, String hint) {

    /** Validates the fields and folds line breaks so every check stays one line. */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        hint = hint == null ? "" : oneLine(hint);
        if (name.isBlank()) {
            throw new IllegalArgumentException("check name must not be blank");
        }
        if (status != CheckStatus.OK && hint.isBlank()) {
            throw new IllegalArgumentException("check " + name + " is " + status + " without a fix hint");
        }
        detail = oneLine(detail);
    }

    /** A passing check. */
    public static CheckResult ok(String name, String detail) {
        return new CheckResult(name, CheckStatus.OK, detail, "");
    }

    /** A warning with its fix hint. */
    public static CheckResult warn(String name, String detail, String hint) {
        return new CheckResult(name, CheckStatus.WARN, detail, hint);
    }

    /** A failure with its fix hint. */
    public static CheckResult fail(String name, String detail, String hint) {
        return new CheckResult(name, CheckStatus.FAIL, detail, hint);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
