package dev.bitbench.cli.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How one benchmark of a plan ended.
 *
 * @param status {@code ok}, {@code failed}, {@code timeout} or {@code skipped}
 * @param error the error or skip reason; null when {@code ok}
 * @param jmhJson JMH's JSON result file; null unless {@code ok}
 */
public record CaseOutcome(BenchmarkCase benchmark, String status, String error, Path jmhJson) {
    public CaseOutcome {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(status, "status");
    }

    public boolean ok() {
        return status.equals("ok");
    }
}
