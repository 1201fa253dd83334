package dev.bitbench.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitbench.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @TempDir
    Path dir;

    private static final List<String> NAMES = List.of(
            "jdk",
            "jdks",
            "vector-api",
            "backends",
            "cpu-features",
            "cores",
            "memory",
            "disk",
            "cpu-frequency",
            "load",
            "energy",
            "fixtures",
            "store",
            "browser",
            "reference-engine",
            "ci");

    @Test
    void everyLineIsOneCheckWithAStatusAndExitFollowsFailures() {
        Cli.Result r = Cli.execute(
                "doctor", "--no-step-summary", "--dir", dir.toString(), "--db", "jdbc:sqlite:" + dir.resolve("h.db"));
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(NAMES.size() + 1);
        List<String> names = new ArrayList<>();
        for (String line : lines.subList(0, NAMES.size())) {
            assertThat(line).matches("(OK  |WARN|FAIL) \\S+ +\\S.*");
            names.add(line.substring(5).split(" ")[0]);
        }
        assertThat(names).containsExactlyElementsOf(NAMES);
        boolean anyFail = lines.stream().anyMatch(l -> l.startsWith("FAIL"));
        assertThat(r.exit()).isEqualTo(anyFail ? 1 : 0);
        assertThat(lines.get(NAMES.size())).matches("\\d+ OK, \\d+ WARN, \\d+ FAIL");
    }

    @Test
    void vectorApiIsAvailableUnderTheTestJvmFlags() {
        Cli.Result r = Cli.execute(
                "doctor", "--no-step-summary", "--dir", dir.toString(), "--db", "jdbc:sqlite:" + dir.resolve("h.db"));
        assertThat(r.out()).containsPattern("OK   vector-api +preferred species \\d+ bits");
    }

    @Test
    void absentStoreAndFixturesWarnWithoutCreatingAnything() {
        Path db = dir.resolve("h.db");
        Cli.Result r = Cli.execute("doctor", "--no-step-summary", "--dir", dir.toString(), "--db", "jdbc:sqlite:" + db);
        assertThat(r.out()).containsPattern("WARN store +no run history yet").contains("run bitbench setup");
        assertThat(r.out()).containsPattern("WARN fixtures +no fixtures").contains("run bitbench fixtures generate");
        assertThat(db).doesNotExist();
    }

    @Test
    void existingStoreShowsItsSchemaVersion() {
        String url = "jdbc:sqlite:" + dir.resolve("h.db");
        String version;
        try (RunStore store = RunStore.open(url)) {
            version = store.schemaVersion();
        }
        Cli.Result r = Cli.execute("doctor", "--no-step-summary", "--dir", dir.toString(), "--db", url);
        assertThat(r.out()).containsPattern("OK   store +jdbc:sqlite:.*h\\.db schema " + version);
    }

    @Test
    void unreachableStoreFailsAndExitsOne() {
        Cli.Result r =
                Cli.execute("doctor", "--no-step-summary", "--dir", dir.toString(), "--db", "jdbc:mysql://nowhere/x");
        assertThat(r.out()).containsPattern("FAIL store .*-> fix --db or BITBENCH_DB");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void jsonListsTheSameChecksWithTotals() throws Exception {
        Cli.Result r = Cli.execute(
                "doctor",
                "--no-step-summary",
                "--format",
                "json",
                "--dir",
                dir.toString(),
                "--db",
                "jdbc:mysql://nowhere/x");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("bitbench/doctor/v1");
        List<String> names = new ArrayList<>();
        int fails = 0;
        for (JsonNode c : root.get("checks")) {
            names.add(c.get("name").asText());
            assertThat(c.get("status").asText()).isIn("OK", "WARN", "FAIL");
            fails += c.get("status").asText().equals("FAIL") ? 1 : 0;
        }
        assertThat(names).containsExactlyElementsOf(NAMES);
        assertThat(root.get("summary").get("fail").asInt()).isEqualTo(fails).isPositive();
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(Cli.execute("doctor", "--format", "xml").exit()).isEqualTo(2);
    }
}
