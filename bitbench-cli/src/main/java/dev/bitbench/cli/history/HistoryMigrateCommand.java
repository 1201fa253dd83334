package dev.bitbench.cli.history;

import dev.bitbench.store.RunStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bitbench history migrate}: creates or upgrades the schema and prints its version. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        description = "Create or upgrade the history database to the newest schema and print its version."
                + " Every command does this on first use; this one only does that.",
        footerHeading = "%nExample:%n",
        footer = "  bitbench history migrate --db jdbc:postgresql://ci-db/bitbench?user=bb&password=secret")
public final class HistoryMigrateCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (RunStore s = store.open()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("schema version " + s.schemaVersion() + " (" + s.url() + ")");
            out.flush();
        }
        return 0;
    }
}
