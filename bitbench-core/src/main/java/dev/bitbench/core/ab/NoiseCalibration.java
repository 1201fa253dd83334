package dev.bitbench.core.ab;

import dev.bitbench.core.detect.DetectorConfig;
import dev.bitbench.core.detect.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * What this machine can resolve, from an A/A experiment (the same build as both arms). Pure: no I/O;
 * deterministic for a given seed.
 *
 * <p>Per benchmark metric, with {@code d_i = log(b_i / a_i)} the per-round log ratios:
 *
 * <ul>
 *   <li><b>CV</b> of all {@code 2n} values (sample standard deviation over mean), and the <b>paired
 *       CV</b>, the sample standard deviation of {@code d} (times 100);
 *   <li>whether the A/A run itself was flagged by {@link PairedDetector} (all metrics together, with
 *       Benjamini-Hochberg, as {@code ab} would);
 *   <li>the <b>false-positive rate</b> of the signed-rank test: {@code resamples} null data sets, each
 *       {@code n} values drawn with replacement from {@code d} and given a random sign (under "no
 *       difference" A and B are exchangeable, so each pair's ratio is as likely inverted), the fraction
 *       with {@code p <= alpha};
 *   <li>the <b>minimum detectable effect</b>: for each injected shift {@code s} (1, 2, 3, 5, 10, 20 %
 *       by default), the same null resamples with {@code log(1 + s)} added to every value (a slowdown
 *       of {@code s} in the candidate); detected when {@code p <= alpha} and the median shifted value
 *       is positive; the MDE is the smallest {@code s} detected in at least {@code power} of the
 *       resamples. This is the power of the test at {@code n} rounds for one benchmark alone; the
 *       flag also needs the effect to reach the warning threshold, so a threshold below the MDE cannot
 *       be enforced on this machine with {@code n} rounds.
 * </ul>
 */
public final class NoiseCalibration {

    /** The shifts injected by default, percent. */
    public static final List<Double> DEFAULT_SHIFTS = List.of(1.0, 2.0, 3.0, 5.0, 10.0, 20.0);

    /** Asymptotic relative efficiency of the signed-rank test against the t-test for normal data. */
    private static final double WILCOXON_EFFICIENCY = 3.0 / Math.PI;

    private final DetectorConfig config;
    private final List<Double> shifts;
    private final int resamples;
    private final double alpha;
    private final double power;

    /**
     * @param config the detector settings used for the A/A verdict and as seed
     * @param shifts injected shifts in percent, ascending, each {@code > 0}
     * @param resamples null resamples per benchmark, at least 100
     * @param alpha significance level of one test, in (0, 1), e.g. 0.05
     * @param power target detection rate, in (0, 1), e.g. 0.95
     */
    public NoiseCalibration(DetectorConfig config, List<Double> shifts, int resamples, double alpha, double power) {
        this.config = Objects.requireNonNull(config, "config");
        this.shifts = List.copyOf(shifts);
        for (int i = 0; i < this.shifts.size(); i++) {
            if (!(this.shifts.get(i) > 0.0) || (i > 0 && this.shifts.get(i) <= this.shifts.get(i - 1))) {
                throw new IllegalArgumentException("shifts must be > 0 and ascending: " + shifts);
            }
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("resamples " + resamples + " below 100");
        }
        if (!(alpha > 0.0 && alpha < 1.0) || !(power > 0.0 && power < 1.0)) {
            throw new IllegalArgumentException("alpha " + alpha + " and power " + power + " must be in (0, 1)");
        }
        this.resamples = resamples;
        this.alpha = alpha;
        this.power = power;
    }

    /** Default shifts, 1,000 resamples, alpha 0.05, power 0.95. */
    public static NoiseCalibration withDefaults(DetectorConfig config) {
        return new NoiseCalibration(config, DEFAULT_SHIFTS, 1000, 0.05, 0.95);
    }

    /**
     * Calibrates every metric of an A/A experiment.
     *
     * @param aa per benchmark metric, the rounds of the same build as baseline and candidate
     * @return one entry per input metric, sorted by benchmark id then metric
     */
    public List<BenchmarkNoise> calibrate(List<PairedSamples> aa) {
        List<PairedComparison> verdicts = new PairedDetector(config).compare(aa);
        List<PairedSamples> sorted = new ArrayList<>(aa);
        sorted.sort((x, y) -> x.benchmarkId().equals(y.benchmarkId())
                ? x.metric().compareTo(y.metric())
                : x.benchmarkId().compareTo(y.benchmarkId()));
        List<BenchmarkNoise> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Level level = verdicts.get(i).level();
            boolean flagged = level.isRegression() || level == Level.IMPROVEMENT;
            out.add(calibrateOne(sorted.get(i), flagged));
        }
        return List.copyOf(out);
    }

    private BenchmarkNoise calibrateOne(PairedSamples m, boolean flagged) {
        int n = m.rounds();
        double[] d = new double[n];
        double[] ratios = m.ratios();
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(ratios[i]);
        }
        double[] all = new double[2 * n];
        System.arraycopy(m.baseline(), 0, all, 0, n);
        System.arraycopy(m.candidate(), 0, all, n, n);
        double cv = sd(all) / mean(all) * 100.0;
        double pairedCv = sd(d) * 100.0;

        SplittableRandom random = new SplittableRandom(StreamSeed.of(config.seed(), m.benchmarkId(), m.metric()));
        double[][] nulls = new double[resamples][n];
        int falsePositives = 0;
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                double v = d[random.nextInt(n)];
                nulls[r][i] = random.nextBoolean() ? v : -v;
            }
            if (SignedRankTest.test(nulls[r]).pValue() <= alpha) {
                falsePositives++;
            }
        }
        List<BenchmarkNoise.ShiftDetection> detection = new ArrayList<>();
        double mde = Double.NaN;
        double[] shifted = new double[n];
        for (double shift : shifts) {
            double add = Math.log1p(shift / 100.0);
            int detected = 0;
            for (double[] sample : nulls) {
                for (int i = 0; i < n; i++) {
                    shifted[i] = sample[i] + add;
                }
                if (median(shifted) > 0.0 && SignedRankTest.test(shifted).pValue() <= alpha) {
                    detected++;
                }
            }
            double fraction = detected / (double) resamples;
            detection.add(new BenchmarkNoise.ShiftDetection(shift, fraction));
            if (Double.isNaN(mde) && fraction >= power) {
                mde = shift;
            }
        }
        return new BenchmarkNoise(
                m.benchmarkId(),
                m.metric(),
                n,
                cv,
                pairedCv,
                flagged,
                falsePositives / (double) resamples,
                detection,
                mde);
    }

    /**
     * The rounds an interleaved experiment needs to detect a slowdown of {@code effectPercent} with this
     * calibration's {@code alpha} and {@code power}, from the normal approximation for a paired test
     * divided by the signed-rank test's efficiency 3/pi: {@code n = ((z(1 - alpha/2) + z(power)) *
     * sigma / log(1 + effect))^2 * pi / 3}, {@code sigma} the paired CV as a fraction, and at least the
     * 6 rounds without which the signed-rank test cannot reach {@code p <= 0.05}.
     *
     * @param pairedCvPercent the paired CV of {@link BenchmarkNoise#pairedCvPercent()}, {@code >= 0}
     * @param effectPercent the slowdown to detect, {@code > 0}
     */
    public int roundsFor(double pairedCvPercent, double effectPercent) {
        if (!(pairedCvPercent >= 0.0) || !(effectPercent > 0.0)) {
            throw new IllegalArgumentException(
                    "paired CV " + pairedCvPercent + " and effect " + effectPercent + " must be >= 0 and > 0");
        }
        NormalDistribution z = NormalDistribution.of(0.0, 1.0);
        double k = z.inverseCumulativeProbability(1.0 - alpha / 2.0) + z.inverseCumulativeProbability(power);
        double effect = Math.log1p(effectPercent / 100.0);
        double n = Math.pow(k * (pairedCvPercent / 100.0) / effect, 2) / WILCOXON_EFFICIENCY;
        int minimum = (int) Math.ceil(Math.log(2.0 / alpha) / Math.log(2.0));
        return (int) Math.max(minimum, Math.ceil(n));
    }

    /** The smallest effect, percent, detectable with {@code rounds} rounds: the inverse of {@link #roundsFor}. */
    public double expectedMdePercent(double pairedCvPercent, int rounds) {
        NormalDistribution z = NormalDistribution.of(0.0, 1.0);
        double k = z.inverseCumulativeProbability(1.0 - alpha / 2.0) + z.inverseCumulativeProbability(power);
        double logEffect = k * (pairedCvPercent / 100.0) / Math.sqrt(rounds * WILCOXON_EFFICIENCY);
        return Math.expm1(logEffect) * 100.0;
    }

    private static double mean(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0.0;
        }
        double m = mean(v);
        double s = 0.0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        java.util.Arrays.sort(c);
        int mid = c.length / 2;
        return c.length % 2 == 1 ? c[mid] : 0.5 * (c[mid - 1] + c[mid]);
    }
}
