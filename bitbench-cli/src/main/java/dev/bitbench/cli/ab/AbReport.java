package dev.bitbench.cli.ab;

import dev.bitbench.core.ab.PairedComparison;
import dev.bitbench.core.ab.TrialOutcome;
import dev.bitbench.core.ab.TrialSchedule;
import dev.bitbench.core.detect.Level;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@code ab} experiment produced: how it was set up, every trial with its time, and the
 * paired verdicts. Rendered by the {@link AbFormat}s.
 *
 * @param mode interleaved or duet
 * @param profile run profile of every trial
 * @param seed seed of the schedule, the inputs and the bootstrap
 * @param baseline version A
 * @param candidate version B
 * @param pinned whether duet trials were pinned to halves of the CPUs
 * @param startedAt when the experiment started
 * @param endedAt when it ended
 * @param roundsPlanned rounds asked for
 * @param roundsCompleted rounds whose every trial finished
 * @param partial whether it stopped early (Ctrl-C); the verdict covers the rounds done
 * @param comparisons one per benchmark metric with at least one complete pair
 * @param trials every trial run, in run order
 */
public record AbReport(
        TrialSchedule.Mode mode,
        String profile,
        long seed,
        Version baseline,
        Version candidate,
        boolean pinned,
        Instant startedAt,
        Instant endedAt,
        int roundsPlanned,
        int roundsCompleted,
        boolean partial,
        List<PairedComparison> comparisons,
        List<TrialOutcome> trials) {

    public AbReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        comparisons = List.copyOf(comparisons);
        trials = List.copyOf(trials);
    }

    /** Whether a blocking comparison fails the gate at {@code failOn} ({@code CRITICAL} or {@code WARNING}). */
    public boolean fails(Level failOn) {
        return comparisons.stream().anyMatch(c -> c.blocking() && c.level().failsAt(failOn));
    }

    /** Number of comparisons at {@code level}. */
    public long count(Level level) {
        return comparisons.stream().filter(c -> c.level() == level).count();
    }
}
