package dev.bitbench.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that lists the names a configuration may use for operations, data types, devices
 * and backends, with their aliases. Pure. Names are matched case-insensitively and returned in
 * their canonical lower-case spelling.
 */
public final class ConfigVocabulary {

    /**
     * Operations, in suite order: kernel ops ({@code matmul}, {@code gemv}, {@code add}, {@code
     * multiply}, {@code elementwise}, {@code reductions}, {@code activations}, {@code softmax},
     * {@code rmsnorm}, {@code rope}), quantization ({@code quantize}, {@code dequantize}), packed
     * ternary ({@code pack}), {@code bitlinear}, {@code transformer} (layer simulation), {@code
     * batch}, {@code inference} and the {@code peers} group.
     */
    public static final List<String> OPERATIONS = List.of(
            "matmul",
            "gemv",
            "add",
            "multiply",
            "elementwise",
            "reductions",
            "activations",
            "softmax",
            "rmsnorm",
            "rope",
            "quantize",
            "dequantize",
            "pack",
            "bitlinear",
            "transformer",
            "batch",
            "inference",
            "peers");

    /** Aliases of operations: {@code mul}, {@code gemm}, {@code unpack}, {@code reduce}, … */
    public static final Map<String, String> OPERATION_ALIASES = Map.of(
            "mul", "multiply",
            "gemm", "matmul",
            "unpack", "pack",
            "reduce", "reductions",
            "reduction", "reductions",
            "activation", "activations",
            "quantization", "quantize",
            "layernorm", "rmsnorm");

    /** Data types: floats, integer widths, ternary and the GGML ternary block formats. */
    public static final List<String> DATA_TYPES =
            List.of("f32", "f16", "bf16", "i8", "i4", "i2", "ternary", "tq1_0", "tq2_0");

    /** Aliases of data types: {@code fp32}, {@code float32}, {@code int8}, {@code int4}, … */
    public static final Map<String, String> DATA_TYPE_ALIASES = Map.of(
            "fp32", "f32",
            "float32", "f32",
            "fp16", "f16",
            "float16", "f16",
            "int8", "i8",
            "int4", "i4",
            "int2", "i2",
            "b1.58", "ternary",
            "i2_s", "i2");

    /** The device BitBench measures on. */
    public static final String CPU = "cpu";

    /** The backends device {@code cpu} stands for. */
    public static final List<String> CPU_BACKENDS = List.of("scalar", "simd", "parallel");

    /**
     * Devices that are accepted in a configuration (other benchmark systems measure on them) but
     * that BitBench's pure-Java backends cannot use: benchmarks for them are recorded as {@code
     * skipped} with {@link #unavailableReason}.
     */
    public static final Set<String> OTHER_DEVICES =
            Set.of("gpu", "cuda", "metal", "mlx", "rocm", "vulkan", "opencl", "npu", "tpu", "wgpu");

    private ConfigVocabulary() {}

    /** The canonical operation name, or {@code null} when unknown. */
    public static String operation(String name) {
        return canonical(name, OPERATIONS, OPERATION_ALIASES);
    }

    /** The canonical data type, or {@code null} when unknown. */
    public static String dataType(String name) {
        return canonical(name, DATA_TYPES, DATA_TYPE_ALIASES);
    }

    /** The canonical device name ({@code cpu} or one of {@link #OTHER_DEVICES}), or {@code null}. */
    public static String device(String name) {
        String n = normalise(name);
        return CPU.equals(n) || OTHER_DEVICES.contains(n) ? n : null;
    }

    /** Why benchmarks on {@code device} are skipped, or {@code null} for {@code cpu}. */
    public static String unavailableReason(String device) {
        if (CPU.equals(device)) {
            return null;
        }
        return "device " + device + " is not available: BitBench's backends are pure Java on the CPU ("
                + String.join(", ", CPU_BACKENDS) + ")";
    }

    /** Every accepted device name, sorted, {@code cpu} first. */
    public static List<String> devices() {
        return java.util.stream.Stream.concat(
                        Set.of(CPU).stream(), OTHER_DEVICES.stream().sorted())
                .toList();
    }

    private static String canonical(String name, List<String> names, Map<String, String> aliases) {
        String n = normalise(name);
        if (names.contains(n)) {
            return n;
        }
        return aliases.get(n);
    }

    private static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
