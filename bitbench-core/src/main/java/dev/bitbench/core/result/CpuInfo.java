package dev.bitbench.core.result;

import java.util.List;
import java.util.Objects;

/**
 * The processor, JSON {@code {"model", "cores", "threads", "features"}}.
 *
 * @param model marketing name, e.g. {@code "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"}
 * @param cores physical cores, {@code >= 1}
 * @param threads logical processors (hardware threads), {@code >= 1}
 * @param features lower-case feature flags as the kernel spells them ({@code avx2}, {@code
 *     avx512f}, {@code avx512_vnni}, {@code asimd}, …), sorted, no duplicates; may be empty
 */
public record CpuInfo(String model, int cores, int threads, List<String> features) {

    /** Validates ranges and copies the feature list. */
    public CpuInfo {
        Objects.requireNonNull(model, "model");
        if (cores < 1 || threads < 1) {
            throw new IllegalArgumentException("cpu cores and threads must be >= 1, were " + cores + ", " + threads);
        }
        features = List.copyOf(Objects.requireNonNull(features, "features"));
    }
}
