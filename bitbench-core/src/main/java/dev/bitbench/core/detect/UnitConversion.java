package dev.bitbench.core.detect;

import java.util.Map;

/**
 * Converts values between units that differ only by time scale, such as {@code ms/op} and {@code
 * us/op}, or {@code ops/ms} and {@code ops/s}. A unit is {@code numerator[/denominator]}; each part
 * that is a time unit ({@code ns, us, µs, ms, s, sec, min, h}) scales, the other parts must be equal
 * (compared after trimming, case-sensitively: {@code MB} is not {@code Mb}).
 */
final class UnitConversion {

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "µs", 1e-6, "μs", 1e-6, "ms", 1e-3, "s", 1.0, "sec", 1.0, "min", 60.0, "h", 3600.0);

    private UnitConversion() {}

    /**
     * The factor that turns a value in unit {@code from} into unit {@code to} ({@code 1} when the
     * units are equal), or NaN when they do not convert.
     */
    static double factor(String from, String to) {
        String a = from.trim();
        String b = to.trim();
        if (a.equals(b)) {
            return 1.0;
        }
        String[] pa = split(a);
        String[] pb = split(b);
        double numerator = partFactor(pa[0], pb[0]);
        double denominator = partFactor(pa[1], pb[1]);
        if (Double.isNaN(numerator) || Double.isNaN(denominator)) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    private static String[] split(String unit) {
        int slash = unit.indexOf('/');
        return slash < 0
                ? new String[] {unit, ""}
                : new String[] {
                    unit.substring(0, slash).trim(), unit.substring(slash + 1).trim()
                };
    }

    /** Seconds-per-{@code from} over seconds-per-{@code to}, 1 for equal parts, NaN otherwise. */
    private static double partFactor(String from, String to) {
        if (from.equals(to)) {
            return 1.0;
        }
        Double f = SECONDS.get(from);
        Double t = SECONDS.get(to);
        return f == null || t == null ? Double.NaN : f / t;
    }
}
