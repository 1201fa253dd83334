package dev.bitbench.core.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark of a run, JSON {@code {"id", "group", "op", "backend", "dtype", "params", "status",
 * "error", "metrics"}}.
 *
 * @param id stable id {@code group.op/backend/dtype/params}, e.g. {@code
 *     kernels.matmul/simd/f32/1024x1024}; imported results use their tool's name; not blank
 * @param group benchmark group, e.g. {@code kernels}, {@code peers}, {@code inference}; not blank
 * @param op operation, e.g. {@code matmul}; not blank
 * @param backend backend ({@code scalar}, {@code simd}, {@code parallel}, a peer name), or {@code
 *     null} when not applicable
 * @param dtype data type ({@code f32}, {@code i8}, {@code ternary}, …), or {@code null} when not
 *     applicable
 * @param params further parameters by name (e.g. {@code size -> 1024x1024}), insertion order kept
 * @param status outcome
 * @param error {@code null} when {@code status} is {@code ok}; otherwise the error message or the
 *     reason for skipping, not blank
 * @param metrics metric name ({@code time}, {@code throughput}, {@code alloc}, {@code mse}, …) to
 *     metric, insertion order kept; at least one when {@code status} is {@code ok}
 */
public record BenchmarkResult(
        String id,
        String group,
        String op,
        String backend,
        String dtype,
        Map<String, String> params,
        BenchmarkStatus status,
        String error,
        Map<String, Metric> metrics) {

    /** Validates the rules above and copies the maps. */
    public BenchmarkResult {
        requireText(id, "id");
        requireText(group, "group");
        requireText(op, "op");
        Objects.requireNonNull(status, "status");
        if (status == BenchmarkStatus.OK) {
            if (error != null) {
                throw new IllegalArgumentException("benchmark " + id + " is ok but has an error: " + error);
            }
            if (metrics == null || metrics.isEmpty()) {
                throw new IllegalArgumentException("benchmark " + id + " is ok but has no metrics");
            }
        } else if (error == null || error.isBlank()) {
            throw new IllegalArgumentException(
                    "benchmark " + id + " is " + status.json() + " and needs an error or reason");
        }
        params = copy(params, "params");
        metrics = copy(metrics, "metrics");
    }

    /** A benchmark that did not produce measurements, with its reason; no metrics. */
    public static BenchmarkResult notMeasured(
            String id,
            String group,
            String op,
            String backend,
            String dtype,
            Map<String, String> params,
            BenchmarkStatus status,
            String reason) {
        return new BenchmarkResult(id, group, op, backend, dtype, params, status, reason, Map.of());
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("benchmark " + name + " must not be blank");
        }
    }

    private static <V> Map<String, V> copy(Map<String, V> map, String name) {
        Objects.requireNonNull(map, name);
        map.forEach((k, v) -> {
            Objects.requireNonNull(k, () -> name + " key");
            Objects.requireNonNull(v, () -> name + "." + k);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
