package dev.bitbench.suite;

import java.util.Map;
import java.util.Objects;

/**
 * One benchmark of the suite with its parameters bound: its stable id and the work of one
 * invocation. Made only by {@link SuiteCatalog}.
 *
 * @param id the stable id {@code group.op/backend/dtype/shape}
 * @param benchmark the JMH benchmark name (fully qualified class name, dot, method)
 * @param params the JMH {@code @Param} values of this run, by name
 * @param work the work of one invocation in {@code unit}; 0 when {@code unit} is {@link
 *     WorkUnit#NONE}
 */
public record BenchmarkDescriptor(
        String id,
        String group,
        String op,
        String backend,
        String dtype,
        String shape,
        String benchmark,
        Map<String, String> params,
        WorkUnit unit,
        double work) {
    public BenchmarkDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(unit, "unit");
        params = Map.copyOf(params);
        if (!(work >= 0)) {
            throw new IllegalArgumentException("work must be >= 0, got " + work + " for " + id);
        }
    }

    /** Whether a throughput metric can be derived (work is declared and positive). */
    public boolean hasThroughput() {
        return unit != WorkUnit.NONE && work > 0;
    }

    /**
     * The throughput of one sample, in {@link WorkUnit#throughputUnit()}.
     *
     * @param secondsPerOp the measured time of one invocation in seconds, > 0
     * @return work per second over the unit's divisor; infinity if {@code secondsPerOp} is 0
     */
    public double throughput(double secondsPerOp) {
        return work / secondsPerOp / unit.divisor();
    }
}
