package dev.bitbench.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFileTest {

    /** The example configuration of the seed document (bitnet-benchmarks guide). */
    static final String SEED_EXAMPLE = """
            {
              "tensor_sizes": [[64, 64], [128, 128], [256, 256], [512, 512], [1024, 1024], [2048, 2048]],
              "warmup_iterations": 5,
              "measurement_iterations": 10,
              "operations": ["matmul", "add", "multiply", "quantize", "bitlinear"],
              "devices": ["cpu", "metal", "mlx"],
              "data_types": ["f32", "f16"],
              "timeout": "30s"
            }
            """;

    @TempDir
    Path dir;

    @Test
    void acceptsTheSeedExample() throws Exception {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, SEED_EXAMPLE);

        RunConfigOverrides o = ConfigFile.read(file);

        assertThat(o.sizes()).hasSize(6).first().isEqualTo(new TensorSize(64, 64));
        assertThat(o.sizes().get(5)).isEqualTo(new TensorSize(2048, 2048));
        assertThat(o.warmupIterations()).isEqualTo(5);
        assertThat(o.measurementIterations()).isEqualTo(10);
        assertThat(o.operations()).containsExactly("matmul", "add", "multiply", "quantize", "bitlinear");
        assertThat(o.devices()).containsExactly("cpu", "metal", "mlx");
        assertThat(o.dataTypes()).containsExactly("f32", "f16");
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.profile()).isNull();
        assertThat(o.seed()).isNull();
    }

    @Test
    void unavailableDevicesAreKeptWithAReasonForTheRunner() {
        RunConfig config = ConfigFile.parse(SEED_EXAMPLE, "bench.json").applyTo(RunConfig.defaults());

        assertThat(config.cpuRequested()).isTrue();
        assertThat(config.unavailableDevices()).containsOnlyKeys("metal", "mlx");
        assertThat(config.unavailableDevices().get("metal")).contains("metal").contains("CPU");
    }

    @Test
    void acceptsBitbenchKeysAndAliases() {
        RunConfigOverrides o = ConfigFile.parse("""
                {"profile": "smoke", "filter": "matmul/.*/f32", "backends": ["scalar", "simd"], "threads": 2,
                 "seed": 7, "jvm": "/opt/jdk-25/bin/java", "output_dir": "out", "db_url": "jdbc:sqlite:x.db",
                 "store": false, "tags": {"release": "v1"}, "deterministic": true,
                 "operations": ["mul", "gemm"], "data_types": ["int8", "ternary"], "tensor_sizes": ["256", "64x32"]}
                """, "c.json");

        assertThat(o.profile()).isEqualTo(Profile.SMOKE);
        assertThat(o.filter()).isEqualTo("matmul/.*/f32");
        assertThat(o.backends()).containsExactly("scalar", "simd");
        assertThat(o.threads()).isEqualTo(2);
        assertThat(o.seed()).isEqualTo(7L);
        assertThat(o.jvm()).isEqualTo("/opt/jdk-25/bin/java");
        assertThat(o.outputDir()).isEqualTo(Path.of("out"));
        assertThat(o.dbUrl()).isEqualTo("jdbc:sqlite:x.db");
        assertThat(o.store()).isFalse();
        assertThat(o.tags()).isEqualTo(Map.of("release", "v1"));
        assertThat(o.deterministic()).isTrue();
        assertThat(o.operations()).containsExactly("multiply", "matmul");
        assertThat(o.dataTypes()).containsExactly("i8", "ternary");
        assertThat(o.sizes()).containsExactly(new TensorSize(256, 256), new TensorSize(64, 32));
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("{\"tensor_sizes\": [[64, 64],", "(document)", "valid JSON"),
                Arguments.of("[1, 2]", "(document)", "a JSON object"),
                Arguments.of("{\"warmup_iterations\": 1, \"warmup_iterations\": 2}", "(document)", "valid JSON"),
                Arguments.of("{\"iterations\": 5}", "iterations", "a known key (tensor_sizes"),
                Arguments.of("{\"operations\": [\"matmul\", \"fft\"]}", "operations", "operations from matmul"),
                Arguments.of("{\"operations\": []}", "operations", "a non-empty list"),
                Arguments.of("{\"operations\": \"matmul\"}", "operations", "a list of strings"),
                Arguments.of("{\"devices\": [\"abacus\"]}", "devices", "devices from cpu"),
                Arguments.of("{\"data_types\": [\"f64\"]}", "data_types", "data types from f32"),
                Arguments.of("{\"warmup_iterations\": -1}", "warmup_iterations", "an integer from 0"),
                Arguments.of("{\"measurement_iterations\": 0}", "measurement_iterations", "an integer from 1"),
                Arguments.of("{\"measurement_iterations\": 2.5}", "measurement_iterations", "an integer from 1"),
                Arguments.of("{\"timeout\": \"soon\"}", "timeout", "500ms, 30s, 2m or 1h"),
                Arguments.of("{\"timeout\": 30}", "timeout", "500ms, 30s, 2m or 1h"),
                Arguments.of("{\"tensor_sizes\": [[64]]}", "tensor_sizes[0]", "[rows, cols] pairs"),
                Arguments.of("{\"tensor_sizes\": [[64, 64], [0, 8]]}", "tensor_sizes[1]", "[rows, cols] pairs"),
                Arguments.of("{\"tensor_sizes\": []}", "tensor_sizes", "a non-empty list"),
                Arguments.of("{\"profile\": \"fast\"}", "profile", "one of smoke, quick, standard, thorough"),
                Arguments.of("{\"filter\": \"([a-z\"}", "filter", "a valid regular expression"),
                Arguments.of("{\"threads\": 0}", "threads", "an integer from 1"),
                Arguments.of("{\"seed\": \"42\"}", "seed", "an integer"),
                Arguments.of("{\"store\": \"yes\"}", "store", "true or false"),
                Arguments.of("{\"db_url\": \"postgres://x\"}", "db_url", "a JDBC URL"),
                Arguments.of("{\"tags\": {\"k\": 1}}", "tags.k", "a string"),
                Arguments.of("{\"backends\": [\"SIMD!\"]}", "backends", "backend names"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badConfigs")
    void badConfigIsRejectedNamingFileKeyAndExpectedForm(String json, String key, String expected) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);

        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(file + ": " + key + ": expected")
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(((InvalidConfigException) e).key()).isEqualTo(key));
    }

    @Test
    void missingFileIsAnInvalidConfig() {
        Path file = dir.resolve("absent.json");

        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("a readable JSON file");
    }

    @Test
    void keysListMatchesWhatTheParserAccepts() {
        for (String key : ConfigFile.KEYS) {
            assertThatThrownBy(() -> ConfigFile.parse("{\"" + key + "\": {\"x\": []}}", "k.json"))
                    .isInstanceOf(InvalidConfigException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("unknown key"));
        }
        assertThat(List.copyOf(ConfigFile.KEYS)).doesNotHaveDuplicates();
    }
}
