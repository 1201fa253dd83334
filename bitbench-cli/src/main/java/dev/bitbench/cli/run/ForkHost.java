package dev.bitbench.cli.run;

import dev.bitbench.suite.SeededInputs;
import dev.bitbench.suite.peers.PeerLibraries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The child JVM that {@code bitbench run} starts with a cleaned environment: it runs each benchmark
 * of a plan through the JMH {@link Runner} API (which forks again unless forks is 0), writes JMH's
 * JSON per benchmark to {@code WORKDIR/INDEX.json} and its log to {@code WORKDIR/INDEX.log}, and
 * reports on stdout with {@link HostProtocol} lines. Being a separate process lets the runner kill a
 * benchmark that passes its timeout, and lets the JMH forks inherit an environment without the
 * OpenBLAS overrides.
 *
 * <p>Arguments: {@code PLAN WORKDIR SEED THREADS} then the {@link JmhSettings} arguments.
 */
public final class ForkHost {
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("^((?:[a-zA-Z_$][\\w$]*\\.)+[\\w$]*(?:Exception|Error)(?::.*)?)$", Pattern.MULTILINE);
    private static final Set<String> PEERS_NEEDING_LOAD =
            Set.of("openblas", "openblas-1t", "ejml", "ojalgo", "llama-cpp", "llama-cpp-1t");

    private ForkHost() {}

    public static void main(String[] args) throws IOException {
        Path plan = Path.of(args[0]);
        Path workDir = Path.of(args[1]);
        String seed = args[2];
        String threads = args[3];
        JmhSettings settings = JmhSettings.fromArguments(args, 4);
        System.setProperty(SeededInputs.SEED_PROPERTY, seed);
        System.setProperty(SeededInputs.THREADS_PROPERTY, threads);
        PrintStream protocol =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // anything else printing to stdout (a benchmark, a library) must not interleave with the protocol
        System.setOut(System.err);

        List<BenchmarkCase.PlanLine> lines = new ArrayList<>();
        for (String line : Files.readAllLines(plan, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(BenchmarkCase.PlanLine.parse(line));
            }
        }
        protocol.println(HostProtocol.info("jvm.vendor", System.getProperty("java.vm.vendor", "unknown")));
        protocol.println(HostProtocol.info("jvm.version", System.getProperty("java.runtime.version", "unknown")));
        protocol.println(HostProtocol.info("jvm.vector_bits", Integer.toString(vectorBits())));
        if (lines.stream().anyMatch(l -> l.backend().startsWith("openblas"))) {
            PeerLibraries.openBlasInfo().forEach((k, v) -> protocol.println(HostProtocol.info(k, v)));
        }
        for (BenchmarkCase.PlanLine line : lines) {
            protocol.println(HostProtocol.start(line.index()));
            Optional<String> unavailable = PEERS_NEEDING_LOAD.contains(line.backend())
                    ? PeerLibraries.unavailableReason(line.backend())
                    : Optional.empty();
            if (unavailable.isPresent()) {
                protocol.println(HostProtocol.end(line.index(), "skipped", unavailable.get()));
                continue;
            }
            String error = run(line, settings, workDir, seed, threads);
            protocol.println(HostProtocol.end(line.index(), error == null ? "ok" : "failed", error));
        }
        protocol.flush();
        // JMH and some libraries leave non-daemon threads behind
        System.exit(0);
    }

    /** Runs one benchmark; returns null on success, else the error. */
    private static String run(
            BenchmarkCase.PlanLine line, JmhSettings settings, Path workDir, String seed, String threads)
            throws IOException {
        Path json = workDir.resolve(line.index() + ".json");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(line.benchmark()) + "$")
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.milliseconds(settings.warmupTime().toMillis()))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(
                        TimeValue.milliseconds(settings.measurementTime().toMillis()))
                .timeout(TimeValue.milliseconds(settings.timeout().toMillis()))
                .shouldFailOnError(true)
                .jvmArgs(
                        "--add-modules=jdk.incubator.vector",
                        "-D" + SeededInputs.SEED_PROPERTY + "=" + seed,
                        "-D" + SeededInputs.THREADS_PROPERTY + "=" + threads)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        withProfilers(options);
        line.params().forEach(options::param);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String error = null;
        try (PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            try {
                new Runner(options.build(), OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL))
                        .run();
            } catch (RunnerException | RuntimeException e) {
                error = firstException(log.toString(StandardCharsets.UTF_8)).orElse(describe(e));
            }
        }
        Files.write(workDir.resolve(line.index() + ".log"), log.toByteArray());
        if (error == null && !Files.exists(json)) {
            error = "JMH produced no result";
        }
        return error;
    }

    /**
     * Adds the profilers of every benchmark: the {@link MemoryEnergyProfiler} first, then JMH's gc
     * profiler. The order matters: JMH starts profilers in the order given and stops them in
     * reverse, so the gc profiler's window (allocation, GC count and time) closes before the memory
     * profiler forces its full GC and reads its counters; the other way round every iteration would
     * count that GC and the profiler's own allocations into {@code alloc}.
     */
    static ChainedOptionsBuilder withProfilers(ChainedOptionsBuilder options) {
        return options.addProfiler(MemoryEnergyProfiler.class).addProfiler(GCProfiler.class);
    }

    /** The Vector API's preferred vector size in bits, 0 if the module is missing. */
    private static int vectorBits() {
        try {
            return jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
        } catch (LinkageError e) {
            return 0;
        }
    }

    /** The first {@code some.Exception: message} line of JMH's log: the benchmark's own error. */
    static Optional<String> firstException(String log) {
        Matcher m = EXCEPTION_LINE.matcher(log);
        while (m.find()) {
            String found = m.group(1);
            if (!found.startsWith("org.openjdk.jmh.runner.RunnerException")) {
                return Optional.of(found.trim());
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
