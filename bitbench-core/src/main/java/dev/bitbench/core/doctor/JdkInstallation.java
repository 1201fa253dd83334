package dev.bitbench.core.doctor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A JDK found on disk that {@code bitbench run --jvm} could fork benchmarks on.
 *
 * @param home the JDK directory (holds {@code bin/java})
 * @param version {@code JAVA_VERSION} from its {@code release} file, e.g. {@code 17.0.15}; {@code
 *     "unknown"} when the file does not say
 * @param vendor {@code IMPLEMENTOR} from its {@code release} file, or {@code "unknown"}
 */
public record JdkInstallation(Path home, String version, String vendor) {

    /** Validates the fields. */
    public JdkInstallation {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(vendor, "vendor");
    }

    /** The feature release, e.g. 17 for {@code 17.0.15} and 8 for {@code 1.8.0_412}; 0 when unknown. */
    public int feature() {
        return JdkScanner.feature(version);
    }

    /** The java executable. */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }
}
