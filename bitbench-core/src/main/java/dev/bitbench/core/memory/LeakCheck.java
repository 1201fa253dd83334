package dev.bitbench.core.memory;

import dev.bitbench.core.energy.Reading;

/**
 * A leak check: does the heap an operation leaves behind grow with the number of times it runs?
 *
 * <p>The operation first runs {@code fewer} times untimed (one-time initialisation: lazy caches,
 * class loading), then the live heap is taken as the base ({@link LiveHeap}); it runs {@code fewer}
 * times and the live heap above the base is <em>retained after fewer</em>; it runs {@code more -
 * fewer} further times and the live heap above the base is <em>retained after more</em>. A leak
 * grows the second by about {@code (more - fewer)} times what one run leaks; a one-time allocation
 * or a steady cache shows in both and cancels. The check flags a leak when the growth is above
 * {@code toleranceBytes}.
 *
 * @param fewer repetitions of the first measurement, >= 1
 * @param more repetitions of the second, > {@code fewer}
 * @param toleranceBytes growth allowed for measurement noise (thread-local buffers, JIT data on the
 *     heap), >= 0
 */
public record LeakCheck(int fewer, int more, long toleranceBytes) {

    /** 100 and 1000 repetitions, 256 KiB tolerance: flags a leak of about 300 bytes per run or more. */
    public static final LeakCheck DEFAULT = new LeakCheck(100, 1000, 256 * 1024);

    /** Collections per live-heap reading. */
    private static final int COLLECTIONS = 5;

    public LeakCheck {
        if (fewer < 1 || more <= fewer || toleranceBytes < 0) {
            throw new IllegalArgumentException("need 1 <= fewer < more and toleranceBytes >= 0, got fewer " + fewer
                    + ", more " + more + ", tolerance " + toleranceBytes);
        }
    }

    /**
     * What the check found.
     *
     * @param retainedAfterFewer live heap above the base after {@code fewer} runs, bytes (may be negative)
     * @param retainedAfterMore live heap above the base after {@code more} runs, bytes (may be negative)
     */
    public record Verdict(LeakCheck check, long retainedAfterFewer, long retainedAfterMore) {

        /** Retained after more minus retained after fewer, bytes. */
        public long growthBytes() {
            return retainedAfterMore - retainedAfterFewer;
        }

        /** Growth per additional run, bytes: the leak per operation when there is one. */
        public double bytesPerRun() {
            return (double) growthBytes() / (check.more() - check.fewer());
        }

        /** True when the growth is above the tolerance. */
        public boolean leaking() {
            return growthBytes() > check.toleranceBytes();
        }

        @Override
        public String toString() {
            return (leaking() ? "LEAK" : "no leak") + ": retained " + retainedAfterFewer + " B after "
                    + check.fewer() + " runs, " + retainedAfterMore + " B after " + check.more()
                    + " runs (growth " + growthBytes() + " B, " + String.format("%.1f", bytesPerRun())
                    + " B/run, tolerance " + check.toleranceBytes() + " B)";
        }
    }

    /**
     * Runs the check on {@code operation} in this JVM.
     *
     * @return the verdict, or unavailable when the live heap cannot be read ({@link LiveHeap})
     */
    public Reading<Verdict> run(Runnable operation) {
        repeat(operation, fewer);
        Reading<Long> base = LiveHeap.measure(COLLECTIONS);
        if (!base.available()) {
            return Reading.unavailable(base.reason());
        }
        repeat(operation, fewer);
        Reading<Long> afterFewer = LiveHeap.measure(COLLECTIONS);
        repeat(operation, more - fewer);
        Reading<Long> afterMore = LiveHeap.measure(COLLECTIONS);
        if (!afterFewer.available() || !afterMore.available()) {
            return Reading.unavailable(afterFewer.available() ? afterMore.reason() : afterFewer.reason());
        }
        return Reading.of(new Verdict(this, afterFewer.value() - base.value(), afterMore.value() - base.value()));
    }

    private static void repeat(Runnable operation, int times) {
        for (int i = 0; i < times; i++) {
            operation.run();
        }
    }
}
