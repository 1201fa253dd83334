package dev.bitbench.cli.ab;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during an experiment: a shutdown hook that asks the experiment to stop, interrupts the
 * thread running it, and holds the JVM's exit until that thread has written the partial verdict (at
 * most two minutes). {@link #close} removes the hook after a normal end.
 */
final class Interruption implements AutoCloseable {

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    Interruption() {
        Thread worker = Thread.currentThread();
        hook = new Thread(
                () -> {
                    stop.set(true);
                    worker.interrupt();
                    try {
                        reported.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "bitbench-ab-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Set when the experiment must stop. */
    AtomicBoolean stop() {
        return stop;
    }

    /** Call once the report is written: releases a waiting shutdown hook. */
    void reported() {
        reported.countDown();
    }

    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
        Thread.interrupted(); // a late interrupt must not leak into the caller
    }
}
