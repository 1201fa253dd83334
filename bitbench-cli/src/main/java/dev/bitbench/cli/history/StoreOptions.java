package dev.bitbench.cli.history;

import dev.bitbench.store.RunStore;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the history commands: flag, else {@code BITBENCH_DB}, else the default. */
public final class StoreOptions {
    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "JDBC URL of the run history (default: $BITBENCH_DB, else " + RunStore.DEFAULT_URL
                    + "), e.g. jdbc:postgresql://host/bitbench?user=u&password=p")
    String db;

    /** Opens (and migrates) the history; a failure is a one-line StoreException (exit 1). */
    public RunStore open() {
        return RunStore.open(RunStore.resolveUrl(db, System.getenv()));
    }
}
