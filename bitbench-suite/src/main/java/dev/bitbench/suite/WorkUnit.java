package dev.bitbench.suite;

/**
 * What a benchmark's declared work counts, and so the throughput unit derived from its time: work
 * per second divided by {@link #divisor()}.
 */
public enum WorkUnit {
    /** Floating-point operations (a fused multiply-add counts 2); reported in {@code GFLOPS}. */
    FLOP("GFLOPS", 1e9),
    /** Bytes read plus written; reported in {@code GB/s}. */
    BYTE("GB/s", 1e9),
    /** Elements or items processed; reported in {@code ops/s}. */
    OP("ops/s", 1),
    /** Tokens processed; reported in {@code tokens/s}. */
    TOKEN("tokens/s", 1),
    /** No declared work: only time is reported. */
    NONE("", 1);

    private final String throughputUnit;
    private final double divisor;

    WorkUnit(String throughputUnit, double divisor) {
        this.throughputUnit = throughputUnit;
        this.divisor = divisor;
    }

    /** The unit of the derived throughput metric, e.g. {@code GFLOPS}; empty for {@link #NONE}. */
    public String throughputUnit() {
        return throughputUnit;
    }

    /** Work per second is divided by this to give the throughput unit (1e9 for giga units). */
    public double divisor() {
        return divisor;
    }
}
