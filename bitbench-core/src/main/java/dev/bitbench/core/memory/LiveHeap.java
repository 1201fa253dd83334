package dev.bitbench.core.memory;

import dev.bitbench.core.energy.Reading;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * The live heap of this JVM: used heap bytes right after a full garbage collection ({@link
 * System#gc()}, which HotSpot's collectors run as a stop-the-world full collection unless {@code
 * -XX:+ExplicitGCInvokesConcurrent}). Repeating the collection until two readings agree settles
 * objects that needed a second cycle (finalizers, reference processing).
 *
 * <p>Unavailable when explicit GC is disabled ({@code -XX:+DisableExplicitGC}): the number would
 * then include garbage.
 */
public final class LiveHeap {

    /** Two consecutive readings within this many bytes count as settled. */
    static final long SETTLED_BYTES = 16 * 1024;

    private LiveHeap() {}

    /**
     * Runs up to {@code maxCollections} full collections, stopping once two consecutive readings
     * are within {@value #SETTLED_BYTES} bytes, and returns the last reading in bytes.
     *
     * @param maxCollections at least 1; 1 means one collection and one reading
     * @throws IllegalArgumentException if {@code maxCollections < 1}
     */
    public static Reading<Long> measure(int maxCollections) {
        if (maxCollections < 1) {
            throw new IllegalArgumentException("maxCollections must be >= 1, was " + maxCollections);
        }
        if (explicitGcDisabled(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            return Reading.unavailable(
                    "the JVM runs with -XX:+DisableExplicitGC, so the heap cannot be collected" + " before reading it");
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = -1;
        long used = 0;
        for (int i = 0; i < maxCollections; i++) {
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
            if (previous >= 0 && Math.abs(used - previous) <= SETTLED_BYTES) {
                break;
            }
            previous = used;
        }
        return used > 0 ? Reading.of(used) : Reading.unavailable("the JVM reports 0 bytes of used heap");
    }

    /** Whether the JVM arguments disable {@link System#gc()}; the last occurrence wins. */
    static boolean explicitGcDisabled(List<String> jvmArguments) {
        boolean disabled = false;
        for (String a : jvmArguments) {
            if (a.equals("-XX:+DisableExplicitGC")) {
                disabled = true;
            } else if (a.equals("-XX:-DisableExplicitGC")) {
                disabled = false;
            }
        }
        return disabled;
    }
}
