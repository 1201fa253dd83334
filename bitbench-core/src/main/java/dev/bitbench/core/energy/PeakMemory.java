package dev.bitbench.core.energy;

import java.io.IOException;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Peak memory of the running JVM: resident set high-water mark ({@code VmHWM} of {@code
 * /proc/self/status}, bytes) and peak used heap (sum of the heap pools' peak usage, bytes). Call in
 * the benchmark fork after the measurement; {@link MemoryPoolMXBean#resetPeakUsage()} on the pools
 * before it makes the heap peak per benchmark. Either is unavailable with its reason, never zero.
 */
public final class PeakMemory {

    private PeakMemory() {}

    /** {@code VmHWM} in bytes from a {@code status} file (normally {@code /proc/self/status}). */
    public static Reading<Long> peakRss(Path procSelfStatus) {
        String status = SysfsFiles.text(procSelfStatus);
        if (status == null) {
            return Reading.unavailable(procSelfStatus + " is not readable (not Linux?)");
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                try {
                    long kb = Long.parseLong(parts[0]);
                    if (kb > 0) {
                        return Reading.of(kb * 1024);
                    }
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        return Reading.unavailable(procSelfStatus + " has no positive VmHWM line");
    }

    /**
     * Resets this process's {@code VmHWM} to its current resident set by writing {@code 5} to {@code
     * clear_refs} (Linux 4.0 and later; nothing else is cleared).
     *
     * @param clearRefs normally {@code /proc/self/clear_refs}
     * @return true when the file took the write; false when it is absent or not writable (then
     *     {@code VmHWM} keeps the process's peak since it started)
     */
    public static boolean resetPeakRss(Path clearRefs) {
        if (!Files.isRegularFile(clearRefs) || !Files.isWritable(clearRefs)) {
            return false;
        }
        try {
            Files.writeString(clearRefs, "5", StandardOpenOption.WRITE);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Sum of the peak used bytes of the heap pools (normally {@code ManagementFactory.getMemoryPoolMXBeans()}). */
    public static Reading<Long> peakHeap(List<MemoryPoolMXBean> pools) {
        long sum = 0;
        int heapPools = 0;
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
                continue;
            }
            MemoryUsage peak = pool.getPeakUsage();
            if (peak != null) {
                sum += peak.getUsed();
                heapPools++;
            }
        }
        if (heapPools == 0) {
            return Reading.unavailable("no valid heap memory pool reports a peak usage");
        }
        return sum > 0 ? Reading.of(sum) : Reading.unavailable("heap pools report a peak of 0 bytes");
    }
}
