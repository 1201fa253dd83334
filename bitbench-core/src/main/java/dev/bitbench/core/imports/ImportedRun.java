package dev.bitbench.core.imports;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.RunInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the benchmarks of one import and assembles the run: run id {@code
 * <yyyyMMdd'T'HHmmss'Z'>-<tool>[-<qualifier>]} from the start time (importing the same input twice
 * gives the same id), profile = the tool's name, seed 0 (not
 * applicable), git unknown, no tags, and a {@code config} object {@code {"import": {"format",
 * "source", ...}}} carrying what the tool recorded about itself. Ids that repeat in the input (e.g.
 * the same hyperfine command twice) get {@code " #2"}, {@code " #3"}, … appended.
 */
final class ImportedRun {

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ImportFormat format;
    private final Path source;
    private final ImportOptions options;
    private final List<BenchmarkResult> benchmarks = new ArrayList<>();
    private final Map<String, Integer> idCounts = new HashMap<>();
    private final Map<String, Object> importConfig = new LinkedHashMap<>();
    private Instant started;
    private Instant finished;
    private String cpuModel;
    private Integer cpuThreads;
    private JvmInfo jvm;
    private String qualifier;

    ImportedRun(ImportFormat format, Path source, ImportOptions options) {
        this.format = format;
        this.source = source;
        this.options = options;
        importConfig.put("format", format.cliName());
        importConfig.put("source", source.toString());
    }

    /** Adds a benchmark; an id seen before is made unique with a {@code " #k"} suffix. */
    void add(BenchmarkResult b) {
        int seen = idCounts.merge(b.id(), 1, Integer::sum);
        if (seen > 1) {
            String id = b.id() + " #" + seen;
            b = new BenchmarkResult(
                    id, b.group(), b.op(), b.backend(), b.dtype(), b.params(), b.status(), b.error(), b.metrics());
        }
        benchmarks.add(b);
    }

    /** Records a fact about the tool run under {@code config.import}. Null values are skipped. */
    void note(String key, Object value) {
        if (value != null) {
            importConfig.put(key, value);
        }
    }

    /** Widens the run's time span to include {@code t}. */
    void seen(Instant t) {
        Objects.requireNonNull(t, "t");
        started = started == null || t.isBefore(started) ? t : started;
        finished = finished == null || t.isAfter(finished) ? t : finished;
    }

    void cpuModel(String model) {
        this.cpuModel = model;
    }

    void cpuThreads(int threads) {
        this.cpuThreads = threads;
    }

    void jvm(JvmInfo jvm) {
        this.jvm = jvm;
    }

    /** Appends {@code -<qualifier>} to the run id, e.g. the Criterion baseline read. */
    void qualifyId(String qualifier) {
        this.qualifier = qualifier;
    }

    /**
     * The run. Times not seen in the input fall back to {@code fallbackTime} (the input's
     * modification time). Status: {@code ok} when every benchmark is ok, {@code failed} when none
     * is, else {@code partial}.
     */
    RunResult build(Instant fallbackTime) {
        Instant start = started == null ? fallbackTime : started;
        Instant end = finished == null ? start : finished;
        long ok = benchmarks.stream()
                .filter(b -> b.status() == BenchmarkStatus.OK)
                .count();
        RunStatus status = ok == benchmarks.size() ? RunStatus.OK : ok == 0 ? RunStatus.FAILED : RunStatus.PARTIAL;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("import", importConfig);
        RunInfo run = new RunInfo(
                RUN_ID_TIME.format(start) + "-" + format.cliName() + (qualifier == null ? "" : "-" + qualifier),
                start,
                end,
                format.cliName(),
                0,
                status,
                GitInfo.UNKNOWN,
                Map.of(),
                config);
        return new RunResult(run, system(), benchmarks);
    }

    private SystemInfo system() {
        SystemInfo s = options.system();
        CpuInfo cpu = s.cpu();
        if (cpuModel != null || cpuThreads != null) {
            int threads = cpuThreads == null ? cpu.threads() : cpuThreads;
            cpu = new CpuInfo(
                    cpuModel == null ? cpu.model() : cpuModel, Math.min(cpu.cores(), threads), threads, cpu.features());
        }
        return new SystemInfo(
                s.os(),
                s.kernel(),
                s.arch(),
                options.effectivePlatform(),
                cpu,
                s.memoryBytes(),
                jvm == null ? s.jvm() : jvm,
                s.governor(),
                s.turbo(),
                s.unavailable(),
                s.ci());
    }

    Path source() {
        return source;
    }
}
