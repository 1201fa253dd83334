package dev.bitbench.cli.history;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.changepoint.ChangePointDetector;
import dev.bitbench.store.HistoryQuery;
import dev.bitbench.store.RunStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bitbench trend}: stored medians over time, with change points on request. */
@Command(
        name = "trend",
        mixinStandardHelpOptions = true,
        description = {
            "Per benchmark, metric and platform: the stored runs' medians with 95%% CIs over time, as a sparkline"
                    + " or a table.",
            "--detect finds change points by E-Divisive means with a permutation test; each is reported with"
                    + " its run, commit, date, change in %% (positive = worse) and p-value."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench trend --benchmark 'kernels.matmul/*' --metric time --platform linux-x86_64",
            "  bitbench trend --detect --since 2026-01-01 --format markdown > trends.md",
            "  bitbench trend --metric throughput --format csv --since 90d"
        })
public final class TrendCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(
            names = "--benchmark",
            paramLabel = "GLOB",
            description = "Benchmark ids to include; * and ? are wildcards (default: all).")
    String benchmark;

    @Option(names = "--metric", paramLabel = "M", description = "Metric name, e.g. time, throughput (default: all).")
    String metric;

    @Option(
            names = "--platform",
            paramLabel = "P",
            description = "Only this platform, e.g. linux-x86_64 (default: each platform is its own series).")
    String platform;

    @Option(names = "--branch", paramLabel = "B", description = "Only runs of this git branch (default: any).")
    String branch;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only runs since DATE (2026-01-31, an ISO instant, or 30d).")
    String since;

    @Option(
            names = "--window",
            paramLabel = "N",
            defaultValue = "0",
            description = "Only the newest N runs of each series (default: all).")
    int window;

    @Option(names = "--detect", description = "Find change points (E-Divisive means).")
    boolean detect;

    @Mixin
    DetectorOptions detection;

    @Option(
            names = "--format",
            paramLabel = "F",
            defaultValue = "human",
            description = "human, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrendFormat output = TrendFormat.named(format);
        if (window < 0) {
            throw new UsageError("--window must be >= 0, was " + window);
        }
        Instant from = since == null ? null : SinceParser.parse("--since", since, Instant.now());
        ChangePointDetector detector = detect ? detection.detector() : null;
        List<TrendSeries> series;
        try (RunStore s = store.open()) {
            series = TrendSeries.of(
                    s.history(new HistoryQuery(benchmark, metric, platform, branch, from, window)), detector);
        }
        PrintWriter out = spec.commandLine().getOut();
        output.write(series, detect, out);
        out.flush();
        return 0;
    }
}
