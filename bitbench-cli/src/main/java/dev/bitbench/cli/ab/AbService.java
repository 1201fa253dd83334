package dev.bitbench.cli.ab;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.ab.PairedDetector;
import dev.bitbench.core.ab.PairedRounds;
import dev.bitbench.core.ab.Trial;
import dev.bitbench.core.ab.TrialSchedule;
import dev.bitbench.core.detect.DetectorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An A/B experiment from start to verdict: finds the benchmarks selected by the filter (one run of the
 * baseline, which also warms the caches), plans the seeded schedule, runs it ({@link AbExperiment})
 * and compares the paired rounds ({@link PairedDetector}).
 */
public final class AbService {

    /**
     * What to compare and how.
     *
     * @param baseline version A
     * @param candidate version B
     * @param filter benchmark id regular expression ({@code find}), as {@code run --filter}
     * @param rounds rounds to run, at least 1
     * @param mode interleaved or duet
     * @param profile run profile of each trial
     * @param config detector settings (seed, thresholds, q, ...); its seed also seeds the schedule
     */
    public record Request(
            Version baseline,
            Version candidate,
            String filter,
            int rounds,
            TrialSchedule.Mode mode,
            String profile,
            DetectorConfig config) {
        public Request {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(candidate, "candidate");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(config, "config");
            if (rounds < 1) {
                throw new UsageError("--rounds " + rounds + ": expected at least 1 (10 or more for a verdict)");
            }
        }
    }

    private final TrialExecutor executor;
    private final Clock clock;
    private final PrintWriter progress;
    private final AtomicBoolean stop;
    private final boolean pinned;

    public AbService(TrialExecutor executor, Clock clock, PrintWriter progress, AtomicBoolean stop, boolean pinned) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.stop = Objects.requireNonNull(stop, "stop");
        this.pinned = pinned;
    }

    /**
     * Runs the experiment; stops early (a partial report) when {@code stop} is set.
     *
     * @throws UsageError if no benchmark matches the filter
     * @throws IOException if the discovery run fails
     */
    public AbReport run(Request request) throws IOException, InterruptedException {
        Instant started = clock.instant();
        progress.println("Finding the benchmarks matching '" + request.filter() + "' (one run of A)...");
        progress.flush();
        List<String> ids = new ArrayList<>(
                executor.run(request.baseline(), request.filter(), -1).keySet());
        if (ids.isEmpty()) {
            throw new UsageError("--filter " + request.filter() + ": no benchmark of the baseline matches");
        }
        Collections.sort(ids);
        progress.println(ids.size() + " benchmark(s), " + request.rounds() + " rounds, "
                + request.mode().name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join(", ", ids));
        progress.flush();
        List<Trial> plan = TrialSchedule.plan(
                ids, request.rounds(), request.mode(), request.config().seed());
        AbExperiment.Result result =
                new AbExperiment(executor, request.baseline(), request.candidate(), clock, progress, stop).run(plan);
        var comparisons = new PairedDetector(request.config()).compare(PairedRounds.assemble(result.outcomes()));
        return new AbReport(
                request.mode(),
                request.profile(),
                request.config().seed(),
                request.baseline(),
                request.candidate(),
                pinned && request.mode() == TrialSchedule.Mode.DUET,
                started,
                clock.instant(),
                result.roundsPlanned(),
                result.roundsCompleted(),
                result.partial(),
                comparisons,
                result.outcomes());
    }
}
