package dev.bitbench.cli.run;

import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.suite.BenchmarkDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmarks on devices BitBench cannot use ({@code metal}, {@code cuda}, ... in a config's {@code
 * devices}): each of our benchmarks that would run there is recorded as {@code skipped} with the
 * reason, under the device's name as backend, e.g. {@code kernels.matmul/metal/f32/256x256}.
 */
public final class DeviceSkips {
    private DeviceSkips() {}

    /** One skipped result per planned non-peer benchmark shape and unavailable device. */
    public static List<BenchmarkResult> of(List<BenchmarkCase> plan, Map<String, String> unavailableDevices) {
        List<BenchmarkResult> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        unavailableDevices.forEach((device, reason) -> {
            for (BenchmarkCase c : plan) {
                BenchmarkDescriptor d = c.descriptor();
                if (d.group().equals("peers")) {
                    continue;
                }
                String id = d.group() + "." + d.op() + "/" + device + "/" + d.dtype() + "/" + d.shape();
                if (ids.add(id)) {
                    out.add(BenchmarkResult.notMeasured(
                            id,
                            d.group(),
                            d.op(),
                            device,
                            d.dtype(),
                            RunAssembler.params(d),
                            BenchmarkStatus.SKIPPED,
                            reason));
                }
            }
        });
        return out;
    }
}
