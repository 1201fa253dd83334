package dev.bitbench.core.ab;

import java.util.Objects;

/**
 * One planned run of one benchmark for one version, in its own process.
 *
 * @param round round number, from 0
 * @param slot position in the round, from 0: trials of a round run in increasing slot order; in duet
 *     mode the two trials of one slot run at the same time
 * @param benchmarkId the benchmark
 * @param arm which version
 * @param lane the half of the machine's cores the trial is pinned to in duet mode (0 or 1); 0 in
 *     interleaved mode
 */
public record Trial(int round, int slot, String benchmarkId, Arm arm, int lane) {

    public Trial {
        if (round < 0 || slot < 0 || lane < 0 || lane > 1) {
            throw new IllegalArgumentException(
                    "round " + round + ", slot " + slot + ", lane " + lane + " out of range");
        }
        Objects.requireNonNull(benchmarkId, "benchmarkId");
        Objects.requireNonNull(arm, "arm");
    }
}
