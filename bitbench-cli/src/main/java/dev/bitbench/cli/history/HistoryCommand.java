package dev.bitbench.cli.history;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bitbench history}: the stored runs. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "List, show, export and prune stored runs; migrate the history database.",
        subcommands = {
            HistoryListCommand.class,
            HistoryShowCommand.class,
            HistoryExportCommand.class,
            HistoryPruneCommand.class,
            HistoryMigrateCommand.class
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench history list --platform linux-x86_64 --branch main --limit 10",
            "  bitbench history show 20261123T101233Z-f8fe249",
            "  bitbench history prune --keep-days 90 --keep-release-days 365 --dry-run",
            "  bitbench history migrate --db jdbc:postgresql://ci-db/bitbench?user=bb&password=secret"
        })
public final class HistoryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
