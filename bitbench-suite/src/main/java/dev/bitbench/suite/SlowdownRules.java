package dev.bitbench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The parsed value of the slowdown hook's setting ({@link SlowdownInjection}): a comma-separated list
 * of {@code <benchmark id or regex>:<percent>}, e.g. {@code kernels.add/simd/f32/65536:20} or {@code
 * kernels\.sum/.*:5,quant\..*:10}. A rule applies to a benchmark when its text equals the id or, as a
 * regular expression, matches the <em>whole</em> id; the first rule that applies wins. The percent is
 * the part after the last {@code :}, a number in {@code (0, 1000]}. Regexes cannot contain commas.
 *
 * @param rules the rules in order
 */
public record SlowdownRules(List<Rule> rules) {

    /** No rule: the hook is off. */
    public static final SlowdownRules NONE = new SlowdownRules(List.of());

    /** The largest accepted slowdown, percent (an 11x longer operation). */
    public static final double MAX_PERCENT = 1000.0;

    /**
     * One rule.
     *
     * @param selector the id or whole-id regular expression as written
     * @param percent the slowdown, percent of the operation's own time, in {@code (0, MAX_PERCENT]}
     */
    public record Rule(String selector, double percent) {
        public Rule {
            Objects.requireNonNull(selector, "selector");
            if (selector.isBlank()) {
                throw new IllegalArgumentException("empty benchmark id or regex");
            }
            if (!(percent > 0.0 && percent <= MAX_PERCENT)) {
                throw new IllegalArgumentException(
                        selector + ": slowdown " + percent + "%: expected a percent in (0, " + MAX_PERCENT + "]");
            }
        }

        /** Whether this rule applies to {@code id}: equal, or the whole id matches as a regex. */
        public boolean appliesTo(String id) {
            if (selector.equals(id)) {
                return true;
            }
            try {
                return Pattern.compile(selector).matcher(id).matches();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
    }

    public SlowdownRules {
        rules = List.copyOf(rules);
    }

    /**
     * Parses the setting; {@code null} or blank gives {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the bad entry if an entry has no {@code :percent}, the
     *     percent is not a number in {@code (0, 1000]}, or the selector is neither an id nor a regex
     */
    public static SlowdownRules parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<Rule> out = new ArrayList<>();
        for (String entry : value.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(
                        "'" + e + "': expected <benchmark id or regex>:<percent>, e.g. kernels.add/simd/f32/65536:20");
            }
            String selector = e.substring(0, colon).strip();
            String pct = e.substring(colon + 1).strip();
            double percent;
            try {
                percent = Double.parseDouble(pct);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + e + "': slowdown '" + pct + "' is not a number of percent");
            }
            try {
                Pattern.compile(selector);
            } catch (PatternSyntaxException ex) {
                throw new IllegalArgumentException(
                        "'" + e + "': '" + selector + "' is not a regular expression: " + ex.getDescription());
            }
            out.add(new Rule(selector, percent));
        }
        return new SlowdownRules(out);
    }

    /** Whether no rule is set. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The slowdown of benchmark {@code id} in percent: the first applicable rule's, else 0. */
    public double percentFor(String id) {
        for (Rule r : rules) {
            if (r.appliesTo(id)) {
                return r.percent();
            }
        }
        return 0.0;
    }
}
