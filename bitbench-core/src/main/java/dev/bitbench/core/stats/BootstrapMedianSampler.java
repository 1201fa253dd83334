package dev.bitbench.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the median of a bootstrap resample of one fixed sample in expected O(1) time, without
 * building the resample.
 *
 * <p>A bootstrap resample draws {@code n} indices uniformly with replacement from the sorted sample
 * {@code x[0..n-1]}; its median is {@code x[J]} (odd {@code n}) or {@code (x[J] + x[J']) / 2} (even
 * {@code n}), where {@code J} and {@code J'} are the order statistics of rank {@code r} and {@code
 * r + 1} of the drawn indices ({@code r = (n + 1) / 2} for odd, {@code n / 2} for even {@code n}).
 * Their distribution is known in closed form, so this class samples them directly and the result is
 * distributed exactly as "resample, then take the median":
 *
 * <ul>
 *   <li>{@code P(J <= i) = P(Binomial(n, (i + 1) / n) >= r)}: tabulated once, sampled by inverse CDF
 *       with a guide table (expected two comparisons a draw).
 *   <li>even {@code n = 2m}, for {@code t > i}: {@code P(J = i, J' > t) = C(n, m) a_i q_t} with
 *       {@code a_i = ((i + 1) / n)^m - (i / n)^m} and {@code q_t = ((n - 1 - t) / n)^m} (exactly
 *       {@code m} draws in {@code [0, i]} reaching {@code i}, none in {@code (i, t]}, {@code m} above
 *       {@code t}); {@code P(J = J' = i)} is the rest of {@code P(J = i)}. The pairs and their mean
 *       values go into an alias table, one draw costing one bounded int and one double.
 * </ul>
 *
 * <p>Building costs O(n) logarithms plus the binomial tails (O(n sqrt(n)) worst case), and for even
 * {@code n} one exponential per kept pair (rows decay geometrically, so about 40 pairs a row); drawing
 * allocates nothing. Immutable; thread-safe as long as each thread brings its own random source.
 */
final class BootstrapMedianSampler {

    private static final double TAIL_EPSILON = 0x1p-60;

    /** Mass below which the rest of a row of the even-size pair table is folded into one pair. */
    private static final double PAIR_TAIL = 1e-20;

    /** Guide tables have at least this many buckets, so small samples need about one comparison. */
    private static final int MIN_GUIDE_SIZE = 128;

    private final double[] sorted;
    private final int n;
    /** {@code cdf[i] = P(J <= i)}, non-decreasing, {@code cdf[n - 1] == 1}. */
    private final double[] cdf;
    /** {@code guide[b]} = smallest {@code i} with {@code cdf[i] > b / guide.length}. */
    private final int[] guide;
    /** Even {@code n} only: the joint law of the two middle order statistics. */
    private final EvenPairs pairs;

    /**
     * @param sortedSample the sample in ascending order, at least one finite value; not copied, must
     *     not be modified afterwards
     */
    BootstrapMedianSampler(double[] sortedSample) {
        if (sortedSample.length == 0) {
            throw new IllegalArgumentException("bootstrap median needs at least one sample");
        }
        this.sorted = sortedSample;
        this.n = sortedSample.length;
        boolean even = n % 2 == 0;
        int rank = even ? n / 2 : (n + 1) / 2;
        double[] upper = new double[n];
        double[] lower = new double[n];
        double logChooseRank = logChoose(n, rank);
        // pmf ratios of Binomial(n, p) without the p-dependent factor, shared by every p:
        // up[j] = C(n, j + 1) / C(n, j), down[j] = C(n, j - 1) / C(n, j)
        double[] up = new double[n + 1];
        double[] down = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            up[j] = (n - j) / (double) (j + 1);
            down[j] = j / (double) (n - j + 1);
        }
        for (int i = 0; i < n; i++) {
            binomialTails(n, rank, (i + 1) / (double) n, logChooseRank, up, down, upper, lower, i);
        }
        this.cdf = new double[n];
        double[] pointMass = new double[n];
        for (int i = 0; i < n; i++) {
            double c = upper[i] <= 0.5 ? upper[i] : 1.0 - lower[i];
            cdf[i] = i == 0 ? c : Math.max(c, cdf[i - 1]);
            if (i == 0) {
                pointMass[i] = upper[0];
            } else if (upper[i] <= 0.5) {
                pointMass[i] = Math.max(0.0, upper[i] - upper[i - 1]);
            } else {
                pointMass[i] = Math.max(0.0, lower[i - 1] - lower[i]);
            }
        }
        cdf[n - 1] = 1.0;
        this.guide = new int[Math.max(2 * n, MIN_GUIDE_SIZE)];
        int i = 0;
        for (int b = 0; b < guide.length; b++) {
            double edge = b / (double) guide.length;
            while (cdf[i] <= edge) {
                i++;
            }
            guide[b] = i;
        }
        if (even) {
            EvenPairs pairs = new EvenPairs(n);
            int m = n / 2;
            double logChooseHalf = logChoose(n, m);
            double[] logRest = new double[n]; // log((n - 1 - t) / n); -Infinity at t = n - 1
            double[] rest = new double[n]; // q_t = exp(m logRest[t]), 0 where it underflows
            for (int t = 0; t < n; t++) {
                logRest[t] = Math.log((n - 1 - t) / (double) n);
                rest[t] = Math.exp(m * logRest[t]);
            }
            for (int k = 0; k < n; k++) {
                double p = pointMass[k];
                if (p <= 0.0) {
                    continue;
                }
                if (p < PAIR_TAIL) {
                    pairs.add(p, sortedSample[k]); // negligible row: kept as one pair
                    continue;
                }
                double s = 0.0; // P(J' > k | J = k)
                if (k < n - 1) {
                    double logA = m * Math.log((k + 1) / (double) n);
                    if (k > 0) {
                        logA += Math.log1p(-Math.exp(m * Math.log(k / (double) (k + 1))));
                    }
                    s = Math.exp(logChooseHalf + logA + m * logRest[k] - Math.log(p));
                    s = Math.min(1.0, Math.max(0.0, s));
                }
                pairs.add(p * (1.0 - s), sortedSample[k]);
                double survival = p * s; // P(J = k, J' > t), t = k for now
                for (int t = k + 1; t < n && survival > 0.0; t++) {
                    double next;
                    if (t == n - 1) {
                        next = 0.0;
                    } else if (rest[k] > Double.MIN_NORMAL * 0x1p60) {
                        next = p * s * (rest[t] / rest[k]); // q_t / q_k by division while q_k is normal
                    } else {
                        next = p * s * Math.exp(m * (logRest[t] - logRest[k]));
                    }
                    if (next < PAIR_TAIL) {
                        next = 0.0; // fold the negligible rest of the row into this pair
                    }
                    pairs.add(survival - next, 0.5 * (sortedSample[k] + sortedSample[t]));
                    survival = next;
                }
            }
            pairs.buildAlias();
            this.pairs = pairs;
        } else {
            this.pairs = null;
        }
    }

    /**
     * The joint law of the two middle order statistics of an even-sized resample, as an alias table
     * (Walker/Vose) over the pairs {@code (J, J')} with their median values: one bounded int and one
     * double a draw, no data-dependent branch. Each row {@code J = k} is cut where its remaining mass
     * falls below {@value #PAIR_TAIL} (folded into the last pair kept), which keeps the table small
     * (a few thousand pairs for {@code n = 100}) and changes no probability by more than that.
     */
    private static final class EvenPairs {
        private double[] mass;
        private double[] value;
        private int size;
        private double[] keep;
        private int[] alias;

        EvenPairs(int n) {
            mass = new double[4 * n];
            value = new double[4 * n];
        }

        void add(double pairMass, double pairValue) {
            if (pairMass <= 0.0) {
                return;
            }
            if (size == mass.length) {
                mass = Arrays.copyOf(mass, 2 * size);
                value = Arrays.copyOf(value, 2 * size);
            }
            mass[size] = pairMass;
            value[size] = pairValue;
            size++;
        }

        void buildAlias() {
            double total = 0.0;
            for (int k = 0; k < size; k++) {
                total += mass[k];
            }
            keep = new double[size];
            alias = new int[size];
            int[] small = new int[size];
            int[] large = new int[size];
            int smallCount = 0;
            int largeCount = 0;
            for (int k = 0; k < size; k++) {
                keep[k] = mass[k] * size / total;
                if (keep[k] < 1.0) {
                    small[smallCount++] = k;
                } else {
                    large[largeCount++] = k;
                }
            }
            while (smallCount > 0 && largeCount > 0) {
                int s = small[--smallCount];
                int l = large[--largeCount];
                alias[s] = l;
                keep[l] = (keep[l] + keep[s]) - 1.0;
                if (keep[l] < 1.0) {
                    small[smallCount++] = l;
                } else {
                    large[largeCount++] = l;
                }
            }
            while (largeCount > 0) {
                int l = large[--largeCount];
                keep[l] = 1.0;
                alias[l] = l;
            }
            while (smallCount > 0) { // only through rounding: treat as full columns
                int s = small[--smallCount];
                keep[s] = 1.0;
                alias[s] = s;
            }
            mass = null;
        }

        double draw(SplittableRandom random) {
            int k = random.nextInt(size);
            return random.nextDouble() < keep[k] ? value[k] : value[alias[k]];
        }
    }

    /** Number of values in the sample. */
    int size() {
        return n;
    }

    /** One bootstrap-resample median, consuming one double (odd size) or one int and one double. */
    double draw(SplittableRandom random) {
        if (pairs != null) {
            return pairs.draw(random);
        }
        double u = random.nextDouble();
        int i = guide[(int) (u * guide.length)];
        while (cdf[i] <= u) {
            i++;
        }
        return sorted[i];
    }

    /**
     * Probability that the median of a resample is built on lower middle index {@code i}, i.e. {@code
     * P(J = i)}; for tests of the closed form.
     */
    double lowerMiddleProbability(int i) {
        return i == 0 ? cdf[0] : cdf[i] - cdf[i - 1];
    }

    /** The sample median: middle value, or mean of the two middle values; {@code sorted} ascending. */
    static double median(double[] sorted) {
        int len = sorted.length;
        if (len == 0) {
            throw new IllegalArgumentException("median of an empty sample");
        }
        int mid = len / 2;
        return len % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /** Ascending copy of {@code values}. */
    static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double logChoose(int n, int k) {
        double sum = 0.0;
        int kk = Math.min(k, n - k);
        for (int j = 1; j <= kk; j++) {
            sum += Math.log((n - kk + j) / (double) j);
        }
        return sum;
    }

    /**
     * Writes {@code P(B >= r)} and {@code P(B <= r - 1)} for {@code B ~ Binomial(n, p)}; the smaller of
     * the two is summed term by term (accurate in relative terms), the larger is its complement.
     */
    private static void binomialTails(
            int n,
            int r,
            double p,
            double logChooseR,
            double[] up,
            double[] down,
            double[] upper,
            double[] lower,
            int at) {
        if (p >= 1.0) {
            upper[at] = 1.0;
            lower[at] = 0.0;
            return;
        }
        double odds = p / (1.0 - p);
        double inverseOdds = (1.0 - p) / p;
        if (n * p < r) {
            // pmf is non-increasing from r upwards: sum the upper tail.
            double term = Math.exp(logChooseR + r * Math.log(p) + (n - r) * Math.log1p(-p));
            double sum = 0.0;
            for (int j = r; j <= n && term > 0.0; j++) {
                sum += term;
                if (term <= sum * TAIL_EPSILON) {
                    break;
                }
                term *= up[j] * odds;
            }
            upper[at] = Math.min(1.0, sum);
            lower[at] = 1.0 - upper[at];
        } else {
            // pmf is non-increasing from r - 1 downwards: sum the lower tail.
            int start = r - 1;
            double logChooseStart = logChooseR + Math.log(r / (double) (n - r + 1));
            double term = Math.exp(logChooseStart + start * Math.log(p) + (n - start) * Math.log1p(-p));
            double sum = 0.0;
            for (int j = start; j >= 0 && term > 0.0; j--) {
                sum += term;
                if (term <= sum * TAIL_EPSILON) {
                    break;
                }
                term *= down[j] * inverseOdds;
            }
            lower[at] = Math.min(1.0, sum);
            upper[at] = 1.0 - lower[at];
        }
    }
}
