package dev.bitbench.core.system;

import java.util.Locale;

/**
 * The normalised platform key {@code <os>-<arch>} under which baselines are stored, e.g. {@code
 * linux-x86_64}, {@code linux-aarch64}, {@code macos-aarch64}, {@code windows-x86_64}. Pure.
 *
 * <p>OS: names starting with {@code linux} give {@code linux}; {@code mac}/{@code darwin} give
 * {@code macos}; {@code windows} gives {@code windows}; {@code freebsd}, {@code openbsd}, {@code
 * sunos} keep their names; anything else is lower-cased with non-alphanumerics removed ({@code
 * unknown} when empty). Architecture: {@code amd64}/{@code x86_64}/{@code x64}/{@code em64t} give
 * {@code x86_64}; {@code aarch64}/{@code arm64} give {@code aarch64}; {@code x86}/{@code
 * i386}..{@code i686} give {@code x86}; {@code ppc64le}, {@code riscv64}, {@code s390x}, {@code arm}
 * stay; anything else is lower-cased with characters other than {@code [a-z0-9_]} removed.
 */
public final class PlatformKey {

    private PlatformKey() {}

    /** The key for the running JVM ({@code os.name}, {@code os.arch}). */
    public static String current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /**
     * The key for a Java {@code os.name} and {@code os.arch}.
     *
     * @param osName e.g. {@code "Linux"}, {@code "Mac OS X"}, {@code "Windows 11"}
     * @param osArch e.g. {@code "amd64"}, {@code "aarch64"}
     */
    public static String of(String osName, String osArch) {
        return os(osName) + "-" + arch(osArch);
    }

    /** The OS part of the key. */
    public static String os(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT).trim();
        if (n.startsWith("linux")) {
            return "linux";
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "macos";
        }
        if (n.startsWith("windows")) {
            return "windows";
        }
        String cleaned = n.replaceAll("[^a-z0-9]", "");
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }

    /** The architecture part of the key. */
    public static String arch(String osArch) {
        String a = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT).trim();
        return switch (a) {
            case "amd64", "x86_64", "x86-64", "x64", "em64t" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686", "ia32" -> "x86";
            default -> {
                String cleaned = a.replace('-', '_').replaceAll("[^a-z0-9_]", "");
                yield cleaned.isEmpty() ? "unknown" : cleaned;
            }
        };
    }
}
