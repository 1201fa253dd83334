package dev.bitbench.report;

import dev.bitbench.core.energy.ProfiledMetric;
import dev.bitbench.core.result.SystemInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profiled metrics (peak RSS, energy, temperature, CPU frequency, battery drain) the run's
 * machine could not read, with why: the entries of {@link SystemInfo#unavailable()} whose key is a
 * {@link ProfiledMetric} label. The formats print each as {@code unavailable: <reason>} in their
 * system section, once per run.
 */
final class UnmeasuredMetrics {
    private UnmeasuredMetrics() {}

    /** Metric label to reason, in the order the run recorded them. */
    static Map<String, String> of(SystemInfo system) {
        Map<String, String> out = new LinkedHashMap<>();
        system.unavailable().forEach((key, reason) -> {
            if (ProfiledMetric.ofLabel(key).isPresent()) {
                out.put(key, reason);
            }
        });
        return out;
    }
}
