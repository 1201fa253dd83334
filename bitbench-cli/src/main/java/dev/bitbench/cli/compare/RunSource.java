package dev.bitbench.cli.compare;

import dev.bitbench.core.result.RunResult;
import java.io.IOException;

/**
 * Finds a run from what a user typed: a run directory, a {@code performance-report.json}, another
 * tool's output file ({@link PathRunSource}), and later a run id of the history store. {@code
 * compare}, {@code check} and {@code baseline} resolve every run reference through this one
 * interface, so the store plugs in by wrapping {@link PathRunSource} (try the store's ids first,
 * then paths) without touching the commands.
 */
public interface RunSource {

    /**
     * The run named by {@code reference}.
     *
     * @throws dev.bitbench.cli.UsageError if nothing is found under that name, or what is found is
     *     not a valid run (the message names the file, field and expected value)
     * @throws IOException if it exists but cannot be read
     */
    RunResult resolve(String reference) throws IOException;
}
