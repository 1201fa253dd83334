package dev.bitbench.kernels.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTest {

    @ParameterizedTest(name = "threads {0}, n {1}, minChunk {2}")
    @CsvSource({
        "1, 1000, 1",
        "2, 1, 1",
        "2, 2, 1",
        "2, 7, 1",
        "2, 1000, 1",
        "2, 1000, 999",
        "2, 1000, 1000",
        "3, 1001, 17",
        "4, 64, 3",
        "8, 100000, 64",
        "2, 5, 100"
    })
    void runsEveryIndexExactlyOnce(int threads, int n, int minChunk) {
        AtomicIntegerArray visits = new AtomicIntegerArray(n);
        Parallel.withThreads(threads).forRange(n, minChunk, (from, to) -> {
            assertThat(from).isLessThan(to);
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < n; i++) {
            assertThat(visits.get(i)).as("visits of index %d", i).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void rangesNearTheIntLimitDoNotOverflow(int threads) {
        int n = Integer.MAX_VALUE;
        java.util.List<long[]> ranges = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Parallel.withThreads(threads).forRange(n, n / 5, (from, to) -> ranges.add(new long[] {from, to}));
        ranges.sort(java.util.Comparator.comparingLong(r -> r[0]));
        long expectedFrom = 0;
        for (long[] r : ranges) {
            assertThat(r[0]).isEqualTo(expectedFrom);
            assertThat(r[1]).isGreaterThan(r[0]);
            expectedFrom = r[1];
        }
        assertThat(expectedFrom).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void everyWriteOfTheBodyIsVisibleToTheCallerOnReturn(int threads) {
        int n = 1 << 16;
        for (int round = 0; round < 200; round++) {
            int[] out = new int[n];
            int value = round + 1;
            Parallel.withThreads(threads).forRange(n, 256, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = value;
                }
            });
            for (int i = 0; i < n; i += 97) {
                assertThat(out[i]).isEqualTo(value);
            }
            assertThat(out[n - 1]).isEqualTo(value);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theBodysExceptionReachesTheCallerUnwrapped(int threads) {
        IllegalStateException thrown = new IllegalStateException("chunk failed");
        assertThatThrownBy(() -> Parallel.withThreads(threads).forRange(1000, 10, (from, to) -> {
                    if (from <= 500 && 500 < to) {
                        throw thrown;
                    }
                }))
                .isSameAs(thrown);
        // the pool is still usable afterwards
        AtomicIntegerArray visits = new AtomicIntegerArray(100);
        Parallel.withThreads(threads).forRange(100, 1, (from, to) -> visits.incrementAndGet(from));
        assertThat(visits.get(0)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aLoopInsideALoopCompletes(int threads) {
        int outer = 16;
        int inner = 1000;
        AtomicIntegerArray visits = new AtomicIntegerArray(outer * inner);
        Parallel p = Parallel.withThreads(threads);
        p.forRange(outer, 1, (from, to) -> {
            for (int o = from; o < to; o++) {
                int base = o * inner;
                p.forRange(inner, 10, (f, t) -> {
                    for (int i = f; i < t; i++) {
                        visits.incrementAndGet(base + i);
                    }
                });
            }
        });
        for (int i = 0; i < outer * inner; i++) {
            assertThat(visits.get(i)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void theCallerTakesPartInTheLoop(int threads) {
        Thread caller = Thread.currentThread();
        CountDownLatch callerRan = new CountDownLatch(1);
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        // helpers hold their first chunk until the caller has run one: a utility that left the work
        // to the pool alone would time out here
        Parallel.withThreads(threads).forRange(10_000, 10, (from, to) -> {
            workers.add(Thread.currentThread());
            if (Thread.currentThread() == caller) {
                callerRan.countDown();
            } else {
                try {
                    assertThat(callerRan.await(30, TimeUnit.SECONDS))
                            .as("the caller ran a chunk")
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        });
        assertThat(workers).contains(caller);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void rejectsFewerThanOneThread(int threads) {
        assertThatThrownBy(() -> Parallel.withThreads(threads))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be >= 1");
    }
}
