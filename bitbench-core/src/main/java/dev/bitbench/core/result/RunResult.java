package dev.bitbench.core.result;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One complete run: the content of {@code performance-report.json}, JSON {@code {"schema", "run",
 * "system", "benchmarks"}}. Read and write it with {@link RunResultJson}.
 *
 * @param schema always {@link #SCHEMA}
 * @param run identity, status and settings of the run
 * @param system the machine
 * @param benchmarks every benchmark, in run order, ids unique
 */
public record RunResult(String schema, RunInfo run, SystemInfo system, List<BenchmarkResult> benchmarks) {

    /** The schema identifier of this version: {@value}. */
    public static final String SCHEMA = "bitbench/run/v1";

    /** Validates the schema string and unique ids; copies the list. */
    public RunResult {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be \"" + SCHEMA + "\", was " + schema);
        }
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(system, "system");
        benchmarks = List.copyOf(Objects.requireNonNull(benchmarks, "benchmarks"));
        Set<String> ids = new HashSet<>();
        for (BenchmarkResult b : benchmarks) {
            if (!ids.add(b.id())) {
                throw new IllegalArgumentException("duplicate benchmark id " + b.id());
            }
        }
    }

    /** A run of the current schema. */
    public RunResult(RunInfo run, SystemInfo system, List<BenchmarkResult> benchmarks) {
        this(SCHEMA, run, system, benchmarks);
    }

    /** The benchmark with this id, or {@code null}. */
    public BenchmarkResult benchmark(String id) {
        for (BenchmarkResult b : benchmarks) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        return null;
    }
}
