package dev.bitbench.cli;

import dev.bitbench.cli.run.BenchmarkCase;
import dev.bitbench.cli.run.DeviceSkips;
import dev.bitbench.cli.run.PlainProgress;
import dev.bitbench.cli.run.RunProgress;
import dev.bitbench.cli.run.RunRequest;
import dev.bitbench.cli.run.RunService;
import dev.bitbench.cli.run.SuitePlanner;
import dev.bitbench.cli.run.TerminalProgress;
import dev.bitbench.core.config.RunConfig;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import dev.bitbench.core.system.GitInspector;
import dev.bitbench.core.system.SystemInfoCollector;
import dev.bitbench.store.RunStore;
import dev.bitbench.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code bitbench run}: runs the built-in JMH suite in forked JVMs and writes the run directory. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the built-in JMH suite (kernels, peers, quantization, BitLinear) in forked JVMs, with a progress"
                    + " bar and ETA, and writes bitbench-results/<run-id>/ and bitbench-results/latest.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench run                    # quick profile, about 5 minutes",
            "  bitbench run --profile smoke    # every benchmark once, under a minute",
            "  bitbench run --list --filter 'inference'   # what would run, without running",
            "  bitbench run --filter 'matmul' --backends simd,parallel --sizes 512,1024",
            "  bitbench run --jvm /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --tag jdk=25",
            "",
            "Exit codes: 0 every benchmark measured or skipped; 1 a benchmark failed or",
            "timed out (run partial), or the run could not be written; 2 invalid options",
            "or config. Documentation: docs/running.md."
        })
public final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        RunConfig config = options.load(env);
        RunRequest request = RunOptions.request(config);
        List<BenchmarkCase> selected = SuitePlanner.plan(request.plan());
        List<BenchmarkResult> deviceSkips = DeviceSkips.of(selected, request.unavailableDevices());
        List<BenchmarkCase> plan = request.cpu() ? selected : List.of();
        if (plan.isEmpty() && deviceSkips.isEmpty()) {
            throw new UsageError("no benchmark matches the selection (filter, backends, sizes, operations,"
                    + " data_types); 'bitbench run --profile smoke' runs every benchmark once");
        }
        if (options.list) {
            return list(plan, deviceSkips, request.profile(), out);
        }
        SystemInfo system = new SystemInfoCollector().collect(0, env);
        GitInfo git = GitInspector.inspect(Path.of("").toAbsolutePath());
        RunService service = new RunService(new QuantizationAccuracy(request.seed())::metricsFor);
        RunService.Outcome outcome;
        try (RunProgress progress = progress(env, err)) {
            outcome = service.run(request, plan, deviceSkips, progress, system, git);
        }
        var run = outcome.result();
        long ok = run.benchmarks().stream()
                .filter(b -> b.status() == BenchmarkStatus.OK)
                .count();
        out.printf(
                "Run %s: %s, %d of %d benchmarks measured (%s)%n",
                run.run().id(), run.run().status().json(), ok, run.benchmarks().size(), counts(run));
        out.println("Results: " + outcome.directory());
        out.flush();
        if (config.store() && !store(run, config.dbUrl(), outcome.directory(), out, err)) {
            return ExitCodes.FAILURE;
        }
        return run.run().status() == RunStatus.OK ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** {@code --list}: the plan's ids, then the skipped ones with their reason, then a count. */
    private static int list(
            List<BenchmarkCase> plan, List<BenchmarkResult> deviceSkips, String profile, PrintWriter out) {
        plan.forEach(c -> out.println(c.id()));
        deviceSkips.forEach(b -> out.println(b.id() + "  (skipped: " + b.error() + ")"));
        out.printf("%d benchmark(s) to run, %d skipped, profile %s%n", plan.size(), deviceSkips.size(), profile);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Stores the run in the history in one transaction; on failure says so in one line, keeps the
     * run directory, and returns false.
     */
    private static boolean store(
            dev.bitbench.core.result.RunResult run, String url, Path directory, PrintWriter out, PrintWriter err) {
        try (RunStore store = RunStore.open(url)) {
            store.store(run);
            out.println("Stored in history: " + store.url());
            out.flush();
            return true;
        } catch (StoreException e) {
            err.println("bitbench: " + e.getMessage() + "; the run directory is kept: " + directory);
            err.flush();
            return false;
        }
    }

    private static String counts(dev.bitbench.core.result.RunResult run) {
        StringBuilder s = new StringBuilder();
        for (BenchmarkStatus status : BenchmarkStatus.values()) {
            long n = run.benchmarks().stream().filter(b -> b.status() == status).count();
            if (n > 0) {
                s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(status.json());
            }
        }
        return s.toString();
    }

    private RunProgress progress(Map<String, String> env, PrintWriter err) {
        if (options.quiet) {
            return RunProgress.silent();
        }
        boolean ci = env.get("CI") != null
                && !env.get("CI").isBlank()
                && !env.get("CI").equalsIgnoreCase("false");
        boolean terminal = System.console() != null && spec.commandLine().getErr() != null && !ci && isSystemErr(err);
        return terminal ? new TerminalProgress(System.err, !options.noColor) : new PlainProgress(err);
    }

    /** Whether picocli's err writer is the process's stderr (not a test's buffer). */
    private boolean isSystemErr(PrintWriter err) {
        return BitBench.usesSystemStreams(spec.commandLine());
    }
}
