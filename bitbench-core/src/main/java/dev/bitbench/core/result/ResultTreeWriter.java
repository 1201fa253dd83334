package dev.bitbench.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Encodes result records as Jackson trees in the exact shape of {@code bitbench/run/v1}. */
final class ResultTreeWriter {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ObjectMapper mapper;

    ResultTreeWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode run(RunResult r) {
        ObjectNode o = F.objectNode();
        o.put("schema", r.schema());
        o.set("run", runInfo(r.run()));
        o.set("system", system(r.system()));
        ArrayNode benchmarks = o.putArray("benchmarks");
        r.benchmarks().forEach(b -> benchmarks.add(benchmark(b)));
        return o;
    }

    ObjectNode runInfo(RunInfo r) {
        ObjectNode o = F.objectNode();
        o.put("id", r.id());
        o.put("started", r.started().toString());
        o.put("finished", r.finished().toString());
        o.put("profile", r.profile());
        o.put("seed", r.seed());
        o.put("status", r.status().json());
        ObjectNode git = o.putObject("git");
        git.put("sha", r.git().sha());
        git.put("branch", r.git().branch());
        git.put("dirty", r.git().dirty());
        o.set("tags", stringMap(r.tags()));
        o.set("config", mapper.valueToTree(r.config()));
        return o;
    }

    ObjectNode system(SystemInfo s) {
        ObjectNode o = F.objectNode();
        o.put("os", s.os());
        o.put("kernel", s.kernel());
        o.put("arch", s.arch());
        o.put("platform", s.platform());
        ObjectNode cpu = o.putObject("cpu");
        cpu.put("model", s.cpu().model());
        cpu.put("cores", s.cpu().cores());
        cpu.put("threads", s.cpu().threads());
        cpu.set("features", stringList(s.cpu().features()));
        o.put("memory_bytes", s.memoryBytes());
        ObjectNode jvm = o.putObject("jvm");
        jvm.put("vendor", s.jvm().vendor());
        jvm.put("version", s.jvm().version());
        jvm.set("args", stringList(s.jvm().args()));
        jvm.put("vector_bits", s.jvm().vectorBits());
        o.put("governor", s.governor());
        o.put("turbo", s.turbo());
        o.set("unavailable", stringMap(s.unavailable()));
        if (s.ci() == null) {
            o.putNull("ci");
        } else {
            ObjectNode ci = o.putObject("ci");
            ci.put("provider", s.ci().provider());
            ci.put("run_url", s.ci().runUrl());
        }
        return o;
    }

    ObjectNode benchmark(BenchmarkResult b) {
        ObjectNode o = F.objectNode();
        o.put("id", b.id());
        o.put("group", b.group());
        o.put("op", b.op());
        o.put("backend", b.backend());
        o.put("dtype", b.dtype());
        o.set("params", stringMap(b.params()));
        o.put("status", b.status().json());
        o.put("error", b.error());
        ObjectNode metrics = o.putObject("metrics");
        b.metrics().forEach((name, m) -> metrics.set(name, metric(m)));
        return o;
    }

    ObjectNode metric(Metric m) {
        ObjectNode o = F.objectNode();
        o.put("unit", m.unit());
        o.put("better", m.better().json());
        ArrayNode samples = o.putArray("samples");
        for (double s : m.samples()) {
            samples.add(s);
        }
        o.put("n", m.n());
        o.put("mean", m.mean());
        o.put("median", m.median());
        o.put("stddev", m.stddev());
        o.put("min", m.min());
        o.put("max", m.max());
        o.put("p50", m.p50());
        o.put("p95", m.p95());
        o.put("p99", m.p99());
        ObjectNode ci = o.putObject("ci");
        ci.put("level", m.ci().level());
        ci.put("low", m.ci().low());
        ci.put("high", m.ci().high());
        return o;
    }

    private static JsonNode stringMap(Map<String, String> map) {
        ObjectNode o = F.objectNode();
        map.forEach(o::put);
        return o;
    }

    private static JsonNode stringList(List<String> list) {
        ArrayNode a = F.arrayNode();
        list.forEach(a::add);
        return a;
    }
}
