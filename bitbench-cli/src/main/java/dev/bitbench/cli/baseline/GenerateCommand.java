package dev.bitbench.cli.baseline;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.compare.PathRunSource;
import dev.bitbench.cli.compare.RunSource;
import dev.bitbench.core.baseline.BaselinePooling;
import dev.bitbench.core.baseline.Baselines;
import dev.bitbench.core.baseline.BaselinesJson;
import dev.bitbench.core.baseline.PlatformBaseline;
import dev.bitbench.core.result.RunResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baseline generate}: a platform's baselines pooled from runs, replacing that platform's entry. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Pools the given runs into the baselines of one platform (every sample kept) and writes it into the"
                    + " baselines file, replacing that platform's previous baselines; other platforms and the"
                    + " thresholds are kept.",
            ""
        })
public final class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            paramLabel = "RUN",
            arity = "1..*",
            description = "Runs to pool: run directories, performance-report.json or imported results.")
    List<String> from = List.of();

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "Without --from: run the suite N times (bitbench run --no-store) and pool the runs.")
    Integer iterations;

    @Option(
            names = "--profile",
            paramLabel = "P",
            defaultValue = "quick",
            description = "Profile of the runs made by --iterations (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(
            names = "--filter",
            paramLabel = "RE",
            description = "Benchmarks of the runs made by --iterations (default: all).")
    String filter;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Where the runs made by --iterations go (default: BITBENCH_RESULTS, else bitbench-results).")
    Path output;

    @Option(
            names = "--platform",
            paramLabel = "P",
            description = "Platform key to file the baselines under (default: the runs' own).")
    String platform;

    @Option(names = "--file", paramLabel = "FILE", description = "Baselines file (default: baselines.json).")
    Path file = Path.of("baselines.json");

    @Spec
    CommandSpec spec;

    private final RunSource runs;
    private final Clock clock;

    /** The command resolving runs as paths, timestamped by the system clock. */
    public GenerateCommand() {
        this(new PathRunSource(), Clock.systemUTC());
    }

    /** The command with its run source and clock. */
    public GenerateCommand(RunSource runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (iterations != null && iterations < 1) {
            throw new UsageError("--iterations " + iterations + ": expected a number of runs >= 1");
        }
        if (from.isEmpty() && iterations != null) {
            from = runSuite(iterations);
        } else if (from.isEmpty()) {
            throw new UsageError("no runs given; expected --from RUN (one or more run directories or result files)"
                    + " or --iterations N to run the suite N times");
        }
        if (iterations != null && iterations != from.size()) {
            throw new UsageError("--iterations " + iterations + " with " + from.size()
                    + " runs given by --from; expected either alone, or the same count");
        }
        Baselines existing = BaselineFiles.readOrEmpty(file);
        List<RunResult> pooled = BaselineFiles.runs(runs, from);
        String key = BaselineFiles.platformOf(pooled, platform);
        PlatformBaseline baseline =
                BaselinePooling.pool(pooled, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        if (baseline.benchmarks().isEmpty()) {
            throw new UsageError("the runs hold no successful benchmark; nothing to make a baseline of");
        }
        BaselinesJson.write(existing.with(key, baseline), file);
        spec.commandLine()
                .getOut()
                .printf(
                        "%s: %s baselines of %d benchmarks (%d metrics) pooled from %d run%s%n",
                        file,
                        key,
                        baseline.benchmarks().size(),
                        baseline.metricCount(),
                        pooled.size(),
                        pooled.size() == 1 ? "" : "s");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Runs the suite {@code n} times, each a complete {@code bitbench run}, and returns the run directories. */
    private List<String> runSuite(int n) throws java.io.IOException {
        Path root =
                output != null ? output : Path.of(System.getenv().getOrDefault("BITBENCH_RESULTS", "bitbench-results"));
        List<String> dirs = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<String> args = new java.util.ArrayList<>(
                    List.of("run", "--profile", profile, "--output", root.toString(), "--no-store"));
            if (filter != null) {
                args.add("--filter");
                args.add(filter);
            }
            spec.commandLine().getErr().printf("baseline generate: run %d of %d%n", i, n);
            spec.commandLine().getErr().flush();
            int code = dev.bitbench.cli.BitBench.execute(
                    spec.commandLine().getOut(), spec.commandLine().getErr(), args.toArray(String[]::new));
            if (code != ExitCodes.OK) {
                throw new IllegalStateException(
                        "run " + i + " of " + n + " did not finish cleanly (exit " + code + "); no baselines written");
            }
            dirs.add(root.resolve("latest").toRealPath().toString());
        }
        return dirs;
    }
}
