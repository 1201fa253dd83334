package dev.bitbench.cli.ab;

import dev.bitbench.core.ab.Arm;
import dev.bitbench.core.ab.Trial;
import dev.bitbench.core.ab.TrialOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Runs a planned schedule of trials ({@link dev.bitbench.core.ab.TrialSchedule}) through a {@link
 * TrialExecutor}, one benchmark per trial, and records when each ran and what it measured. Trials of
 * the same slot and round run together (duet mode: both versions at once, on their lanes); otherwise
 * one at a time in plan order. Stops early, keeping what was done, when {@code stop} is set or the
 * thread is interrupted (Ctrl-C): the result is then marked partial. Progress goes to {@code progress}
 * as one line per round.
 */
public final class AbExperiment {

    /** What ran. {@code roundsCompleted} counts the rounds whose every trial finished. */
    public record Result(List<TrialOutcome> outcomes, int roundsPlanned, int roundsCompleted, boolean partial) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }
    }

    private final TrialExecutor executor;
    private final Version baseline;
    private final Version candidate;
    private final Clock clock;
    private final PrintWriter progress;
    private final AtomicBoolean stop;

    public AbExperiment(
            TrialExecutor executor,
            Version baseline,
            Version candidate,
            Clock clock,
            PrintWriter progress,
            AtomicBoolean stop) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.candidate = Objects.requireNonNull(candidate, "candidate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.stop = Objects.requireNonNull(stop, "stop");
    }

    /** Runs {@code plan} (in plan order, grouped by round and slot). */
    public Result run(List<Trial> plan) {
        int rounds = plan.stream().mapToInt(Trial::round).max().orElse(-1) + 1;
        List<TrialOutcome> outcomes = new ArrayList<>();
        int completed = 0;
        boolean partial = false;
        Instant begin = clock.instant();
        ExecutorService lanes = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bitbench-duet");
            t.setDaemon(true);
            return t;
        });
        try {
            int i = 0;
            while (i < plan.size()) {
                if (stop.get() || Thread.currentThread().isInterrupted()) {
                    partial = true;
                    break;
                }
                int j = i + 1;
                while (j < plan.size()
                        && plan.get(j).round() == plan.get(i).round()
                        && plan.get(j).slot() == plan.get(i).slot()) {
                    j++;
                }
                List<Trial> group = plan.subList(i, j);
                List<TrialOutcome> done =
                        group.size() == 1 ? List.of(runOne(group.get(0), -1)) : together(group, lanes);
                if (stop.get()) {
                    partial = true; // a trial cut short by Ctrl-C measures nothing
                    break;
                }
                outcomes.addAll(done);
                i = j;
                if (i == plan.size() || plan.get(i).round() != plan.get(i - 1).round()) {
                    completed++;
                    printRound(completed, rounds, begin, outcomes);
                }
            }
        } catch (InterruptedException e) {
            // Ctrl-C: the interrupt is consumed here (the partial flag carries it) so that the report
            // can still be written with interruptible file channels
            partial = true;
        } finally {
            lanes.shutdownNow();
        }
        return new Result(outcomes, rounds, completed, partial);
    }

    private List<TrialOutcome> together(List<Trial> group, ExecutorService lanes) throws InterruptedException {
        List<Future<TrialOutcome>> futures = new ArrayList<>();
        for (Trial t : group) {
            futures.add(lanes.submit(() -> runOne(t, t.lane())));
        }
        List<TrialOutcome> out = new ArrayList<>();
        for (Future<TrialOutcome> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                futures.forEach(x -> x.cancel(true));
                throw e;
            }
        }
        return out;
    }

    private TrialOutcome runOne(Trial trial, int lane) throws InterruptedException {
        Version version = trial.arm() == Arm.BASELINE ? baseline : candidate;
        String filter = "^" + Pattern.quote(trial.benchmarkId()) + "$";
        Instant start = clock.instant();
        try {
            Map<String, List<TrialOutcome.Value>> values = executor.run(version, filter, lane);
            Instant end = clock.instant();
            List<TrialOutcome.Value> mine = values.get(trial.benchmarkId());
            if (mine == null) {
                return new TrialOutcome(trial, start, end, List.of(), "no result for " + trial.benchmarkId());
            }
            return new TrialOutcome(trial, start, end, mine, null);
        } catch (IOException | RuntimeException e) {
            return new TrialOutcome(trial, start, clock.instant(), List.of(), String.valueOf(e.getMessage()));
        }
    }

    private void printRound(int done, int rounds, Instant begin, List<TrialOutcome> outcomes) {
        int width = 20;
        int filled = rounds == 0 ? width : done * width / rounds;
        long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
        Duration elapsed = Duration.between(begin, clock.instant());
        long etaSeconds = done == 0 ? 0 : elapsed.getSeconds() * (rounds - done) / done;
        progress.printf(
                Locale.ROOT,
                "[%s%s] round %d/%d, %d trials (%d failed), %ds elapsed, ~%ds left%n",
                "#".repeat(filled),
                ".".repeat(width - filled),
                done,
                rounds,
                outcomes.size(),
                failed,
                elapsed.getSeconds(),
                etaSeconds);
        progress.flush();
    }
}
