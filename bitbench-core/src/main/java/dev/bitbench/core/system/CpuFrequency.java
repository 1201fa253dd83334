package dev.bitbench.core.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU frequency scaling governor and turbo state as Linux exposes them in sysfs. Either may be
 * {@code null} (other OS, virtual machine, container without cpufreq); {@code unavailable} then
 * says why, keyed {@code governor} or {@code turbo}.
 *
 * @param governor {@code cpu0/cpufreq/scaling_governor}, e.g. {@code performance}, {@code
 *     powersave}, {@code schedutil}; or {@code null}
 * @param turbo {@code true} when turbo/boost is on: {@code intel_pstate/no_turbo} is {@code 0}, or
 *     (without intel_pstate) {@code cpufreq/boost} is {@code 1}; or {@code null}
 * @param unavailable field name to the reason it is {@code null}
 */
public record CpuFrequency(String governor, Boolean turbo, Map<String, String> unavailable) {

    /** Copies the reasons. */
    public CpuFrequency {
        unavailable = Collections.unmodifiableMap(new LinkedHashMap<>(unavailable));
    }

    /**
     * Reads the state below a sysfs CPU directory.
     *
     * @param cpuDir normally {@code /sys/devices/system/cpu}
     */
    public static CpuFrequency read(Path cpuDir) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Path governorFile = cpuDir.resolve("cpu0/cpufreq/scaling_governor");
        String governor = readLine(governorFile);
        if (governor == null || governor.isEmpty()) {
            governor = null;
            reasons.put("governor", governorFile + " is not readable (no cpufreq driver, e.g. in a VM or container)");
        }
        Boolean turbo = null;
        Path noTurbo = cpuDir.resolve("intel_pstate/no_turbo");
        Path boost = cpuDir.resolve("cpufreq/boost");
        String noTurboValue = readLine(noTurbo);
        String boostValue = readLine(boost);
        if ("0".equals(noTurboValue) || "1".equals(noTurboValue)) {
            turbo = "0".equals(noTurboValue);
        } else if ("0".equals(boostValue) || "1".equals(boostValue)) {
            turbo = "1".equals(boostValue);
        } else {
            reasons.put("turbo", "neither " + noTurbo + " nor " + boost + " holds 0 or 1");
        }
        return new CpuFrequency(governor, turbo, reasons);
    }

    private static String readLine(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException | SecurityException e) {
            return null; // absent (NoSuchFileException) or not permitted: the caller records why
        }
    }
}
