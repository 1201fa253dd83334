package dev.bitbench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.CpuInfo;
import dev.bitbench.core.result.GitInfo;
import dev.bitbench.core.result.JvmInfo;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunInfo;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.core.result.SystemInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsSet() {
        RunConfig c = RunConfigLoader.load(null, Map.of(), RunConfigOverrides.NONE);

        assertThat(c).isEqualTo(RunConfig.defaults());
        assertThat(c.profile()).isEqualTo(Profile.QUICK);
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.outputDir()).isEqualTo(Path.of("bitbench-results"));
        assertThat(c.dbUrl()).isEqualTo("jdbc:sqlite:.bitbench/history.db");
        assertThat(c.store()).isTrue();
        assertThat(c.devices()).containsExactly("cpu");
        assertThat(c.threads()).isNull();
        assertThat(c.effectiveTimeout()).isEqualTo(Profile.QUICK.timeout());
        assertThat(c.effectiveMeasurementIterations()).isEqualTo(Profile.QUICK.measurementIterations());
    }

    @Test
    void fileThenEnvironmentThenFlagsEachOverrideTheLayerBelow() throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, """
                {"seed": 1, "threads": 3, "output_dir": "from-file", "db_url": "jdbc:sqlite:file.db",
                 "measurement_iterations": 9, "tags": {"a": "file", "b": "file"}}
                """);
        Map<String, String> env = Map.of("BITBENCH_SEED", "2", "BITBENCH_THREADS", "4", "BITBENCH_RESULTS", "from-env");
        RunConfigOverrides flags = RunConfigOverrides.builder()
                .seed(3L)
                .tags(Map.of("b", "flag"))
                .profile(Profile.SMOKE)
                .build();

        RunConfig c = RunConfigLoader.load(file, env, flags);

        assertThat(c.seed()).isEqualTo(3); // flag over env over file
        assertThat(c.threads()).isEqualTo(4); // env over file
        assertThat(c.outputDir()).isEqualTo(Path.of("from-env")); // env over file
        assertThat(c.dbUrl()).isEqualTo("jdbc:sqlite:file.db"); // file over default
        assertThat(c.measurementIterations()).isEqualTo(9);
        assertThat(c.effectiveMeasurementIterations()).isEqualTo(9); // override beats the profile's
        assertThat(c.effectiveWarmupIterations()).isEqualTo(Profile.SMOKE.warmupIterations());
        assertThat(c.profile()).isEqualTo(Profile.SMOKE);
        assertThat(c.tags()).containsExactly(Map.entry("a", "file"), Map.entry("b", "flag"));
    }

    @Test
    void environmentDbAndSeedOverrideDefaults() {
        RunConfig c = RunConfigLoader.load(
                null, Map.of("BITBENCH_DB", "jdbc:postgresql://h/db", "BITBENCH_SEED", "-5"), RunConfigOverrides.NONE);

        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(c.seed()).isEqualTo(-5);
    }

    @Test
    void deterministicForcesOneThreadEvenOverAThreadsFlag() {
        RunConfig c = RunConfigLoader.load(
                null,
                Map.of("BITBENCH_DETERMINISTIC", "1", "BITBENCH_THREADS", "8"),
                RunConfigOverrides.builder().threads(4).build());

        assertThat(c.deterministic()).isTrue();
        assertThat(c.threads()).isEqualTo(1);
    }

    @Test
    void deterministicZeroLeavesThreadsAlone() {
        RunConfig c = RunConfigLoader.load(
                null, Map.of("BITBENCH_DETERMINISTIC", "0", "BITBENCH_THREADS", "2"), RunConfigOverrides.NONE);

        assertThat(c.deterministic()).isFalse();
        assertThat(c.threads()).isEqualTo(2);
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        assertThatThrownBy(() -> RunConfigLoader.load(null, Map.of("BITBENCH_SEED", "abc"), RunConfigOverrides.NONE))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("environment: BITBENCH_SEED: expected an integer >= " + Long.MIN_VALUE + ", found \"abc\"");
        assertThatThrownBy(() -> RunConfigLoader.load(null, Map.of("BITBENCH_THREADS", "0"), RunConfigOverrides.NONE))
                .hasMessageStartingWith("environment: BITBENCH_THREADS: expected an integer from 1");
        assertThatThrownBy(
                        () -> RunConfigLoader.load(null, Map.of("BITBENCH_DB", "history.db"), RunConfigOverrides.NONE))
                .hasMessageStartingWith("environment: BITBENCH_DB: expected a JDBC URL");
        assertThatThrownBy(() ->
                        RunConfigLoader.load(null, Map.of("BITBENCH_DETERMINISTIC", "maybe"), RunConfigOverrides.NONE))
                .hasMessageStartingWith("environment: BITBENCH_DETERMINISTIC: expected true or false");
    }

    @Test
    void badConfigFileStopsLoadingWithTheFileNamed() throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, "{\"timeout\": \"forever\"}");

        assertThatThrownBy(() -> RunConfigLoader.load(file, Map.of(), RunConfigOverrides.NONE))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(file + ": timeout: expected");
    }

    @Test
    void flagValuesParsedByConfigValuesNameTheOption() {
        assertThatThrownBy(() -> ConfigValues.sizes(RunConfigLoader.COMMAND_LINE, "--sizes", List.of("256", "big")))
                .hasMessage("command line: --sizes: expected " + TensorSize.FORM + ", found \"big\"");
        assertThatThrownBy(() -> ConfigValues.tags(RunConfigLoader.COMMAND_LINE, "--tag", List.of("novalue")))
                .hasMessageStartingWith("command line: --tag: expected a tag of the form key=value");
        assertThat(ConfigValues.tags("cl", "--tag", List.of("a=1", "b=x=y", "a=2")))
                .containsExactly(Map.entry("a", "2"), Map.entry("b", "x=y"));
        assertThat(ConfigValues.duration("cl", "--timeout", "2m")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void configMapIsStoredInTheRunFileAndReadBackEqual() {
        RunConfig c = RunConfigLoader.load(
                null,
                Map.of(),
                RunConfigOverrides.builder()
                        .sizes(List.of(new TensorSize(64, 128)))
                        .operations(List.of("matmul"))
                        .timeout(Duration.ofSeconds(90))
                        .build());
        Map<String, Object> map = c.toMap();
        assertThat(map.get("tensor_sizes")).isEqualTo(List.of(List.of(64L, 128L)));
        assertThat(map.get("timeout")).isEqualTo("90s");
        assertThat(map.get("forks")).isEqualTo((long) Profile.QUICK.forks());

        RunInfo info = new RunInfo(
                "r1",
                Instant.EPOCH,
                Instant.EPOCH,
                c.profile().json(),
                c.seed(),
                RunStatus.OK,
                GitInfo.UNKNOWN,
                c.tags(),
                map);
        SystemInfo system = new SystemInfo(
                "os",
                null,
                "amd64",
                "linux-x86_64",
                new CpuInfo("cpu", 1, 1, List.of()),
                0,
                new JvmInfo("v", "17", List.of(), 0),
                null,
                null,
                Map.of(),
                null);
        RunResult run = new RunResult(
                info,
                system,
                List.of(new BenchmarkResult(
                        "k.add/scalar/f32/64x128",
                        "k",
                        "add",
                        "scalar",
                        "f32",
                        Map.of(),
                        BenchmarkStatus.OK,
                        null,
                        Map.of("time", Metric.of("ns/op", Direction.LOWER, 1, 2, 3)))));

        assertThat(RunResultJson.fromJson(RunResultJson.toJson(run), "mem")
                        .run()
                        .config())
                .isEqualTo(map);
    }
}
