package dev.bitbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Finds the runs a retention policy no longer keeps and deletes them, children first. */
final class Pruner {
    private static final String[] DELETES = {
        "DELETE FROM samples WHERE run_id = ?",
        "DELETE FROM metrics WHERE run_id = ?",
        "DELETE FROM benchmarks WHERE run_id = ?",
        "DELETE FROM run_tags WHERE run_id = ?",
        "DELETE FROM runs WHERE id = ?"
    };

    private Pruner() {}

    static PruneResult prune(Connection c, RetentionPolicy policy, Instant now, boolean dryRun) throws SQLException {
        // Older than keepDays, and either not a release or a release older than keepReleaseDays.
        List<String> doomed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id FROM runs r WHERE r.started_ns < ?"
                + " AND (r.started_ns < ? OR NOT EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id"
                + " AND t.tag_key = ?)) ORDER BY r.started_ns, r.id")) {
            ps.setLong(1, EpochNanos.of(policy.cutoff(now)));
            ps.setLong(2, EpochNanos.of(policy.releaseCutoff(now)));
            ps.setString(3, RetentionPolicy.RELEASE_TAG);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    doomed.add(rs.getString(1));
                }
            }
        }
        int total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM runs");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getInt(1);
        }
        if (!dryRun && !doomed.isEmpty()) {
            for (String sql : DELETES) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (String id : doomed) {
                        ps.setString(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
        return new PruneResult(doomed, total - doomed.size(), dryRun);
    }
}
