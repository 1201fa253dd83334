package dev.bitbench.core.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Identity and settings of one run, JSON object {@code run}: {@code {"id", "started", "finished",
 * "profile", "seed", "status", "git", "tags", "config"}}.
 *
 * @param id run id, UTC timestamp plus short git sha, e.g. {@code 20261123T101233Z-f8fe249}; not
 *     blank, no path separators (it names the run directory)
 * @param started when the first benchmark started (ISO-8601 instant in JSON)
 * @param finished when the last benchmark ended, not before {@code started}
 * @param profile profile name ({@code smoke}, {@code quick}, {@code standard}, {@code thorough}) or
 *     the importing tool's name; not blank
 * @param seed seed of every generated input
 * @param status outcome of the run
 * @param git git state of the measured tree ({@link GitInfo#UNKNOWN} outside a repository)
 * @param tags user tags ({@code --tag k=v}), insertion order kept
 * @param config the effective configuration as JSON values: {@code String}, {@code Boolean},
 *     {@code Long}, {@code Double}, {@code List} and {@code Map<String, ?>} of these, or {@code
 *     null}; other integral and floating types are widened to {@code Long} and {@code Double} so
 *     that a configuration read back from JSON equals the one written
 */
public record RunInfo(
        String id,
        Instant started,
        Instant finished,
        String profile,
        long seed,
        RunStatus status,
        GitInfo git,
        Map<String, String> tags,
        Map<String, Object> config) {

    /** Validates and deep-copies. */
    public RunInfo {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.contains("/") || id.contains("\\")) {
            throw new IllegalArgumentException("run id must be non-blank without path separators, was '" + id + "'");
        }
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        if (finished.isBefore(started)) {
            throw new IllegalArgumentException("run finished " + finished + " before it started " + started);
        }
        Objects.requireNonNull(profile, "profile");
        if (profile.isBlank()) {
            throw new IllegalArgumentException("run profile must not be blank");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(git, "git");
        Objects.requireNonNull(tags, "tags");
        tags.forEach((k, v) -> Objects.requireNonNull(v, () -> "tag " + k));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        config = jsonObject(Objects.requireNonNull(config, "config"), "config");
    }

    private static Map<String, Object> jsonObject(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key)) {
                throw new IllegalArgumentException(path + " has a non-string key: " + k);
            }
            copy.put(key, jsonValue(v, path + "." + key));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object jsonValue(Object v, String path) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " is not a finite number: " + v);
            }
            return d;
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValueExact();
        }
        if (v instanceof Map<?, ?> m) {
            return jsonObject(m, path);
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(jsonValue(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " is a " + v.getClass().getSimpleName()
                + ", expected a JSON value (string, number, boolean, list, map)");
    }
}
