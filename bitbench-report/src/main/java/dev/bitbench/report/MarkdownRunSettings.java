package dev.bitbench.report;

import dev.bitbench.core.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's settings in {@code performance-report.md}, from the run's effective configuration when
 * it has them: started/duration, tags, the JMH settings ({@code forks}, {@code warmup_iterations},
 * {@code warmup_time}, {@code measurement_iterations}, {@code measurement_time}, {@code timeout},
 * {@code threads}) and the peers' set-up ({@code peers.openblas_corename}, {@code
 * peers.openblas_config}, {@code peers.environment_removed}). Keys that are absent are left out.
 */
final class MarkdownRunSettings {
    private MarkdownRunSettings() {}

    static void append(StringBuilder md, RunResult run) {
        var info = run.run();
        md.append("\n- started ").append(info.started()).append(", took ");
        md.append(java.time.Duration.between(info.started(), info.finished()).toSeconds())
                .append(" s\n");
        if (!info.tags().isEmpty()) {
            List<String> tags = new ArrayList<>();
            info.tags().forEach((k, v) -> tags.add(k + "=" + v));
            md.append("- tags: ")
                    .append(MarkdownReportFormat.text(String.join(", ", tags)))
                    .append('\n');
        }
        Map<String, Object> c = info.config();
        if (c.containsKey("forks")) {
            md.append("- JMH: ").append(c.get("forks")).append(" fork(s) per benchmark");
            item(md, c, "warmup_iterations", ", warm-up ", "");
            item(md, c, "warmup_time", " x ", "");
            item(md, c, "measurement_iterations", ", measurement ", "");
            item(md, c, "measurement_time", " x ", "");
            item(md, c, "timeout", ", timeout ", " per benchmark");
            item(md, c, "threads", ", threads ", "");
            md.append('\n');
        }
        if (c.get("peers") instanceof Map<?, ?> peers && !peers.isEmpty()) {
            if (peers.get("openblas_corename") != null) {
                md.append("- OpenBLAS core: ")
                        .append(MarkdownReportFormat.text(String.valueOf(peers.get("openblas_corename"))));
                if (peers.get("openblas_config") != null) {
                    md.append(", config ")
                            .append(MarkdownReportFormat.text(String.valueOf(peers.get("openblas_config"))));
                }
                md.append('\n');
            }
            if (peers.get("environment_removed") instanceof Map<?, ?> removed && !removed.isEmpty()) {
                List<String> parts = new ArrayList<>();
                // code spans need no escaping; a backtick could end one early, so none is kept
                removed.forEach((k, v) -> parts.add("`" + (k + "=" + v).replace("`", "'") + "`"));
                md.append("- the benchmark JVMs ran without ")
                        .append(String.join(", ", parts))
                        .append(" (removed from their environment)\n");
            }
        }
    }

    private static void item(StringBuilder md, Map<String, Object> config, String key, String before, String after) {
        if (config.get(key) != null) {
            md.append(before)
                    .append(MarkdownReportFormat.text(String.valueOf(config.get(key))))
                    .append(after);
        }
    }
}
