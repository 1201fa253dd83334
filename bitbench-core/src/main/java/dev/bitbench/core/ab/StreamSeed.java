package dev.bitbench.core.ab;

/** A per-metric random seed: the configured seed mixed with a 64-bit hash of the benchmark id and metric. */
final class StreamSeed {

    private StreamSeed() {}

    static long of(long seed, String benchmarkId, String metric) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 units of "id\0metric"
        String s = benchmarkId + '\u0000' + metric;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
