package dev.bitbench.cli.compare;

import dev.bitbench.store.RunStore;
import picocli.CommandLine.Option;

/** Where run ids and {@code --against history} are looked up: {@code --db}, {@code --history-runs}. */
public final class HistoryOptions {

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "JDBC URL of the run history for run ids and --against history (default: $BITBENCH_DB,"
                    + " else " + RunStore.DEFAULT_URL + ").")
    String db;

    @Option(
            names = "--history-runs",
            paramLabel = "N",
            description = "With --against history: pool the newest N earlier runs of the platform (default: 5).")
    int historyRuns = 5;

    /** A run source over paths and this history. */
    public StoreRunSource source() {
        return new StoreRunSource(RunStore.resolveUrl(db, System.getenv()));
    }
}
