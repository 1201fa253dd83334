package dev.bitbench.cli.ab;

import dev.bitbench.core.ab.TrialOutcome;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs one trial: the benchmarks matching a regular expression, for one version, in a fresh process.
 * The real one is {@link ProcessTrialExecutor}; tests use a double.
 */
public interface TrialExecutor {

    /**
     * Runs the trial and returns, per benchmark id that succeeded, the value of each of its metrics (the
     * median of the trial's samples).
     *
     * @param version which jar on which java
     * @param filterRegex benchmark ids to run (matched with {@code find}, as {@code run --filter})
     * @param lane in duet mode the half of the cores to pin to (0 or 1); {@code -1} for no pinning
     * @throws IOException if the process cannot start, fails, or writes no readable result
     * @throws InterruptedException if interrupted while waiting (the process is destroyed)
     */
    Map<String, List<TrialOutcome.Value>> run(Version version, String filterRegex, int lane)
            throws IOException, InterruptedException;
}
