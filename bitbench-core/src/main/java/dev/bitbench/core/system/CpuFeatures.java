package dev.bitbench.core.system;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Parses CPU feature flags. Pure.
 *
 * <p>{@link #fromProcCpuinfo} reads the first {@code flags} line (x86) or {@code Features} line
 * (ARM) of Linux's {@code /proc/cpuinfo}. {@link #fromLines} tokenises the lines OSHI reports on
 * other systems ({@code "name: f1 f2"} or {@code "f1 f2"}). Both return the lower-cased flags,
 * sorted, without duplicates; an empty list when none are found.
 */
public final class CpuFeatures {

    private CpuFeatures() {}

    /** Flags from the text of {@code /proc/cpuinfo}. */
    public static List<String> fromProcCpuinfo(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (key.equals("flags") || key.equals("features")) {
                return tokens(List.of(line.substring(colon + 1)));
            }
        }
        return List.of();
    }

    /** Flags from free-form lines: the part after the first colon if any, split on whitespace. */
    public static List<String> fromLines(List<String> lines) {
        return tokens(lines.stream()
                .map(l -> l.indexOf(':') >= 0 ? l.substring(l.indexOf(':') + 1) : l)
                .toList());
    }

    private static List<String> tokens(List<String> parts) {
        TreeSet<String> flags = new TreeSet<>();
        for (String part : parts) {
            for (String token : part.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    flags.add(token.toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(flags);
    }
}
