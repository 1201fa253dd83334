package dev.bitbench.cli.ab;

import dev.bitbench.core.ab.TrialOutcome;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs a trial as {@code java --add-modules jdk.incubator.vector -jar <jar> run --profile P --filter RE
 * --seed S --jvm <java> --no-store --quiet --output <tmp>} (or {@code -cp CP
 * dev.bitbench.cli.BitBench} in place of {@code -jar <jar>}) and reads the {@code performance-report.json} it writes
 * with {@link RunResultJson}: the result schema is the contract between the two versions. In duet
 * mode the process is pinned with {@code taskset -c} to one half of the CPUs when {@code taskset}
 * exists. The temporary directory is deleted afterwards.
 */
public final class ProcessTrialExecutor implements TrialExecutor {

    private final String profile;
    private final long seed;
    private final Path scratchRoot;
    private final int cpus;
    private final boolean taskset;

    /**
     * @param profile the run profile, e.g. {@code smoke}
     * @param seed the seed passed to every run (same inputs for both versions)
     * @param scratchRoot where per-trial output directories are created
     */
    public ProcessTrialExecutor(String profile, long seed, Path scratchRoot) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.seed = seed;
        this.scratchRoot = Objects.requireNonNull(scratchRoot, "scratchRoot");
        this.cpus = Runtime.getRuntime().availableProcessors();
        this.taskset = cpus >= 2 && onPath("taskset");
    }

    /** Whether duet trials are pinned to halves of the CPUs. */
    public boolean pins() {
        return taskset;
    }

    @Override
    public Map<String, List<TrialOutcome.Value>> run(Version version, String filterRegex, int lane)
            throws IOException, InterruptedException {
        Files.createDirectories(scratchRoot);
        Path out = Files.createTempDirectory(scratchRoot, "trial-");
        Path log = out.resolve("trial.log");
        try {
            List<String> command = new ArrayList<>();
            if (lane >= 0 && taskset) {
                int half = cpus / 2;
                int from = lane == 0 ? 0 : half;
                int to = lane == 0 ? half - 1 : cpus - 1;
                command.addAll(List.of("taskset", "-c", from == to ? "" + from : from + "-" + to));
            }
            command.add(version.java());
            command.addAll(version.jvmOptions());
            command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
            command.addAll(version.program());
            command.addAll(
                    List.of("run", "--profile", profile, "--filter", filterRegex, "--seed", Long.toString(seed)));
            command.addAll(List.of("--jvm", version.java()));
            command.addAll(List.of(
                    "--no-store", "--quiet", "--output", out.resolve("results").toString()));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(version.environment());
            Process process = builder.start();
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw e;
            }
            Path report = findReport(out.resolve("results"));
            if (report == null) {
                throw new IOException(
                        "trial of " + version.label() + " exited " + exit + " without a result: " + tail(log));
            }
            return values(RunResultJson.read(report));
        } finally {
            deleteTree(out);
        }
    }

    /** Per OK benchmark, the median of each metric whose median is {@code > 0}. */
    static Map<String, List<TrialOutcome.Value>> values(RunResult run) {
        Map<String, List<TrialOutcome.Value>> out = new LinkedHashMap<>();
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.status() != BenchmarkStatus.OK) {
                continue;
            }
            List<TrialOutcome.Value> values = new ArrayList<>();
            for (Map.Entry<String, Metric> e : b.metrics().entrySet()) {
                Metric m = e.getValue();
                if (m.median() > 0.0 && Double.isFinite(m.median())) {
                    values.add(new TrialOutcome.Value(e.getKey(), m.unit(), m.better(), m.median()));
                }
            }
            if (!values.isEmpty()) {
                out.put(b.id(), values);
            }
        }
        return out;
    }

    private static Path findReport(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals("performance-report.json"))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() > 600 ? "..." + text.substring(text.length() - 600) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch only; leave it
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
