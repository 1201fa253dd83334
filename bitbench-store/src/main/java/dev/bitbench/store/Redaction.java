package dev.bitbench.store;

/** Removes secrets from text shown to users. */
final class Redaction {
    private Redaction() {}

    /** The URL with the value of any {@code password=} parameter replaced by {@code ***}. */
    static String url(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
