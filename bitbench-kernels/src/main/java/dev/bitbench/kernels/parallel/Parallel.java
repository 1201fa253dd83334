package dev.bitbench.kernels.parallel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one parallel-loop utility of the kernels: splits an index range into contiguous chunks and
 * runs them on the caller's thread and a shared fork-join pool of {@code threads - 1} helpers.
 *
 * <p>The caller works too: it takes chunks from the same counter as the helpers, so a loop starts
 * at once on the caller's core instead of waiting for a parked pool thread to wake up, and the
 * caller waits (spinning briefly, then yielding) only for chunks a helper is still running. A
 * helper that wakes up after every chunk is taken finds nothing to do and is not waited for. This
 * matters for decode, where one token is about 60 short products.
 *
 * <p>Pools are created once per thread count and shared by every caller; their threads are
 * daemons, so they never keep a JVM alive. With one thread, or a range no larger than one chunk,
 * the body runs on the caller's thread and nothing is allocated.
 */
public final class Parallel {
    private static final ConcurrentHashMap<Integer, Parallel> SHARED = new ConcurrentHashMap<>();

    /** Spins of the waiting caller before it starts yielding its core. */
    private static final int SPINS_BEFORE_YIELD = 1 << 12;

    private final int threads;
    private final ForkJoinPool helpers;

    private Parallel(int threads) {
        this.threads = threads;
        this.helpers = threads == 1 ? null : new ForkJoinPool(threads - 1);
    }

    /**
     * Returns the shared instance for {@code threads} threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Parallel withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return SHARED.computeIfAbsent(threads, Parallel::new);
    }

    /** The number of threads work is split over, the caller's included. */
    public int threads() {
        return threads;
    }

    /** A loop body over the half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into contiguous ranges of at least {@code
     * minChunk} indices (except possibly the last), and returns when every range is done. The
     * first exception thrown by the body is rethrown to the caller (after every range has finished
     * or been skipped).
     *
     * @param n the size of the index range; 0 runs nothing
     * @param minChunk the smallest range worth a task (at least 1)
     */
    public void forRange(int n, int minChunk, RangeBody body) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (n == 0) {
            return;
        }
        int grain = Math.max(1, minChunk);
        if (helpers == null || n <= grain) {
            body.run(0, n);
            return;
        }
        // A few chunks per thread balance uneven progress without much scheduling overhead.
        // (long arithmetic: n + grain may pass Integer.MAX_VALUE)
        int chunks = (int) Math.min(threads * 4L, ((long) n + grain - 1) / grain);
        int chunk = (int) (((long) n + chunks - 1) / chunks);
        Loop loop = new Loop(body, n, chunk, (int) (((long) n + chunk - 1) / chunk));
        for (int h = 0; h < threads - 1 && h < loop.chunks - 1; h++) {
            helpers.execute(loop);
        }
        loop.run();
        loop.awaitDone();
    }

    /** One {@link #forRange} call: chunks handed out by a counter to the caller and the helpers. */
    private static final class Loop implements Runnable {
        private final RangeBody body;
        private final int n;
        private final int chunk;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        Loop(RangeBody body, int n, int chunk, int chunks) {
            this.body = body;
            this.n = n;
            this.chunk = chunk;
            this.chunks = chunks;
        }

        @Override
        public void run() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    if (failure == null) {
                        body.run(c * chunk, (int) Math.min(n, (long) (c + 1) * chunk));
                    }
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        void awaitDone() {
            for (int spins = 0; done.get() < chunks; spins++) {
                if (spins < SPINS_BEFORE_YIELD) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
