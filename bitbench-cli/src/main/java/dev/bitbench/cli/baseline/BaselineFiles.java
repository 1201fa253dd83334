package dev.bitbench.cli.baseline;

import dev.bitbench.cli.UsageError;
import dev.bitbench.cli.compare.RunSource;
import dev.bitbench.core.baseline.Baselines;
import dev.bitbench.core.baseline.BaselinesJson;
import dev.bitbench.core.baseline.InvalidBaselinesException;
import dev.bitbench.core.baseline.PlatformBaseline;
import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Reading baselines files and the runs they are made from, with every user error as one line (exit 2). */
public final class BaselineFiles {

    private BaselineFiles() {}

    /** Reads a baselines file that must exist; a missing or malformed file is a {@link UsageError}. */
    public static Baselines readExisting(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageError(file + ": no such baselines file; create one with `bitbench baseline generate"
                    + " --from RUN` or name it with --baselines / --file");
        }
        return read(file);
    }

    /** Reads a baselines file, or returns empty baselines when it does not exist yet. */
    public static Baselines readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? read(file) : Baselines.empty();
    }

    private static Baselines read(Path file) throws IOException {
        try {
            return BaselinesJson.read(file);
        } catch (InvalidBaselinesException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The baselines of {@code platform}; a {@link UsageError} listing the file's platforms when absent. */
    public static PlatformBaseline platform(Baselines baselines, Path file, String platform) {
        return baselines
                .platform(platform)
                .orElseThrow(() -> new UsageError(file + ": no baselines for platform '"
                        + platform + "'; the file has "
                        + (baselines.platformKeys().isEmpty()
                                ? "no platforms"
                                : "platforms: " + String.join(", ", baselines.platformKeys()))
                        + " (choose one with --platform, or create it with `bitbench baseline generate --from RUN`)"));
    }

    /** Resolves every reference. */
    static List<RunResult> runs(RunSource source, List<String> references) throws IOException {
        List<RunResult> out = new ArrayList<>();
        for (String ref : references) {
            out.add(source.resolve(ref));
        }
        return out;
    }

    /**
     * The platform to file runs under: {@code explicit} when given (validated), else the runs' own
     * platform, which must then be the same for all of them.
     */
    static String platformOf(List<RunResult> runs, String explicit) {
        if (explicit != null) {
            if (!explicit.matches(Baselines.PLATFORM_PATTERN)) {
                throw new UsageError("--platform " + explicit + ": expected a platform key such as linux-x86_64");
            }
            return explicit;
        }
        TreeSet<String> platforms = new TreeSet<>();
        runs.forEach(r -> platforms.add(r.system().platform()));
        if (platforms.size() > 1) {
            throw new UsageError("the runs come from several platforms (" + String.join(", ", platforms)
                    + "); expected one, or name the baseline's platform with --platform");
        }
        return platforms.first();
    }
}
