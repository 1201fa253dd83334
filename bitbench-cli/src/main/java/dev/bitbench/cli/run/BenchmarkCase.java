package dev.bitbench.cli.run;

import dev.bitbench.suite.BenchmarkDescriptor;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One JMH benchmark with every parameter bound: the unit the runner schedules, times out and
 * records.
 *
 * @param index position in the plan, from 0
 * @param descriptor id, backend and declared work, from the suite catalog
 */
public record BenchmarkCase(int index, BenchmarkDescriptor descriptor) {
    public BenchmarkCase {
        Objects.requireNonNull(descriptor, "descriptor");
    }

    public String id() {
        return descriptor.id();
    }

    /** One line of the plan file {@link ForkHost} reads: index, benchmark, backend, params. */
    String toPlanLine() {
        StringJoiner params = new StringJoiner(",");
        descriptor.params().forEach((k, v) -> params.add(k + "=" + v));
        return index + "\t" + descriptor.benchmark() + "\t" + descriptor.backend() + "\t" + params;
    }

    /** A plan line read back: what {@link ForkHost} needs to run it. */
    record PlanLine(int index, String benchmark, String backend, Map<String, String> params) {
        static PlanLine parse(String line) {
            String[] parts = line.split("\t", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("malformed plan line: " + line);
            }
            Map<String, String> params = new TreeMap<>();
            if (!parts[3].isEmpty()) {
                for (String kv : parts[3].split(",")) {
                    int eq = kv.indexOf('=');
                    params.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return new PlanLine(Integer.parseInt(parts[0]), parts[1], parts[2], params);
        }
    }
}
