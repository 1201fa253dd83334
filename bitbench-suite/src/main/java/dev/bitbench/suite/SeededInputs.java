package dev.bitbench.suite;

import java.util.SplittableRandom;

/**
 * Benchmark inputs generated from the run seed, so the same seed gives the same data on every
 * machine and JDK. The seed is the system property {@code bitbench.seed} (set by {@code bitbench
 * run} in every fork; default 42); each input is a named stream of it, so adding an input does not
 * change the others.
 */
public final class SeededInputs {
    /** The system property that carries the run seed into benchmark forks. */
    public static final String SEED_PROPERTY = "bitbench.seed";
    /** The system property that carries the thread count of the {@code parallel} backend. */
    public static final String THREADS_PROPERTY = "bitbench.threads";
    /** The seed when none is set. */
    public static final long DEFAULT_SEED = 42;

    private SeededInputs() {}

    /** The run seed of this JVM: {@code bitbench.seed}, else 42. */
    public static long seed() {
        String value = System.getProperty(SEED_PROPERTY);
        return value == null || value.isBlank() ? DEFAULT_SEED : Long.parseLong(value.trim());
    }

    /** The thread count for the {@code parallel} backend: {@code bitbench.threads}, else all cores. */
    public static int threads() {
        String value = System.getProperty(THREADS_PROPERTY);
        return value == null || value.isBlank()
                ? Runtime.getRuntime().availableProcessors()
                : Math.max(1, Integer.parseInt(value.trim()));
    }

    /**
     * {@code n} floats, roughly standard normal (Box-Muller over the stream's own generator), the
     * typical shape of activations and weights.
     *
     * @param seed the run seed
     * @param stream the input's name, e.g. {@code "matmul.a"}; different names give independent data
     * @param n the number of values, >= 0
     */
    public static float[] gaussian(long seed, String stream, int n) {
        SplittableRandom random = generator(seed, stream);
        float[] out = new float[n];
        for (int i = 0; i < n; i += 2) {
            double u1 = uniformOpen(random);
            double u2 = uniformOpen(random);
            double r = Math.sqrt(-2 * Math.log(u1));
            out[i] = (float) (r * Math.cos(2 * Math.PI * u2));
            if (i + 1 < n) {
                out[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
            }
        }
        return out;
    }

    /** {@code n} floats uniform in {@code [lo, hi)} from the named stream. */
    public static float[] uniform(long seed, String stream, int n, float lo, float hi) {
        SplittableRandom random = generator(seed, stream);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (lo + (hi - lo) * uniformOpen(random));
        }
        return out;
    }

    /** {@code n} ternary values in {-1, 0, 1}, equally likely, from the named stream. */
    public static byte[] ternary(long seed, String stream, int n) {
        SplittableRandom random = generator(seed, stream);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (random.nextInt(3) - 1);
        }
        return out;
    }

    /** An order-sensitive 64-bit checksum of the exact bits of {@code values}. */
    public static long checksum(float[] values) {
        long h = 0xcbf29ce484222325L;
        for (float v : values) {
            h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
        }
        return h;
    }

    /** An order-sensitive 64-bit checksum of {@code values}. */
    public static long checksum(byte[] values) {
        long h = 0xcbf29ce484222325L;
        for (byte v : values) {
            h = (h ^ v) * 0x100000001b3L;
        }
        return h;
    }

    private static SplittableRandom generator(long seed, String stream) {
        long streamHash = 1125899906842597L;
        for (int i = 0; i < stream.length(); i++) {
            streamHash = 31 * streamHash + stream.charAt(i);
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ streamHash);
    }

    /** A double in (0, 1): never 0, so its logarithm is finite. */
    private static double uniformOpen(SplittableRandom random) {
        return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }
}
