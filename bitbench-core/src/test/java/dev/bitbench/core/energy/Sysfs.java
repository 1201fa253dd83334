package dev.bitbench.core.energy;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fake sysfs trees under {@code src/test/resources/sysfs}. */
final class Sysfs {
    private Sysfs() {}

    static Path tree(String name) {
        try {
            return Path.of(Sysfs.class.getResource("/sysfs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path that does not exist, as on this machine without the counters. */
    static Path absent() {
        return Path.of("/nonexistent-bitbench-sysfs");
    }
}
