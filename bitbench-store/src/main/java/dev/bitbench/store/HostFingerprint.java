package dev.bitbench.store;

import dev.bitbench.core.result.SystemInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short stable fingerprint of the measuring machine: the first 16 hex digits of the SHA-256 of its
 * OS, architecture, platform, CPU model, cores, threads and memory. Runs on the same hardware and
 * OS share it; no host name or address is used.
 */
final class HostFingerprint {
    private HostFingerprint() {}

    static String of(SystemInfo s) {
        String key = String.join(
                "\n",
                s.os(),
                s.arch(),
                s.platform(),
                s.cpu().model(),
                Integer.toString(s.cpu().cores()),
                Integer.toString(s.cpu().threads()),
                Long.toString(s.memoryBytes()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
