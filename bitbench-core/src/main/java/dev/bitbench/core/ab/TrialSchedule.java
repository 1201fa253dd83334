package dev.bitbench.core.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The order in which an A/B experiment runs its trials: a pure, seeded plan.
 *
 * <ul>
 *   <li>{@link Mode#INTERLEAVED} (randomized multiple interleaved trials, Abedi and Brecht 2017):
 *       every round runs every benchmark once for each version, the {@code 2 x benchmarks} trials in a
 *       freshly shuffled order, one at a time. Slow phases of the machine then hit both versions alike
 *       and in no fixed pattern.
 *   <li>{@link Mode#DUET} (Bulej et al. 2020): every round runs every benchmark once for both versions
 *       at the same time, one on each half of the cores; the benchmarks are shuffled per round and the
 *       halves are swapped every round (baseline on lane 0 in even rounds, lane 1 in odd ones).
 * </ul>
 *
 * The same benchmarks, rounds, mode and seed give the same plan.
 */
public final class TrialSchedule {

    /** How the two versions share the machine. */
    public enum Mode {
        /** One trial at a time, both versions shuffled within each round. */
        INTERLEAVED,
        /** Both versions at once on the two halves of the cores, swapped every round. */
        DUET
    }

    private TrialSchedule() {}

    /**
     * The plan, round by round, in run order (duet: the baseline trial before the candidate one of
     * each slot).
     *
     * @param benchmarkIds the selected benchmarks, at least one, no duplicates
     * @param rounds number of rounds, at least 1
     * @param mode interleaved or duet
     * @param seed seed of the shuffles
     */
    public static List<Trial> plan(List<String> benchmarkIds, int rounds, Mode mode, long seed) {
        Objects.requireNonNull(mode, "mode");
        if (benchmarkIds.isEmpty()) {
            throw new IllegalArgumentException("no benchmark selected");
        }
        if (benchmarkIds.stream().distinct().count() != benchmarkIds.size()) {
            throw new IllegalArgumentException("benchmark ids repeat: " + benchmarkIds);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds " + rounds + " below 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Trial> out = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (mode == Mode.INTERLEAVED) {
                List<Trial> trials = new ArrayList<>();
                for (String id : benchmarkIds) {
                    trials.add(new Trial(round, 0, id, Arm.BASELINE, 0));
                    trials.add(new Trial(round, 0, id, Arm.CANDIDATE, 0));
                }
                shuffle(trials, random);
                for (int slot = 0; slot < trials.size(); slot++) {
                    Trial t = trials.get(slot);
                    out.add(new Trial(round, slot, t.benchmarkId(), t.arm(), 0));
                }
            } else {
                List<String> order = new ArrayList<>(benchmarkIds);
                shuffle(order, random);
                int baselineLane = round % 2;
                for (int slot = 0; slot < order.size(); slot++) {
                    out.add(new Trial(round, slot, order.get(slot), Arm.BASELINE, baselineLane));
                    out.add(new Trial(round, slot, order.get(slot), Arm.CANDIDATE, 1 - baselineLane));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Fisher-Yates shuffle in place. */
    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
