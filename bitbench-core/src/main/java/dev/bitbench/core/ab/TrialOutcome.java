package dev.bitbench.core.ab;

import dev.bitbench.core.Direction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one trial did: when it ran and, if it succeeded, the value of each metric (the median of the
 * trial's own samples).
 *
 * @param trial the planned trial
 * @param startedAt when its process started
 * @param endedAt when it ended, not before {@code startedAt}
 * @param values one value per metric; empty when the trial failed
 * @param error why the trial failed, or {@code null} when it succeeded
 */
public record TrialOutcome(Trial trial, Instant startedAt, Instant endedAt, List<Value> values, String error) {

    public TrialOutcome {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("trial ends at " + endedAt + " before it starts at " + startedAt);
        }
        values = List.copyOf(values);
    }

    /** Whether the trial produced its values. */
    public boolean succeeded() {
        return error == null;
    }

    /**
     * One metric of a trial.
     *
     * @param metric metric name
     * @param unit unit
     * @param direction which way it improves
     * @param value the median of the trial's samples, finite and {@code > 0}
     */
    public record Value(String metric, String unit, Direction direction, double value) {
        public Value {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(direction, "direction");
            if (!(Double.isFinite(value) && value > 0.0)) {
                throw new IllegalArgumentException(metric + ": value " + value + " is not a finite number > 0");
            }
        }
    }
}
