package dev.bitbench.core.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

    @Test
    void vmHwmInKibibytesBecomesBytes() {
        assertThat(PeakMemory.peakRss(Sysfs.tree("proc-self-status")).value()).isEqualTo(204_800L * 1024);
    }

    @Test
    void missingVmHwmOrFileIsAbsentNeverZero() {
        Reading<Long> noLine = PeakMemory.peakRss(Sysfs.tree("proc-self-status-no-hwm"));
        assertThat(noLine.available()).isFalse();
        assertThat(noLine.reason()).contains("no positive VmHWM");
        assertThat(PeakMemory.peakRss(Sysfs.absent()).reason()).contains("is not readable");
    }

    @Test
    void peakHeapOfThisJvmIsAtLeastTheLargestHeapPoolPeak() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        long largest = pools.stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .max()
                .orElseThrow();
        assertThat(PeakMemory.peakHeap(pools).value())
                .isGreaterThanOrEqualTo(largest)
                .isPositive();
    }

    @Test
    void noHeapPoolsIsAbsent() {
        List<MemoryPoolMXBean> nonHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.NON_HEAP)
                .toList();
        assertThat(PeakMemory.peakHeap(nonHeap).reason()).startsWith("no valid heap memory pool");
    }

    @Test
    void readingHasExactlyOneOfValueAndReason() {
        assertThatThrownBy(() -> new Reading<>(1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reading<>(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
