package dev.bitbench.store;

/**
 * The run history could not be read or written: the database is unreachable, locked for longer than
 * the busy timeout, full, not a BitBench database, or a run is missing or already stored. The
 * message is one line that says what failed and where (the database URL without its password);
 * the cause, when there is one, is the driver's exception.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
