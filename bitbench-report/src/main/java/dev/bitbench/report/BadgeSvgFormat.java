package dev.bitbench.report;

import dev.bitbench.core.detect.Level;
import dev.bitbench.core.result.BenchmarkStatus;
import java.util.Map;

/**
 * A status badge for READMEs, a small flat SVG: {@code perf | 0 regressions} (green), {@code perf |
 * 1 warning} (amber), {@code perf | 2 critical} (red). Without a comparison it reports the run:
 * {@code perf | 12 ok} (green) or {@code perf | 3 failed} (red) when benchmarks failed or timed out.
 */
public final class BadgeSvgFormat implements ReportFormat {

    /** Colour of a passing badge. */
    public static final String GREEN = "#2e7d32";

    /** Colour of a badge with warnings only. */
    public static final String AMBER = "#d98c00";

    /** Colour of a badge with critical regressions or failures. */
    public static final String RED = "#c62828";

    @Override
    public String defaultFileName() {
        return "badge.svg";
    }

    @Override
    public String format(ReportInput input) {
        String message;
        String colour;
        if (input.comparison() != null) {
            Map<Level, Integer> counts = input.comparison().counts();
            int critical = counts.get(Level.CRITICAL);
            int warning = counts.get(Level.WARNING);
            if (critical > 0) {
                message = critical + " critical";
                colour = RED;
            } else if (warning > 0) {
                message = warning + (warning == 1 ? " warning" : " warnings");
                colour = AMBER;
            } else {
                message = "0 regressions";
                colour = GREEN;
            }
        } else {
            long failed = input.run().benchmarks().stream()
                    .filter(b -> b.status() == BenchmarkStatus.FAILED || b.status() == BenchmarkStatus.TIMEOUT)
                    .count();
            long ok = input.run().benchmarks().stream()
                    .filter(b -> b.status() == BenchmarkStatus.OK)
                    .count();
            message = failed > 0 ? failed + " failed" : ok + " ok";
            colour = failed > 0 ? RED : GREEN;
        }
        return svg("perf", message, colour);
    }

    /** The badge; label and message are plain ASCII produced here, so need no escaping. */
    static String svg(String label, String message, String colour) {
        int left = 10 + 7 * label.length();
        int right = 10 + 7 * message.length();
        int width = left + right;
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%4$s: %5$s">
                  <title>%4$s: %5$s</title>
                  <rect width="%2$d" height="20" fill="#555"/>
                  <rect x="%2$d" width="%3$d" height="20" fill="%6$s"/>
                  <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
                    <text x="%7$d" y="14">%4$s</text>
                    <text x="%8$d" y="14">%5$s</text>
                  </g>
                </svg>
                """.formatted(width, left, right, label, message, colour, left / 2, left + right / 2);
    }
}
