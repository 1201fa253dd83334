package dev.bitbench.core.stats;

import java.util.Arrays;

/**
 * Two quantiles of an unsorted array by quickselect (expected O(n), no full sort), with linear
 * interpolation between order statistics ("type 7": position {@code p (n - 1)}). Reorders the array.
 */
final class Quantiles {

    private Quantiles() {}

    /** Arrays shorter than this are handled by plain quickselect. */
    private static final int BRACKET_MIN_LENGTH = 2_000;

    private static final int PILOT_SIZE = 512;

    /**
     * Quantiles {@code pLow <= pHigh} of {@code values[0..length)}, as {@code {low, high}}. Values may
     * be infinite but not NaN; the array is partially reordered.
     *
     * <p>For long arrays the two order statistics are first bracketed with a sorted pilot sample of
     * {@value #PILOT_SIZE} evenly spaced values; one pass counts the values below each bracket and
     * gathers those inside, and only the (few hundred) gathered values are quickselected. When a
     * bracket misses its order statistic (rare), the exact full quickselect is used instead: the
     * answer never depends on the pilot.
     */
    static double[] lowerAndUpper(double[] values, int length, double pLow, double pHigh) {
        if (length <= 0 || !(pLow >= 0.0 && pLow <= pHigh && pHigh <= 1.0)) {
            throw new IllegalArgumentException("bad quantile request");
        }
        double posLow = pLow * (length - 1);
        double posHigh = pHigh * (length - 1);
        int kLow = (int) Math.floor(posLow);
        int kHigh = (int) Math.floor(posHigh);
        if (length >= BRACKET_MIN_LENGTH) {
            double[] bracketed = bracketed(values, length, kLow, kHigh);
            if (bracketed != null) {
                return new double[] {
                    interpolate(bracketed[0], bracketed[1], posLow - kLow),
                    interpolate(bracketed[2], bracketed[3], posHigh - kHigh)
                };
            }
        }
        double high0 = select(values, 0, length, kHigh);
        double high1 = kHigh + 1 < length ? min(values, kHigh + 1, length) : high0;
        double low0;
        double low1;
        if (kLow >= kHigh) {
            low0 = high0;
            low1 = high1;
        } else {
            // values[0..kHigh) now holds exactly the kHigh smallest values.
            low0 = select(values, 0, kHigh, kLow);
            low1 = kLow + 1 < kHigh ? min(values, kLow + 1, kHigh) : high0;
        }
        return new double[] {interpolate(low0, low1, posLow - kLow), interpolate(high0, high1, posHigh - kHigh)};
    }

    /**
     * Order statistics {@code kLow, kLow + 1, kHigh, kHigh + 1} (clamped to the array) via pilot
     * brackets, or {@code null} when a bracket does not contain them. Does not reorder {@code values}.
     */
    private static double[] bracketed(double[] values, int length, int kLow, int kHigh) {
        double[] pilot = new double[PILOT_SIZE];
        double step = length / (double) PILOT_SIZE;
        for (int s = 0; s < PILOT_SIZE; s++) {
            pilot[s] = values[(int) (s * step)];
        }
        Arrays.sort(pilot);
        double[] lowBracket = bracket(pilot, kLow, length);
        double[] highBracket = bracket(pilot, kHigh, length);
        int kLowNext = Math.min(kLow + 1, length - 1);
        int kHighNext = Math.min(kHigh + 1, length - 1);
        int capacity = Math.max(64, length / 8);
        double[] lowInside = new double[capacity];
        double[] highInside = new double[capacity];
        int lowCount = 0;
        int highCount = 0;
        int belowLow = 0;
        int belowHigh = 0;
        double lowFrom = lowBracket[0];
        double lowTo = lowBracket[1];
        double highFrom = highBracket[0];
        double highTo = highBracket[1];
        for (int i = 0; i < length; i++) {
            double v = values[i];
            if (v < lowFrom) {
                belowLow++;
                belowHigh++;
                continue;
            }
            if (v <= lowTo) {
                if (lowCount == capacity) {
                    return null;
                }
                lowInside[lowCount++] = v;
            }
            if (v < highFrom) {
                belowHigh++;
            } else if (v <= highTo) {
                if (highCount == capacity) {
                    return null;
                }
                highInside[highCount++] = v;
            }
        }
        if (kLow < belowLow
                || kLowNext >= belowLow + lowCount
                || kHigh < belowHigh
                || kHighNext >= belowHigh + highCount) {
            return null;
        }
        double low0 = select(lowInside, 0, lowCount, kLow - belowLow);
        double low1 = kLowNext == kLow ? low0 : min(lowInside, kLow - belowLow + 1, lowCount);
        double high0 = select(highInside, 0, highCount, kHigh - belowHigh);
        double high1 = kHighNext == kHigh ? high0 : min(highInside, kHigh - belowHigh + 1, highCount);
        return new double[] {low0, low1, high0, high1};
    }

    /** Pilot values around the pilot rank of order statistic {@code k} of {@code length}. */
    private static double[] bracket(double[] pilot, int k, int length) {
        double p = (k + 0.5) / length;
        double center = p * PILOT_SIZE;
        double spread = 4.0 * Math.sqrt(PILOT_SIZE * p * (1.0 - p)) + 4.0;
        int from = (int) Math.max(0, Math.floor(center - spread));
        int to = (int) Math.min(PILOT_SIZE - 1, Math.ceil(center + spread));
        double lowEdge = from == 0 ? Double.NEGATIVE_INFINITY : pilot[from];
        double highEdge = to == PILOT_SIZE - 1 ? Double.POSITIVE_INFINITY : pilot[to];
        return new double[] {lowEdge, highEdge};
    }

    /** Linear interpolation; an infinite end wins (never NaN), so bounds may be infinite. */
    private static double interpolate(double a, double b, double fraction) {
        if (fraction == 0.0 || a == b || Double.isInfinite(a)) {
            return a;
        }
        if (Double.isInfinite(b)) {
            return b;
        }
        return a + fraction * (b - a);
    }

    private static double min(double[] values, int from, int to) {
        double m = values[from];
        for (int i = from + 1; i < to; i++) {
            if (values[i] < m) {
                m = values[i];
            }
        }
        return m;
    }

    /**
     * Places the {@code k}-th smallest of {@code values[from..to)} at index {@code k}, smaller or equal
     * values left of it and greater or equal right of it (Hoare partition, median-of-three pivot).
     */
    static double select(double[] values, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three into values[mid]
            if (values[mid] < values[lo]) {
                swap(values, mid, lo);
            }
            if (values[hi] < values[lo]) {
                swap(values, hi, lo);
            }
            if (values[hi] < values[mid]) {
                swap(values, hi, mid);
            }
            double pivot = values[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(values, i, j);
                    i++;
                    j--;
                }
            }
            // now values[lo..j] <= pivot <= values[i..hi], and j < i
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    private static void swap(double[] values, int a, int b) {
        double t = values[a];
        values[a] = values[b];
        values[b] = t;
    }
}
