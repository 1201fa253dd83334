package dev.bitbench.store;

import java.util.List;

/**
 * What {@link RunStore#prune} removed, or would remove on a dry run.
 *
 * @param removed ids of the removed runs, oldest first
 * @param kept number of runs left
 * @param dryRun whether nothing was actually removed
 */
public record PruneResult(List<String> removed, int kept, boolean dryRun) {

    /** Copies the list. */
    public PruneResult {
        removed = List.copyOf(removed);
    }
}
