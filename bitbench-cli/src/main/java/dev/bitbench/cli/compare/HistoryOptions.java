package dev.bitbench.cli.compare;

import dev.bitbench.store.RunStore;
import picocli.CommandLine.Option;

/** Where run ids and {@code --against history} are looked up: {@code --db}. */
public final class HistoryOptions {

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "JDBC URL of the run history for run ids and --against history (default: $BITBENCH_DB,"
                    + " else " + RunStore.DEFAULT_URL + ").")
    String db;

    /** A run source over paths and this history. */
    public StoreRunSource source() {
        return new StoreRunSource(RunStore.resolveUrl(db, System.getenv()));
    }
}
