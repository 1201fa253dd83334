package dev.bitbench.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns driver exceptions into one-line {@link StoreException}s that say what to do. */
final class StoreFailure {
    private StoreFailure() {}

    /**
     * @param action what was being done, e.g. {@code "cannot store run X"}
     */
    static StoreException of(Dialect dialect, String url, String action, SQLException e) {
        String where = Redaction.url(url);
        String reason = firstLine(e.getMessage());
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            String base = code == null ? "" : code.name();
            if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
                reason = "the database is locked by another writer for longer than the busy timeout";
            } else if (base.startsWith("SQLITE_FULL")) {
                reason = "the disk is full";
            } else if (base.startsWith("SQLITE_CANTOPEN")) {
                reason = "the database file cannot be opened (missing directory or no permission)";
            } else if (base.startsWith("SQLITE_READONLY")) {
                reason = "the database is read-only";
            } else if (base.startsWith("SQLITE_NOTADB") || base.startsWith("SQLITE_CORRUPT")) {
                reason = "the file is not a valid SQLite database";
            } else if (base.startsWith("SQLITE_IOERR")) {
                reason = "disk I/O error (" + reason + ")";
            }
        } else if (dialect == Dialect.POSTGRESQL && e.getSQLState() != null) {
            String state = e.getSQLState();
            if (state.startsWith("08")) {
                reason = "cannot connect to PostgreSQL (" + reason + ")";
            } else if (state.equals("53100")) {
                reason = "the database server's disk is full";
            } else if (state.equals("28P01") || state.equals("28000")) {
                reason = "PostgreSQL refused the login (" + reason + ")";
            } else if (state.equals("3D000")) {
                reason = "the PostgreSQL database does not exist (" + reason + ")";
            }
        }
        return new StoreException(action + ": " + reason + " [" + where + "]", e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown database error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
