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
        int capacity = Math.max(64, length / 8);
        Bracket low = new Bracket(pilot, kLow, length, capacity);
        Bracket high = new Bracket(pilot, kHigh, length, capacity);
        for (int i = 0; i < length; i++) {
            double v = values[i];
            if (v < low.from) {
                low.below++;
                high.below++;
            } else if (!low.add(v) || (v >= high.from && !high.add(v))) {
                return null;
            } else if (v < high.from) {
                high.below++;
            }
        }
        double[] lowPair = low.pair(kLow, length);
        double[] highPair = high.pair(kHigh, length);
        if (lowPair == null || highPair == null) {
            return null;
        }
        return new double[] {lowPair[0], lowPair[1], highPair[0], highPair[1]};
    }

    /**
     * Values in {@code [from, to]} around one order statistic: counts below {@code from}, at {@code
     * from}, at {@code to}, and the values strictly between (ties at the edges are counted, not
     * stored, so heavy ties never overflow the buffer).
     */
    private static final class Bracket {
        final double from;
        final double to;
        final double[] inside;
        int below;
        int atFrom;
        int atTo;
        int count;

        Bracket(double[] pilot, int k, int length, int capacity) {
            double p = (k + 0.5) / length;
            double center = p * PILOT_SIZE;
            double spread = 4.0 * Math.sqrt(PILOT_SIZE * p * (1.0 - p)) + 4.0;
            int lo = (int) Math.max(0, Math.floor(center - spread));
            int hi = (int) Math.min(PILOT_SIZE - 1, Math.ceil(center + spread));
            this.from = lo == 0 ? Double.NEGATIVE_INFINITY : pilot[lo];
            this.to = hi == PILOT_SIZE - 1 ? Double.POSITIVE_INFINITY : pilot[hi];
            this.inside = new double[capacity];
        }

        /** Records {@code v >= from}; false when the buffer overflows. */
        boolean add(double v) {
            if (v == from) {
                atFrom++;
            } else if (v < to) {
                if (count == inside.length) {
                    return false;
                }
                inside[count++] = v;
            } else if (v == to) {
                atTo++;
            }
            return true;
        }

        /** Order statistics {@code k} and {@code min(k + 1, length - 1)}, or null if outside. */
        double[] pair(int k, int length) {
            double first = statistic(k, true);
            int next = Math.min(k + 1, length - 1);
            double second = next == k ? first : statistic(next, false);
            return Double.isNaN(first) || Double.isNaN(second) ? null : new double[] {first, second};
        }

        /** Order statistic {@code k}, NaN if outside; {@code select} places it, else a min follows one. */
        private double statistic(int k, boolean select) {
            int r = k - below;
            if (r < 0) {
                return Double.NaN;
            }
            if (r < atFrom) {
                return from;
            }
            r -= atFrom;
            if (r < count) {
                if (select) {
                    return Quantiles.select(inside, 0, count, r);
                }
                // called for k + 1 right after k was selected at r - 1 (or k sat at 'from': r == 0)
                return r == 0 ? Quantiles.select(inside, 0, count, 0) : min(inside, r, count);
            }
            r -= count;
            return r < atTo ? to : Double.NaN;
        }
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
