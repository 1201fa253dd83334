package dev.bitbench.cli.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitbench.store.HistoryPoint;
import java.io.PrintWriter;
import java.util.List;

/**
 * JSON {@code {"series": [{"benchmark", "metric", "platform", "unit", "better", "points": [...],
 * "change_points": [...] | null}]}}; {@code change_points} is {@code null} without {@code --detect}.
 */
final class JsonTrendFormat implements TrendFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(List<TrendSeries> series, boolean detected, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("series");
        for (TrendSeries s : series) {
            HistoryPoint f = s.first();
            ObjectNode o = list.addObject();
            o.put("benchmark", f.benchmarkId());
            o.put("metric", f.metric());
            o.put("platform", f.platform());
            o.put("unit", f.unit());
            o.put("better", f.better().json());
            ArrayNode points = o.putArray("points");
            for (HistoryPoint p : s.points()) {
                ObjectNode q = points.addObject();
                q.put("run_id", p.runId());
                q.put("started", p.started().toString());
                q.put("git_sha", p.gitSha());
                q.put("git_branch", p.gitBranch());
                q.put("n", p.n());
                q.put("median", p.median());
                q.put("mean", p.mean());
                q.put("stddev", p.stddev());
                ObjectNode ci = q.putObject("ci");
                ci.put("level", p.ciLevel());
                ci.put("low", p.ciLow());
                ci.put("high", p.ciHigh());
            }
            if (!detected) {
                o.putNull("change_points");
                continue;
            }
            ArrayNode changes = o.putArray("change_points");
            for (TrendSeries.Change c : s.changes()) {
                ObjectNode q = changes.addObject();
                q.put("index", c.cp().index());
                q.put("run_id", c.at().runId());
                q.put("git_sha", c.at().gitSha());
                q.put("date", c.at().started().toString());
                q.put("worse_pct", c.worsePercent(f.better()));
                q.put("magnitude", c.cp().magnitude());
                q.put("mean_before", c.cp().meanBefore());
                q.put("mean_after", c.cp().meanAfter());
                q.put("p_value", c.cp().pValue());
            }
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode trend JSON", e);
        }
    }
}
