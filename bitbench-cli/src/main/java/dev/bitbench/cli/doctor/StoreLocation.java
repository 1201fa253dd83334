package dev.bitbench.cli.doctor;

import java.nio.file.Path;

/**
 * Where a store URL lives: for {@code jdbc:sqlite:PATH} the file (relative paths resolved against
 * the project directory), else none (a server database).
 */
final class StoreLocation {

    private static final String SQLITE = "jdbc:sqlite:";

    private StoreLocation() {}

    /** The SQLite file of {@code url}, or {@code null} for a server URL or an in-memory database. */
    static Path sqliteFile(String url, Path projectDir) {
        if (!url.startsWith(SQLITE)) {
            return null;
        }
        String rest = url.substring(SQLITE.length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.isEmpty() || rest.equals(":memory:")) {
            return null;
        }
        return projectDir.resolve(rest).normalize();
    }

    /** {@code url} with a relative SQLite path made absolute against {@code projectDir}. */
    static String absolute(String url, Path projectDir) {
        Path file = sqliteFile(url, projectDir);
        if (file == null || url.substring(SQLITE.length()).startsWith("file:") || url.contains("?")) {
            return url;
        }
        return SQLITE + file.toAbsolutePath();
    }
}
