package dev.bitbench.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.energy.CounterWindow;
import dev.bitbench.core.energy.MachineCounters;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import dev.bitbench.suite.inference.InferenceFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the suite once: plans, executes in child JVMs, assembles the result records and writes the
 * run directory. Ctrl-C (JVM shutdown) stops the benchmarks and still writes what finished, with
 * the run marked {@code partial}.
 */
public final class RunService {
    private final Function<CaseOutcome, Map<String, Metric>> extraMetrics;

    /**
     * @param extraMetrics metrics computed in process for a measured benchmark (quantization
     *     accuracy), by outcome; empty map for none
     */
    public RunService(Function<CaseOutcome, Map<String, Metric>> extraMetrics) {
        this.extraMetrics = extraMetrics;
    }

    /** What a run produced. */
    public record Outcome(RunResult result, Path directory) {}

    /**
     * Runs {@code plan} as {@code request} says.
     *
     * @param notRun benchmarks recorded without running (skipped devices), appended to the results
     * @param system the machine, as collected in this JVM; its JVM part is replaced by what the
     *     benchmark JVM reports
     * @throws IOException if the child JVM cannot start or the run directory cannot be written
     */
    public Outcome run(
            RunRequest request,
            List<BenchmarkCase> plan,
            List<BenchmarkResult> notRun,
            RunProgress progress,
            SystemInfo system,
            GitInfo git)
            throws IOException {
        Instant started = Instant.now();
        Path workDir = Files.createTempDirectory("bitbench-run-");
        SuiteExecutor executor =
                new SuiteExecutor(request.java(), request.seed(), request.threads(), request.jmh(), workDir);
        CountDownLatch written = new CountDownLatch(1);
        AtomicReference<Path> writtenTo = new AtomicReference<>();
        Thread hook = new Thread(
                () -> {
                    executor.cancel();
                    try {
                        written.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (writtenTo.get() != null) {
                        System.err.println("\nbitbench: interrupted; the benchmarks that finished are in "
                                + writtenTo.get() + " (run partial)");
                    }
                },
                "bitbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<CaseOutcome> outcomes;
            RunFixtures.prepare(plan, InferenceFixtures.dir(), request.seed(), progress);
            progress.started(plan.size());
            try {
                outcomes = executor.run(plan, progress);
            } finally {
                progress.close();
            }
            Instant finished = Instant.now();
            List<BenchmarkResult> results = new ArrayList<>();
            List<JsonNode> raw = new ArrayList<>();
            for (CaseOutcome o : outcomes) {
                results.add(RunAssembler.toResult(o, o.ok() ? extraMetrics.apply(o) : Map.of()));
                if (o.ok()) {
                    try {
                        raw.add(JmhJsonResult.read(o.jmhJson()).raw());
                    } catch (IOException e) {
                        // already recorded as failed by the assembler
                    }
                }
            }
            results.addAll(notRun);
            RunStatus status = RunAssembler.status(results, executor.cancelled());
            Map<String, Object> config = new LinkedHashMap<>(request.config());
            config.put("interrupted", executor.cancelled());
            config.put("peers", peerConfig(executor));
            RunInfo info = new RunInfo(
                    RunDirectory.newRunId(request.outputRoot(), started, git),
                    started,
                    finished,
                    request.profile(),
                    request.seed(),
                    status,
                    git,
                    request.tags(),
                    config);
            SystemInfo measured = withUnavailableMetrics(
                    withBenchmarkJvm(system, executor.info(), request),
                    CounterWindow.unavailable(
                            MachineCounters.ofThisMachine(), request.jmh().forks() == 0));
            RunResult run = new RunResult(info, measured, results);
            Path dir = RunDirectory.write(request.outputRoot(), run, raw);
            writtenTo.set(dir);
            return new Outcome(run, dir);
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
            }
            deleteRecursively(workDir);
        }
    }

    private static Map<String, Object> peerConfig(SuiteExecutor executor) {
        Map<String, Object> peers = new LinkedHashMap<>();
        Map<String, String> info = executor.info();
        peers.put("openblas_corename", info.get("openblas.corename"));
        peers.put("openblas_config", info.get("openblas.config"));
        peers.put("environment_removed", new LinkedHashMap<>(executor.removedEnvironment()));
        return peers;
    }

    /** The system with the JVM that ran the benchmarks (it may be another JDK, {@code --jvm}). */
    private static SystemInfo withBenchmarkJvm(SystemInfo s, Map<String, String> info, RunRequest request) {
        if (!info.containsKey("jvm.version")) {
            return s;
        }
        JvmInfo jvm = new JvmInfo(
                info.get("jvm.vendor"),
                info.get("jvm.version"),
                List.of(
                        "--add-modules=jdk.incubator.vector",
                        "-Dbitbench.seed=" + request.seed(),
                        "-Dbitbench.threads=" + request.threads()),
                Integer.parseInt(info.getOrDefault("jvm.vector_bits", "0")));
        return s.withJvm(jvm);
    }

    /**
     * The system with the reasons the profiled metrics (peak RSS, energy, temperature, frequency,
     * battery) cannot be read on this machine added to {@code unavailable}, once per run rather than
     * per benchmark; keys are the metric names ({@code energy} stands for power and ops per joule too).
     */
    static SystemInfo withUnavailableMetrics(SystemInfo s, Map<String, String> reasons) {
        if (reasons.isEmpty()) {
            return s;
        }
        return s.withUnavailable(reasons);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the scratch directory " + dir, e);
        }
    }
}
