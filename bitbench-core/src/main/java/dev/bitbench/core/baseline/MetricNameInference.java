package dev.bitbench.core.baseline;

import dev.bitbench.core.Direction;
import dev.bitbench.core.detect.MetricKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Infers the unit and direction of a metric known only by its name, as in BitNet.rs-style baseline
 * files ({@code throughput_tokens_per_second}, {@code latency_p50_ms}, {@code memory_usage_mb},
 * {@code accuracy_score}). Pure.
 *
 * <p>Unit, from the name's last words (split at every character that is not a letter or digit):
 * {@code <x>_per_second} / {@code _per_sec} / {@code _per_s} → {@code <x>/s} ({@code ops/s} without
 * an {@code <x>}); {@code ns, us, ms, s, sec, seconds} → that time unit; {@code b, bytes, kb, kib,
 * mb, mib, gb, gib} → that byte unit; {@code percent, pct} → {@code %}; {@code gflops, tflops} →
 * {@code GFLOPS} / {@code TFLOPS}; otherwise empty (a unitless score).
 *
 * <p>Direction, from {@link MetricKind#infer} on the name and inferred unit, used only when the name
 * or unit alone decides the kind (not its direction fallback): throughput and accuracy are
 * higher-is-better, time and memory lower-is-better. Names with a word in {@code error, errors, err,
 * loss, mse, mae, rmse, perplexity, ppl} are lower-is-better. Any other name is not inferred.
 */
public final class MetricNameInference {

    private static final Set<String> LOWER_WORDS =
            Set.of("error", "errors", "err", "loss", "mse", "mae", "rmse", "perplexity", "ppl");
    private static final Set<String> TIME_SUFFIXES = Set.of("ns", "us", "ms", "s", "sec", "secs", "seconds");
    private static final List<String> PER_SECOND = List.of("per_second", "per_sec", "per_s");

    private MetricNameInference() {}

    /**
     * Unit and direction of a metric, or empty when the name says neither.
     *
     * @param name metric name, not blank
     */
    public static Optional<Inferred> infer(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> words = List.of(lower.split("[^\\p{L}\\p{N}]+"));
        String unit = unit(lower, words);
        if (words.stream().anyMatch(LOWER_WORDS::contains)) {
            return Optional.of(new Inferred(unit, Direction.LOWER));
        }
        MetricKind ifHigher = MetricKind.infer(name, unit, Direction.HIGHER);
        MetricKind ifLower = MetricKind.infer(name, unit, Direction.LOWER);
        if (ifHigher != ifLower) {
            return Optional.empty();
        }
        Direction direction = switch (ifHigher) {
            case THROUGHPUT, ACCURACY -> Direction.HIGHER;
            case TIME, MEMORY -> Direction.LOWER;
        };
        return Optional.of(new Inferred(unit, direction));
    }

    private static String unit(String lower, List<String> words) {
        for (String per : PER_SECOND) {
            if (lower.endsWith("_" + per) || lower.equals(per)) {
                int at = lower.length() - per.length() - 1;
                if (at <= 0) {
                    return "ops/s";
                }
                String before = lower.substring(0, at);
                String what = before.substring(before.lastIndexOf('_') + 1);
                return what.isEmpty() ? "ops/s" : what + "/s";
            }
        }
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        if (words.size() > 1 && TIME_SUFFIXES.contains(last)) {
            return last.startsWith("sec") ? "s" : last;
        }
        return switch (last) {
            case "b", "bytes" -> words.size() > 1 ? "B" : "";
            case "kb" -> "KB";
            case "kib" -> "KiB";
            case "mb" -> "MB";
            case "mib" -> "MiB";
            case "gb" -> "GB";
            case "gib" -> "GiB";
            case "percent", "pct" -> "%";
            case "gflops" -> "GFLOPS";
            case "tflops" -> "TFLOPS";
            default -> "";
        };
    }

    /**
     * What the name says.
     *
     * @param unit the inferred unit, empty for a unitless score
     * @param direction which way the metric improves
     */
    public record Inferred(String unit, Direction direction) {}
}
