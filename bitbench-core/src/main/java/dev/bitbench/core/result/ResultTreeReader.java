package dev.bitbench.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitbench.core.Direction;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Decodes and strictly validates {@code bitbench/run/v1} trees; every problem names its path. */
final class ResultTreeReader {

    private final String source;

    ResultTreeReader(String source) {
        this.source = source;
    }

    RunResult run(JsonNode root) {
        StrictJsonObject o = StrictJsonObject.of(source, "$", root);
        JsonNode schema = o.required("schema", "\"" + RunResult.SCHEMA + "\"");
        if (!schema.isTextual() || !RunResult.SCHEMA.equals(schema.asText())) {
            throw o.error("schema", "\"" + RunResult.SCHEMA + "\"", schema);
        }
        RunInfo run = runInfo(o.object("run"));
        SystemInfo system = system(o.object("system"));
        JsonNode array = o.required("benchmarks", "an array of benchmarks");
        if (!array.isArray()) {
            throw o.error("benchmarks", "an array of benchmarks", array);
        }
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "$.benchmarks[" + i + "]";
            BenchmarkResult b = benchmark(StrictJsonObject.of(source, path, array.get(i)));
            if (!ids.add(b.id())) {
                throw new InvalidResultException(
                        source, path + ".id", "a benchmark id unique in the run", "\"" + b.id() + "\" again");
            }
            benchmarks.add(b);
        }
        o.end();
        return new RunResult(run, system, benchmarks);
    }

    RunInfo runInfo(StrictJsonObject o) {
        String id = o.text("id");
        Instant started = instant(o, "started");
        Instant finished = instant(o, "finished");
        String profile = o.text("profile");
        long seed = o.integer("seed", Long.MIN_VALUE);
        RunStatus status = RunStatus.parse(o.choice("status", "ok", "partial", "failed"));
        StrictJsonObject g = o.object("git");
        String sha = g.textOrNull("sha");
        if (sha != null && !sha.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw g.error("sha", "40 or 64 lower-case hex digits or null", g.required("sha", ""));
        }
        GitInfo git = construct(g.path(), () -> new GitInfo(sha, g.textOrNull("branch"), g.booleanOrNull("dirty")));
        g.end();
        Map<String, String> tags = o.stringMap("tags");
        Map<String, Object> config = jsonMap(o.object("config"));
        if (finished.isBefore(started)) {
            throw new InvalidResultException(
                    source, o.pathOf("finished"), "an instant not before started " + started, finished.toString());
        }
        o.end();
        return construct(o.path(), () -> new RunInfo(id, started, finished, profile, seed, status, git, tags, config));
    }

    SystemInfo system(StrictJsonObject o) {
        String os = o.text("os");
        String kernel = o.textOrNull("kernel");
        String arch = o.text("arch");
        JsonNode platform = o.required("platform", "a platform key like linux-x86_64");
        if (!platform.isTextual() || !platform.asText().matches("[a-z0-9]+-[a-z0-9_]+")) {
            throw o.error("platform", "a platform key like linux-x86_64", platform);
        }
        StrictJsonObject c = o.object("cpu");
        CpuInfo cpu = construct(
                c.path(),
                () -> new CpuInfo(
                        c.string("model"), c.intValue("cores", 1), c.intValue("threads", 1), c.strings("features")));
        c.end();
        long memory = o.integer("memory_bytes", 0);
        StrictJsonObject j = o.object("jvm");
        JvmInfo jvm = construct(
                j.path(),
                () -> new JvmInfo(
                        j.text("vendor"), j.text("version"), j.strings("args"), j.intValue("vector_bits", 0)));
        j.end();
        String governor = o.textOrNull("governor");
        Boolean turbo = o.booleanOrNull("turbo");
        Map<String, String> unavailable = o.stringMap("unavailable");
        StrictJsonObject ciObject = o.objectOrNull("ci");
        CiInfo ci = null;
        if (ciObject != null) {
            ci = new CiInfo(ciObject.text("provider"), ciObject.textOrNull("run_url"));
            ciObject.end();
        }
        o.end();
        CiInfo finalCi = ci;
        return construct(
                o.path(),
                () -> new SystemInfo(
                        os, kernel, arch, platform.asText(), cpu, memory, jvm, governor, turbo, unavailable, finalCi));
    }

    BenchmarkResult benchmark(StrictJsonObject o) {
        String id = o.text("id");
        String group = o.text("group");
        String op = o.text("op");
        String backend = o.textOrNull("backend");
        String dtype = o.textOrNull("dtype");
        Map<String, String> params = o.stringMap("params");
        BenchmarkStatus status = BenchmarkStatus.parse(o.choice("status", "ok", "failed", "timeout", "skipped"));
        String error = o.textOrNull("error");
        if (status == BenchmarkStatus.OK && error != null) {
            throw o.error("error", "null when status is \"ok\"", o.required("error", ""));
        }
        if (status != BenchmarkStatus.OK && (error == null || error.isBlank())) {
            throw o.error(
                    "error", "the error or reason when status is \"" + status.json() + "\"", o.required("error", ""));
        }
        StrictJsonObject m = o.object("metrics");
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (String name : m.fieldNames()) {
            metrics.put(name, metric(StrictJsonObject.of(source, m.pathOf(name), m.required(name, "a metric"))));
        }
        if (status == BenchmarkStatus.OK && metrics.isEmpty()) {
            throw new InvalidResultException(
                    source, m.path(), "at least one metric when status is \"ok\"", "an empty object");
        }
        o.end();
        return construct(
                o.path(), () -> new BenchmarkResult(id, group, op, backend, dtype, params, status, error, metrics));
    }

    Metric metric(StrictJsonObject o) {
        String unit = o.text("unit");
        Direction better = Direction.parse(o.choice("better", "higher", "lower"));
        double[] samples = o.numbers("samples", 1);
        int n = o.intValue("n", 1);
        if (n != samples.length) {
            throw o.error("n", "the number of samples (" + samples.length + ")", o.required("n", ""));
        }
        double mean = o.number("mean");
        double median = o.number("median");
        double stddev = o.nonNegative("stddev");
        double min = o.number("min");
        double max = o.number("max");
        double p50 = o.number("p50");
        double p95 = o.number("p95");
        double p99 = o.number("p99");
        StrictJsonObject c = o.object("ci");
        JsonNode levelNode = c.required("level", "a number in (0, 1)");
        double level = c.number("level");
        if (!(level > 0 && level < 1)) {
            throw c.error("level", "a number in (0, 1)", levelNode);
        }
        double low = c.number("low");
        double high = c.number("high");
        if (low > high) {
            throw c.error("high", "a number >= low (" + low + ")", c.required("high", ""));
        }
        c.end();
        o.end();
        ConfidenceInterval ci = new ConfidenceInterval(level, low, high);
        return construct(
                o.path(),
                () -> new Metric(unit, better, samples, n, mean, median, stddev, min, max, p50, p95, p99, ci));
    }

    private Instant instant(StrictJsonObject o, String name) {
        String expected = "an ISO-8601 instant like 2026-11-23T10:12:33Z";
        JsonNode v = o.required(name, expected);
        if (v.isTextual()) {
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw o.error(name, expected, v);
    }

    private Map<String, Object> jsonMap(StrictJsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : o.fieldNames()) {
            out.put(name, jsonValue(o.required(name, "a JSON value"), o.pathOf(name)));
        }
        return out;
    }

    private Object jsonValue(JsonNode v, String path) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw new InvalidResultException(
                        source, path, "an integer within 64 bits", StrictJsonObject.describe(v));
            }
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                list.add(jsonValue(v.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        return jsonMap(StrictJsonObject.of(source, path, v));
    }

    /** Runs a record constructor, reporting its cross-field rule violations at {@code path}. */
    private <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidResultException(source, path, "consistent values (" + e.getMessage() + ")", null);
        }
    }
}
