package dev.bitbench.core.result;

import java.util.List;
import java.util.Objects;

/**
 * The JVM that ran the benchmarks, JSON {@code {"vendor", "version", "args", "vector_bits"}}.
 *
 * @param vendor {@code java.vm.vendor}, e.g. {@code "Eclipse Adoptium"}
 * @param version {@code java.runtime.version}, e.g. {@code "17.0.15+6"}
 * @param args the JVM's input arguments (flags), in order
 * @param vectorBits the Vector API's preferred species size in bits (128, 256, 512), or {@code 0}
 *     when the Vector API is unavailable
 */
public record JvmInfo(String vendor, String version, List<String> args, int vectorBits) {

    /** Validates and copies. */
    public JvmInfo {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(version, "version");
        args = List.copyOf(Objects.requireNonNull(args, "args"));
        if (vectorBits < 0) {
            throw new IllegalArgumentException("vector_bits must be >= 0, was " + vectorBits);
        }
    }
}
