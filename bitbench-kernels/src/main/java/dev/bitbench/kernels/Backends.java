package dev.bitbench.kernels;

import dev.bitbench.kernels.parallel.Parallel;
import java.util.List;

/** Looks up backends by their stable name. */
public final class Backends {
    /** The names of every backend, reference first. */
    public static final List<String> NAMES = List.of("scalar", "simd", "parallel");

    private Backends() {}

    /**
     * Returns the backend called {@code name}; {@code parallel} uses every available core.
     *
     * @throws IllegalArgumentException if no backend has that name; the message lists the known
     *     ones
     */
    public static Backend byName(String name) {
        return byName(name, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns the backend called {@code name}; {@code parallel} splits work over {@code threads}
     * threads (the other backends are single-threaded and ignore it).
     *
     * @throws IllegalArgumentException if no backend has that name or {@code threads < 1}
     */
    public static Backend byName(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (name == null) {
            throw new IllegalArgumentException("backend name is null; known backends: " + NAMES);
        }
        return switch (name) {
            case "scalar" -> scalar();
            case "simd" -> simd();
            case "parallel" -> parallel(Parallel.withThreads(threads));
            default ->
                throw new IllegalArgumentException(
                        "unknown backend '" + name + "'; known backends: " + String.join(", ", NAMES));
        };
    }

    /** The reference backend: plain loops, one thread. */
    public static Backend scalar() {
        return new Backend("scalar", new ScalarVectorOps(), new ScalarMatrixOps(), new ScalarTernaryOps());
    }

    /** The Vector API backend on one thread. */
    public static Backend simd() {
        return new Backend("simd", new SimdVectorOps(), new SimdMatrixOps(), new SimdTernaryOps());
    }

    /** The Vector API kernels split over the threads of {@code parallel}. */
    public static Backend parallel(Parallel parallel) {
        return new Backend(
                "parallel",
                new ParallelVectorOps(parallel),
                new ParallelMatrixOps(parallel),
                new ParallelTernaryOps(parallel));
    }
}
