package dev.bitbench.core.ab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns trial outcomes into paired samples: for each benchmark and metric, the rounds in which both
 * the baseline and the candidate trial succeeded and reported the metric (in the same unit), in round
 * order. A round where either side failed is left out for that benchmark only, so one crash costs one
 * pair, not the experiment.
 */
public final class PairedRounds {

    private PairedRounds() {}

    /**
     * The paired samples of every benchmark metric with at least one complete round, sorted by benchmark
     * id then metric.
     */
    public static List<PairedSamples> assemble(List<TrialOutcome> outcomes) {
        Map<String, Map<String, Map<Integer, TrialOutcome.Value[]>>> byBenchmark = new TreeMap<>();
        for (TrialOutcome o : outcomes) {
            if (!o.succeeded()) {
                continue;
            }
            Trial t = o.trial();
            for (TrialOutcome.Value v : o.values()) {
                TrialOutcome.Value[] pair = byBenchmark
                        .computeIfAbsent(t.benchmarkId(), k -> new TreeMap<>())
                        .computeIfAbsent(v.metric(), k -> new TreeMap<>())
                        .computeIfAbsent(t.round(), k -> new TrialOutcome.Value[2]);
                pair[t.arm().ordinal()] = v;
            }
        }
        List<PairedSamples> out = new ArrayList<>();
        byBenchmark.forEach((id, metrics) -> metrics.forEach((metric, rounds) -> {
            List<double[]> pairs = new ArrayList<>();
            TrialOutcome.Value first = null;
            for (TrialOutcome.Value[] pair : rounds.values()) {
                TrialOutcome.Value a = pair[Arm.BASELINE.ordinal()];
                TrialOutcome.Value b = pair[Arm.CANDIDATE.ordinal()];
                if (a == null || b == null || !a.unit().equals(b.unit())) {
                    continue;
                }
                first = first == null ? a : first;
                pairs.add(new double[] {a.value(), b.value()});
            }
            if (first == null) {
                return;
            }
            double[] base = new double[pairs.size()];
            double[] cand = new double[pairs.size()];
            for (int i = 0; i < base.length; i++) {
                base[i] = pairs.get(i)[0];
                cand[i] = pairs.get(i)[1];
            }
            out.add(new PairedSamples(id, metric, first.unit(), first.direction(), base, cand));
        }));
        return List.copyOf(out);
    }
}
