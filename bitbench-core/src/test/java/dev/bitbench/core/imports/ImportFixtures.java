package dev.bitbench.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.SystemInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The committed sample files of {@code src/test/resources/import/} and a fixed machine. */
final class ImportFixtures {

    private ImportFixtures() {}

    static final SystemInfo SYSTEM = new SystemInfo(
            "Test OS 1",
            "6.1.0-test",
            "amd64",
            "linux-x86_64",
            new CpuInfo("Test CPU", 4, 8, List.of("avx2")),
            1L << 33,
            new JvmInfo("Test Vendor", "17.0.0+1", List.of(), 256),
            "performance",
            Boolean.FALSE,
            Map.of(),
            null);

    static final ImportOptions OPTIONS = ImportOptions.of(SYSTEM);

    /** A file or directory under {@code src/test/resources/import/}. */
    static Path resource(String relative) {
        try {
            return Path.of(
                    ImportFixtures.class.getResource("/import/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource import/" + relative, e);
        }
    }

    /** The resource parsed by plain Jackson, to derive expectations independently of the importer. */
    static JsonNode json(String relative) {
        try {
            return new ObjectMapper().readTree(resource(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] doubles(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Writes and strictly re-reads the run: an import must be a valid run of our schema. */
    static RunResult roundTrip(RunResult run) {
        return RunResultJson.fromJson(RunResultJson.toJson(run), "round trip");
    }
}
