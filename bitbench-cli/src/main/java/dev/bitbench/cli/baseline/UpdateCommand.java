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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baseline update}: replaces the chosen benchmarks of a platform's baselines with new runs. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Replaces (or adds) the baselines of the benchmarks whose id matches --filter with those pooled from"
                    + " the given runs; every other benchmark keeps its baseline.",
            ""
        })
public final class UpdateCommand implements Callable<Integer> {

    @Option(
            names = "--from",
            paramLabel = "RUN",
            arity = "1..*",
            required = true,
            description = "Runs to pool: run directories, performance-report.json or imported results.")
    List<String> from;

    @Option(
            names = "--filter",
            paramLabel = "REGEX",
            description = "Benchmark ids to replace: a regular expression found anywhere in the id (default: all"
                    + " benchmarks of the runs).")
    String filter;

    @Option(
            names = "--platform",
            paramLabel = "P",
            description = "Platform key of the baselines (default: the runs' own).")
    String platform;

    @Option(names = "--file", paramLabel = "FILE", description = "Baselines file (default: baselines.json).")
    Path file = Path.of("baselines.json");

    @Spec
    CommandSpec spec;

    private final RunSource runs;
    private final Clock clock;

    /** The command resolving runs as paths, timestamped by the system clock. */
    public UpdateCommand() {
        this(new PathRunSource(), Clock.systemUTC());
    }

    /** The command with its run source and clock. */
    public UpdateCommand(RunSource runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Pattern pattern;
        try {
            pattern = Pattern.compile(filter == null ? "" : filter);
        } catch (PatternSyntaxException e) {
            throw new UsageError("--filter " + filter + ": expected a regular expression (" + e.getDescription()
                    + " at index " + e.getIndex() + ")");
        }
        Baselines existing = BaselineFiles.readExisting(file);
        List<RunResult> pooled = BaselineFiles.runs(runs, from);
        String key = BaselineFiles.platformOf(pooled, platform);
        PlatformBaseline fresh = BaselinePooling.pool(pooled, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        long matched = fresh.benchmarks().keySet().stream()
                .filter(id -> pattern.matcher(id).find())
                .count();
        if (matched == 0) {
            throw new UsageError("--filter " + (filter == null ? "" : filter) + " matches none of the "
                    + fresh.benchmarks().size() + " benchmarks measured by the runs; expected at least one");
        }
        PlatformBaseline current = existing.platform(key).orElse(new PlatformBaseline(Map.of()));
        PlatformBaseline updated =
                current.replacing(fresh, id -> pattern.matcher(id).find());
        BaselinesJson.write(existing.with(key, updated), file);
        spec.commandLine()
                .getOut()
                .printf(
                        "%s: %s: %d benchmark%s replaced or added from %d run%s; %d benchmarks in all%n",
                        file,
                        key,
                        matched,
                        matched == 1 ? "" : "s",
                        pooled.size(),
                        pooled.size() == 1 ? "" : "s",
                        updated.benchmarks().size());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
