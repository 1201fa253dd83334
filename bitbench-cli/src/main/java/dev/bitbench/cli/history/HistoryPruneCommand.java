package dev.bitbench.cli.history;

import dev.bitbench.cli.UsageError;
import dev.bitbench.store.PruneResult;
import dev.bitbench.store.RetentionPolicy;
import dev.bitbench.store.RunStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bitbench history prune}: removes old runs, keeping releases longer. */
@Command(
        name = "prune",
        mixinStandardHelpOptions = true,
        description = {
            "Remove runs older than --keep-days; runs tagged release (--tag release=...) are kept"
                    + " --keep-release-days.",
            "Everything is removed in one transaction."
        },
        footerHeading = "%nExample:%n",
        footer = "  bitbench history prune --keep-days 90 --keep-release-days 365 --dry-run")
public final class HistoryPruneCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(
            names = "--keep-days",
            paramLabel = "N",
            defaultValue = "90",
            description = "Keep ordinary runs N days (default: ${DEFAULT-VALUE}).")
    int keepDays;

    @Option(
            names = "--keep-release-days",
            paramLabel = "N",
            defaultValue = "365",
            description = "Keep release runs N days (default: ${DEFAULT-VALUE}).")
    int keepReleaseDays;

    @Option(names = "--dry-run", description = "Only print what would be removed.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (keepDays < 0 || keepReleaseDays < 0) {
            throw new UsageError(
                    "--keep-days and --keep-release-days must be >= 0, were " + keepDays + " and " + keepReleaseDays);
        }
        PruneResult result;
        try (RunStore s = store.open()) {
            result = s.prune(new RetentionPolicy(keepDays, keepReleaseDays), dryRun);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String id : result.removed()) {
            out.println((dryRun ? "would remove " : "removed ") + id);
        }
        out.println((dryRun ? "dry run: would remove " : "removed ")
                + result.removed().size() + " run" + (result.removed().size() == 1 ? "" : "s") + ", " + result.kept()
                + " kept");
        out.flush();
        return 0;
    }
}
