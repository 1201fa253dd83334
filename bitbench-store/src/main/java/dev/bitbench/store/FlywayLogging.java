package dev.bitbench.store;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Sends Flyway's messages to {@code java.util.logging} under {@value #LOGGER}: warnings and errors
 * at {@code WARNING}/{@code SEVERE}, everything else at {@code FINE}, so that a command prints
 * nothing about migrations unless something is wrong. Chosen explicitly so that Flyway does not
 * pick SLF4J (on the class path without a provider) and print SLF4J's set-up warnings. Flyway
 * instantiates it by name; it must stay public with a public no-argument constructor.
 */
public final class FlywayLogging implements LogCreator {
    /** The logger name: {@value}. */
    public static final String LOGGER = "dev.bitbench.store.flyway";

    private static final Logger JUL = Logger.getLogger(LOGGER);

    @Override
    public Log createLogger(Class<?> clazz) {
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return JUL.isLoggable(Level.FINEST);
            }

            @Override
            public void debug(String message) {
                JUL.finest(message);
            }

            @Override
            public void info(String message) {
                JUL.fine(message);
            }

            @Override
            public void warn(String message) {
                JUL.warning(message);
            }

            @Override
            public void error(String message) {
                JUL.severe(message);
            }

            @Override
            public void error(String message, Exception e) {
                JUL.log(Level.SEVERE, message, e);
            }

            @Override
            public void notice(String message) {
                JUL.fine(message);
            }
        };
    }
}
