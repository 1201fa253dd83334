package dev.bitbench.cli.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.core.doctor.CheckResult;
import dev.bitbench.core.doctor.CheckStatus;
import java.util.List;
import java.util.Locale;

/**
 * The doctor's results and their three renderings: aligned human lines, JSON (schema {@code
 * bitbench/doctor/v1}) and a Markdown table for CI step summaries.
 *
 * @param checks the results in print order
 */
public record DoctorReport(List<CheckResult> checks) {

    /** Copies the list. */
    public DoctorReport {
        checks = List.copyOf(checks);
    }

    /** How many checks have {@code status}. */
    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** True when any check failed (doctor exits 1). */
    public boolean failed() {
        return count(CheckStatus.FAIL) > 0;
    }

    /** One line a check, {@code STATUS name detail}, and the hint after {@code ->}; then the totals. */
    public String human() {
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (CheckResult c : checks) {
            out.append(String.format(Locale.ROOT, "%-4s %-" + width + "s  %s", c.status(), c.name(), c.detail()));
            if (!c.hint().isEmpty()) {
                out.append("  -> ").append(c.hint());
            }
            out.append('\n');
        }
        out.append(totals()).append('\n');
        return out.toString();
    }

    /** {@code 12 OK, 3 WARN, 0 FAIL}. */
    public String totals() {
        return count(CheckStatus.OK) + " OK, " + count(CheckStatus.WARN) + " WARN, " + count(CheckStatus.FAIL)
                + " FAIL";
    }

    /** {@code {"schema":"bitbench/doctor/v1","checks":[{name,status,detail,hint}],"summary":{...}}}. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", "bitbench/doctor/v1");
        ArrayNode list = root.putArray("checks");
        for (CheckResult c : checks) {
            ObjectNode n = list.addObject();
            n.put("name", c.name());
            n.put("status", c.status().name());
            n.put("detail", c.detail());
            n.put("hint", c.hint());
        }
        ObjectNode summary = root.putObject("summary");
        for (CheckStatus s : CheckStatus.values()) {
            summary.put(s.name().toLowerCase(Locale.ROOT), count(s));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** A Markdown table for a CI step summary. */
    public String markdown() {
        StringBuilder out =
                new StringBuilder("### bitbench doctor\n\n| status | check | found | fix |\n|---|---|---|---|\n");
        for (CheckResult c : checks) {
            out.append("| ")
                    .append(c.status())
                    .append(" | ")
                    .append(cell(c.name()))
                    .append(" | ")
                    .append(cell(c.detail()))
                    .append(" | ")
                    .append(cell(c.hint()))
                    .append(" |\n");
        }
        out.append('\n').append(totals()).append('\n');
        return out.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
