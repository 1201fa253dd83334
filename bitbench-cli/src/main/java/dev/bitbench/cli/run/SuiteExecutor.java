package dev.bitbench.cli.run;

import dev.bitbench.suite.peers.PeerLibraries;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a plan of benchmarks in child JVMs ({@link ForkHost}) and collects how each ended.
 *
 * <p>Each child is started with the chosen {@code java}, the Vector API module, the seed and
 * thread count, and an environment without the OpenBLAS overrides ({@link
 * PeerLibraries#OPENBLAS_OVERRIDES}): JMH's own forks copy the environment of the JVM that starts
 * them, so cleaning it here is what keeps {@code OPENBLAS_CORETYPE} out of the peer forks. When a
 * benchmark passes its timeout the child and its forks are killed, the benchmark is recorded as
 * {@code timeout}, and a new child continues with the next one. {@link #cancel()} (Ctrl-C) stops
 * the child; what finished is kept.
 */
public final class SuiteExecutor {
    private final String java;
    private final long seed;
    private final int threads;
    private final JmhSettings settings;
    private final Path workDir;
    private final Map<String, String> info = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> removedEnvironment = new LinkedHashMap<>();
    private volatile boolean cancelled;
    private volatile Process current;

    /**
     * @param java the {@code java} executable for the child and its forks
     * @param workDir a scratch directory for plans, JMH JSON files and logs
     */
    public SuiteExecutor(String java, long seed, int threads, JmhSettings settings, Path workDir) {
        this.java = java;
        this.seed = seed;
        this.threads = threads;
        this.settings = settings;
        this.workDir = workDir;
    }

    /** What the child reported about itself (OpenBLAS core name and config). */
    public Map<String, String> info() {
        return Map.copyOf(info);
    }

    /** The environment variables removed for the children, with the values they had, in list order. */
    public Map<String, String> removedEnvironment() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(removedEnvironment));
    }

    /** Whether {@link #cancel()} was called. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Stops the run: kills the running child and its forks; {@link #run} returns what finished. */
    public void cancel() {
        cancelled = true;
        Process p = current;
        if (p != null) {
            kill(p);
        }
    }

    /** Runs every benchmark of {@code plan} in order and returns the outcomes of those that ran. */
    public List<CaseOutcome> run(List<BenchmarkCase> plan, RunProgress progress) throws IOException {
        List<CaseOutcome> outcomes = new ArrayList<>();
        Map<Integer, BenchmarkCase> byIndex = new LinkedHashMap<>();
        plan.forEach(c -> byIndex.put(c.index(), c));
        Path classpathDir = mergedBenchmarkList();
        int launch = 0;
        List<BenchmarkCase> remaining = new ArrayList<>(plan);
        while (!remaining.isEmpty() && !cancelled) {
            Path planFile = workDir.resolve("plan-" + launch++ + ".tsv");
            List<String> lines = new ArrayList<>();
            remaining.forEach(c -> lines.add(c.toPlanLine()));
            Files.write(planFile, lines, StandardCharsets.UTF_8);
            Set<Integer> finished = runChild(planFile, classpathDir, byIndex, outcomes, progress, plan.size());
            remaining.removeIf(c -> finished.contains(c.index()));
        }
        return outcomes;
    }

    /** Starts one child on a plan; returns the indexes it settled (ended, timed out or died in). */
    private Set<Integer> runChild(
            Path planFile,
            Path classpathDir,
            Map<Integer, BenchmarkCase> byIndex,
            List<CaseOutcome> outcomes,
            RunProgress progress,
            int total)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                // JMH refuses to start while another JMH holds /tmp/jmh.lock; this runner already runs
                // one benchmark at a time, and other tools' runs on a shared machine must not fail it
                "-Djmh.ignoreLock=true",
                "-cp",
                classpathDir + File.pathSeparator + System.getProperty("java.class.path"),
                ForkHost.class.getName(),
                planFile.toString(),
                workDir.toString(),
                Long.toString(seed),
                Integer.toString(threads)));
        command.addAll(settings.toArguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("host.log").toFile()));
        for (String name : PeerLibraries.OPENBLAS_OVERRIDES) {
            String old = builder.environment().remove(name);
            if (old != null) {
                removedEnvironment.put(name, old);
            }
        }
        Process process = builder.start();
        current = process;
        if (cancelled) {
            kill(process);
        }
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(process.getInputStream(), lines), "bitbench-host-reader");
        reader.setDaemon(true);
        reader.start();

        Set<Integer> settled = new LinkedHashSet<>();
        Integer running = null;
        long deadline = Long.MAX_VALUE;
        long timeoutNanos = settings.timeout().toNanos();
        try {
            while (true) {
                long wait = running == null ? 1000 : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                Optional<String> line = lines.poll(Math.min(wait, 1000), TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (running != null && System.nanoTime() > deadline) {
                        kill(process);
                        BenchmarkCase c = byIndex.get(running);
                        outcomes.add(new CaseOutcome(
                                c,
                                "timeout",
                                "exceeded the timeout of " + settings.timeout().toSeconds() + " s",
                                null));
                        progress.benchmarkFinished(outcomes.size(), c.id(), "timeout");
                        settled.add(running);
                        return settled;
                    }
                    continue;
                }
                if (line.isEmpty()) { // the child's stdout closed: it exited or was killed
                    break;
                }
                Optional<HostProtocol.Message> message = HostProtocol.parse(line.get());
                if (message.isEmpty()) {
                    continue;
                }
                HostProtocol.Message m = message.get();
                switch (m.kind()) {
                    case "info" -> info.put(m.first(), m.second());
                    case "start" -> {
                        running = Integer.parseInt(m.first());
                        deadline = System.nanoTime() + timeoutNanos;
                        progress.benchmarkStarted(
                                outcomes.size() + 1, byIndex.get(running).id());
                    }
                    case "end" -> {
                        int index = Integer.parseInt(m.first());
                        BenchmarkCase c = byIndex.get(index);
                        String status = m.second();
                        Path json = workDir.resolve(index + ".json");
                        outcomes.add(new CaseOutcome(
                                c, status, status.equals("ok") ? null : m.rest(), status.equals("ok") ? json : null));
                        progress.benchmarkFinished(outcomes.size(), c.id(), status);
                        settled.add(index);
                        running = null;
                        deadline = Long.MAX_VALUE;
                    }
                    default -> {}
                }
            }
            int exit = process.waitFor();
            if (running != null && !cancelled) {
                // the child died inside a benchmark (a crash, out of memory): record it and go on
                BenchmarkCase c = byIndex.get(running);
                outcomes.add(new CaseOutcome(c, "failed", "benchmark JVM exited with code " + exit, null));
                progress.benchmarkFinished(outcomes.size(), c.id(), "failed");
                settled.add(running);
            } else if (running == null && settled.isEmpty() && !cancelled) {
                throw new IOException("the benchmark JVM (" + java + ") exited with code " + exit
                        + " before running anything: " + lastLines(workDir.resolve("host.log"), 5));
            }
            return settled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return settled;
        } finally {
            kill(process);
            current = null;
        }
    }

    /** The last {@code n} lines of a log, joined by " | ", for an error message. */
    private static String lastLines(Path log, int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void readLines(InputStream in, BlockingQueue<Optional<String>> out) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.add(Optional.of(line));
            }
        } catch (IOException e) {
            // the child was killed; end of stream below
        }
        out.add(Optional.empty());
    }

    /** Kills the child JVM and the JMH forks it started (processes this run started, nothing else). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes one {@code META-INF/BenchmarkList} joining every such list on the class path into a
     * directory that goes first on the child's class path: JMH reads only the first list it finds,
     * and tests add their own benchmarks next to the suite's.
     */
    private Path mergedBenchmarkList() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String line : benchmarkListLines()) {
            if (!line.isBlank()) {
                entries.add(line);
            }
        }
        Path dir = workDir.resolve("classpath");
        Files.createDirectories(dir.resolve("META-INF"));
        Files.write(dir.resolve("META-INF/BenchmarkList"), entries, StandardCharsets.UTF_8);
        return dir;
    }

    /** Every line of every {@code META-INF/BenchmarkList} visible to this class's loader. */
    static List<String> benchmarkListLines() {
        List<String> lines = new ArrayList<>();
        try {
            Enumeration<URL> lists = SuiteExecutor.class.getClassLoader().getResources("META-INF/BenchmarkList");
            while (lists.hasMoreElements()) {
                try (InputStream in = lists.nextElement().openStream()) {
                    lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
