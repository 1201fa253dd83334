package dev.bitbench.cli.history;

import dev.bitbench.cli.UsageError;
import dev.bitbench.store.RunFilter;
import dev.bitbench.store.RunStore;
import dev.bitbench.store.RunSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bitbench history list}: stored runs, newest first. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List stored runs, newest first.",
        footerHeading = "%nExample:%n",
        footer = "  bitbench history list --platform linux-x86_64 --branch main --limit 10")
public final class HistoryListCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--platform", paramLabel = "P", description = "Only runs of this platform, e.g. linux-x86_64.")
    String platform;

    @Option(names = "--branch", paramLabel = "B", description = "Only runs of this git branch.")
    String branch;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only runs since DATE (2026-01-31, an ISO instant, or 30d).")
    String since;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageError("--limit must be >= 1, was " + limit);
        }
        Instant from = since == null ? null : SinceParser.parse("--since", since, Instant.now());
        List<RunSummary> runs;
        try (RunStore s = store.open()) {
            runs = s.list(new RunFilter(platform, branch, from, limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (runs.isEmpty()) {
            out.println("no stored runs match");
            out.flush();
            return 0;
        }
        TextTable table = new TextTable("ID", "STARTED", "PLATFORM", "BRANCH", "COMMIT", "STATUS", "BENCH", "TAGS");
        for (RunSummary r : runs) {
            table.row(
                    r.id(),
                    r.started().truncatedTo(ChronoUnit.SECONDS).toString(),
                    r.platform(),
                    r.gitBranch() == null ? "-" : r.gitBranch(),
                    r.gitSha() == null
                            ? "-"
                            : r.gitSha().substring(0, 7) + (Boolean.TRUE.equals(r.gitDirty()) ? "+" : ""),
                    r.status().json(),
                    Integer.toString(r.benchmarks()),
                    r.tags().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .sorted()
                            .collect(Collectors.joining(",")));
        }
        table.print(out);
        out.flush();
        return 0;
    }
}
