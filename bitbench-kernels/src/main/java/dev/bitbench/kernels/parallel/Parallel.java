package dev.bitbench.kernels.parallel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The one parallel-loop utility of the kernels: splits an index range into contiguous chunks and
 * runs them on a shared fork-join pool of a fixed size.
 *
 * <p>Pools are created once per thread count and shared by every caller; their threads are
 * daemons, so they never keep a JVM alive. With one thread, or a range no larger than one chunk,
 * the body runs on the caller's thread and nothing is allocated.
 */
public final class Parallel {
    private static final ConcurrentHashMap<Integer, Parallel> SHARED = new ConcurrentHashMap<>();

    private final int threads;
    private final ForkJoinPool pool;

    private Parallel(int threads) {
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
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

    /** The number of threads work is split over. */
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
     * minChunk} indices (except possibly the last), and returns when every range is done.
     * Exceptions thrown by the body are rethrown to the caller.
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
        if (pool == null || n <= grain) {
            body.run(0, n);
            return;
        }
        // A few chunks per thread balance uneven progress without much scheduling overhead.
        int chunks = Math.min(threads * 4, (n + grain - 1) / grain);
        int chunk = (n + chunks - 1) / chunks;
        pool.invoke(new RangeTask(body, 0, n, chunk));
    }

    private static final class RangeTask extends RecursiveAction {
        private final transient RangeBody body;
        private final int from;
        private final int to;
        private final int chunk;

        RangeTask(RangeBody body, int from, int to, int chunk) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.chunk = chunk;
        }

        @Override
        protected void compute() {
            if (to - from <= chunk) {
                body.run(from, to);
                return;
            }
            int chunksHere = (to - from + chunk - 1) / chunk;
            int mid = from + (chunksHere / 2) * chunk;
            invokeAll(new RangeTask(body, from, mid, chunk), new RangeTask(body, mid, to, chunk));
        }
    }
}
