package dev.bitbench.kernels;

import dev.bitbench.kernels.parallel.Parallel;

final class ParallelTernaryOps implements TernaryOps {
    private final Parallel parallel;

    ParallelTernaryOps(Parallel parallel) {
        this.parallel = parallel;
    }
}
