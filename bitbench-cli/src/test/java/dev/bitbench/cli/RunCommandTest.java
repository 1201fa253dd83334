package dev.bitbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.bitbench.cli.run.RunDirectory;
import dev.bitbench.cli.testbench.FaultBenchmarks;
import dev.bitbench.core.Direction;
import dev.bitbench.core.result.BenchmarkResult;
import dev.bitbench.core.result.BenchmarkStatus;
import dev.bitbench.core.result.Metric;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.core.result.RunResultJson;
import dev.bitbench.core.result.RunStatus;
import dev.bitbench.report.CsvReportFormat;
import dev.bitbench.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitbench run} end to end through the real picocli command line. */
class RunCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {}

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BitBench.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private RunResult latest() throws IOException {
        return RunResultJson.read(dir.resolve("results/latest/performance-report.json"));
    }

    @Test
    void listPrintsThePlannedIdsAndRunsNothing() {
        Result r = run(
                "run",
                "--list",
                "--profile",
                "quick",
                "--filter",
                "^inference\\.decode/",
                "--output",
                dir.resolve("results").toString(),
                "--db",
                "jdbc:sqlite:" + dir.resolve("h.db"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .containsExactly(
                        "inference.decode/simd/tq2_0/small",
                        "inference.decode/parallel/tq2_0/small",
                        "2 benchmark(s) to run, 0 skipped, profile quick");
        assertThat(dir.resolve("results")).doesNotExist();
        assertThat(dir.resolve("h.db")).doesNotExist();
    }

    @Test
    void listWithASelectionThatMatchesNothingIsAUsageError() {
        Result r = run("run", "--list", "--filter", "^no-such-benchmark$");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no benchmark matches the selection");
    }

    @Test
    void smokeProfileRunsTheWholeSuiteAndWritesEveryFileOfTheRunDirectory() throws IOException {
        // the whole suite, minus the test-only benchmarks that misbehave on purpose
        Result r = run(
                "run",
                "--profile",
                "smoke",
                "--filter",
                "^(?!selftest)",
                "--output",
                dir.resolve("results").toString(),
                "--no-store",
                "--tag",
                "purpose=test");

        RunResult run = latest();
        assertThat(r.exitCode()).as(r.err()).isEqualTo(run.run().status() == RunStatus.OK ? 0 : 1);
        Path runDir = dir.resolve("results").resolve(run.run().id());
        for (String file : RunDirectory.FILES) {
            assertThat(runDir.resolve(file)).isNotEmptyFile();
        }
        assertThat(dir.resolve("results/latest").toRealPath()).isEqualTo(runDir.toRealPath());
        assertThat(run.run().profile()).isEqualTo("smoke");
        assertThat(run.run().seed()).isEqualTo(42);
        assertThat(run.run().tags()).containsEntry("purpose", "test");
        assertThat(run.benchmarks()).extracting(BenchmarkResult::group).contains("kernels", "peers");
        assertThat(run.benchmarks()).noneMatch(b -> b.group().equals("selftest"));

        List<BenchmarkResult> measured = run.benchmarks().stream()
                .filter(b -> b.status() == BenchmarkStatus.OK)
                .toList();
        assertThat(measured).isNotEmpty();
        for (BenchmarkResult b : measured) {
            Metric time = b.metrics().get("time");
            assertThat(time.better()).isEqualTo(Direction.LOWER);
            assertThat(time.samples()).hasSize(3); // smoke: 3 measured iterations in one JVM
            assertThat(b.metrics().get("throughput").better()).as(b.id()).isEqualTo(Direction.HIGHER);
            assertThat(b.metrics().get("alloc").better()).isEqualTo(Direction.LOWER);
            assertThat(b.metrics().get("alloc").unit()).isEqualTo("B/op");
        }
        // quantization benchmarks carry their accuracy, computed on the same seeded weights
        BenchmarkResult int8 = run.benchmark("quant.quantize/scalar/int8_sym/512x512/per_tensor");
        assertThat(int8.status()).isEqualTo(BenchmarkStatus.OK);
        assertThat(int8.metrics().get("mse").better()).isEqualTo(Direction.LOWER);
        assertThat(int8.metrics().get("max_abs_error").better()).isEqualTo(Direction.LOWER);
        assertThat(int8.metrics().get("cosine").better()).isEqualTo(Direction.HIGHER);
        assertThat(int8.metrics().get("cosine").median()).isBetween(0.99, 1.0);
        assertThat(int8.metrics().get("memory_reduction").better()).isEqualTo(Direction.HIGHER);
        assertThat(run.benchmarks()).extracting(BenchmarkResult::group).contains("quant", "packed", "bitlinear");
        for (BenchmarkResult b : run.benchmarks()) {
            if (b.status() != BenchmarkStatus.OK) {
                assertThat(b.error()).as(b.id()).isNotBlank();
            }
        }
        // every benchmark id in the run came from the catalog's scheme group.op/backend/dtype/shape
        assertThat(run.benchmarks()).allSatisfy(b -> assertThat(b.id()).matches("[a-z]+\\.[a-z0-9_]+/[^/]+/[^/]+/.+"));

        assertThat(validateAgainstSchema(runDir.resolve("performance-report.json")))
                .isEmpty();
        JsonNode raw = MAPPER.readTree(runDir.resolve("jmh-raw.json").toFile());
        assertThat(raw.size()).isEqualTo(measured.size());
        List<String> csv = Files.readAllLines(runDir.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo(CsvReportFormat.HEADER);
        long metricRows = run.benchmarks().stream()
                .mapToLong(b -> Math.max(1, b.metrics().size()))
                .sum();
        assertThat(csv).hasSize((int) metricRows + 1);
        assertThat(RunResultJson.readSystemInfo(runDir.resolve("system-info.json")))
                .isEqualTo(run.system());
        assertThat(Files.readString(runDir.resolve("performance-report.md")))
                .contains("# BitBench run " + run.run().id(), "## System", "## Ratio to the best peer");
        assertThat(r.out()).contains("Run " + run.run().id()).doesNotContain("History store"); // --no-store
        assertThat(r.err()).contains("[1/" + run.benchmarks().size() + "]");
    }

    @Test
    void aBenchmarkThatThrowsAndOneThatHangsMakeThePartialRunTheOthersAreRecorded() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"timeout\": \"5s\"}");
        Result r = run(
                "run",
                "--profile",
                "smoke",
                "--config",
                config.toString(),
                "--filter",
                "^selftest|^peers\\.add/ejml",
                "--output",
                dir.resolve("results").toString(),
                "--no-store",
                "--quiet");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILURE);
        RunResult run = latest();
        assertThat(run.run().status()).isEqualTo(RunStatus.PARTIAL);
        BenchmarkResult throwing = run.benchmark("selftest.throws/test/f32/none");
        assertThat(throwing.status()).isEqualTo(BenchmarkStatus.FAILED);
        assertThat(throwing.error()).contains("IllegalStateException").contains(FaultBenchmarks.MESSAGE);
        BenchmarkResult hanging = run.benchmark("selftest.hangs/test/f32/none");
        assertThat(hanging.status()).isEqualTo(BenchmarkStatus.TIMEOUT);
        assertThat(hanging.error()).contains("timeout");
        // the benchmark after the one that was killed still ran, in a new child JVM
        assertThat(run.benchmark("peers.add/ejml/f32/4096").status()).isEqualTo(BenchmarkStatus.OK);
        assertThat(r.err()).isEmpty(); // --quiet
    }

    @Test
    void storesTheRunInTheHistoryInOneTransactionUnlessNoStoreIsGiven() {
        Path db = dir.resolve("h.db");
        Result r = run(
                "run",
                "--profile",
                "smoke",
                "--filter",
                "^peers\\.add/ejml",
                "--output",
                dir.resolve("results").toString(),
                "--db",
                "jdbc:sqlite:" + db,
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Stored in history: jdbc:sqlite:" + db);
        try (RunStore store = RunStore.open("jdbc:sqlite:" + db)) {
            RunResult stored = store.load(latestId()).orElseThrow();
            assertThat(stored.benchmark("peers.add/ejml/f32/4096").metrics()).containsKey("time");
            assertThat(stored).isEqualTo(latestUnchecked());
        }
    }

    @Test
    void aStoreThatCannotBeReachedFailsTheRunInOneLineAndKeepsTheRunDirectory() {
        Result r = run(
                "run",
                "--profile",
                "smoke",
                "--filter",
                "^peers\\.add/ejml",
                "--output",
                dir.resolve("results").toString(),
                "--db",
                "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2",
                "--quiet");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("bitbench: ").contains("the run directory is kept");
        assertThat(dir.resolve("results/latest/performance-report.json")).isNotEmptyFile();
    }

    private String latestId() {
        return latestUnchecked().run().id();
    }

    private RunResult latestUnchecked() {
        try {
            return latest();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void peerBenchmarksRunWithoutTheOpenBlasOverridesOfTheEnvironment() throws Exception {
        // a whole bitbench process with OPENBLAS_CORETYPE set, as on these CI machines; Prescott is
        // a core no machine that runs this test detects, so seeing it would mean the override leaked
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-modules",
                        "jdk.incubator.vector",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BitBench.class.getName(),
                        "run",
                        "--profile",
                        "smoke",
                        "--filter",
                        "^peers\\.matmul/openblas-1t",
                        "--output",
                        dir.resolve("results").toString(),
                        "--no-store",
                        "--quiet")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("OPENBLAS_CORETYPE", "Prescott");
        pb.environment().put("OPENBLAS_L2_SIZE", "262144");
        Process child = pb.start();
        assertThat(child.waitFor())
                .as(Files.readString(dir.resolve("child.log")))
                .isZero();

        RunResult run = latest();
        assertThat(run.benchmark("peers.matmul/openblas-1t/f32/256x256").status())
                .isEqualTo(BenchmarkStatus.OK);
        Map<?, ?> peers = (Map<?, ?>) run.run().config().get("peers");
        @SuppressWarnings("unchecked")
        Map<String, Object> removed = (Map<String, Object>) peers.get("environment_removed");
        assertThat(removed).containsEntry("OPENBLAS_CORETYPE", "Prescott").containsEntry("OPENBLAS_L2_SIZE", "262144");
        assertThat((String) peers.get("openblas_corename")).isNotBlank().isNotEqualToIgnoringCase("Prescott");
        assertThat(Files.readString(dir.resolve("results/latest/performance-report.md")))
                .contains("the benchmark JVMs ran without ")
                .contains("`OPENBLAS_CORETYPE=Prescott`")
                .contains("`OPENBLAS_L2_SIZE=262144`");
    }

    @Test
    void forksOnAnotherJdkWithJvm() throws IOException {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(jdk25), "JDK 25 is not installed at " + jdk25);
        Result r = run(
                "run",
                "--profile",
                "smoke",
                "--filter",
                "^kernels\\.add/simd",
                "--jvm",
                jdk25.toString(),
                "--output",
                dir.resolve("results").toString(),
                "--no-store",
                "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunResult run = latest();
        assertThat(run.system().jvm().version()).startsWith("25");
        assertThat(run.system().jvm().args()).contains("--add-modules=jdk.incubator.vector");
        assertThat(run.run().config()).containsEntry("jvm", jdk25.toString());
        assertThat(run.benchmark("kernels.add/simd/f32/4096").status()).isEqualTo(BenchmarkStatus.OK);
    }

    @Test
    void aJvmThatCannotRunIsAFailureWithItsOutput() throws IOException {
        Path fake = dir.resolve("java");
        Files.writeString(fake, "#!/bin/sh\necho 'no JVM here' >&2\nexit 3\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        Result r = run(
                "run",
                "--profile",
                "smoke",
                "--filter",
                "^kernels\\.add/simd",
                "--jvm",
                fake.toString(),
                "--output",
                dir.resolve("results").toString(),
                "--no-store",
                "--quiet");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("exited with code 3").contains("no JVM here");
    }

    @Test
    void unknownProfileIsAUsageErrorNamingTheOption() {
        Result r = run("run", "--profile", "fast", "--output", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--profile").contains("fast").contains("smoke, quick, standard, thorough");
    }

    @Test
    void unknownBackendAndBadFilterAreUsageErrors() {
        Result backend = run("run", "--backends", "simd,cublas", "--output", dir.toString());
        assertThat(backend.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(backend.err()).contains("backends").contains("cublas");
        Result filter = run("run", "--filter", "matmul(", "--output", dir.toString());
        assertThat(filter.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(filter.err()).contains("--filter");
    }

    @Test
    void eachMalformedConfigIsAUsageErrorNamingTheKey() throws IOException {
        String[][] cases = {
            {"{\"timeout\": \"soon\"}", "timeout"},
            {"{\"warmup_iterations\": -1}", "warmup_iterations"},
            {"{\"operations\": [\"matmul\", \"teleport\"]}", "operations"},
            {"{\"tensor_sizes\": [[0, 4]]}", "tensor_sizes"},
            {"{\"colour\": \"blue\"}", "colour"},
            {"{\"timeout\": ", "(document)"},
        };
        for (String[] c : cases) {
            Path config = dir.resolve("bad.json");
            Files.writeString(config, c[0]);
            Result r = run("run", "--config", config.toString(), "--output", dir.toString());
            assertThat(r.exitCode()).as(c[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err())
                    .as(c[0])
                    .contains(config.toString())
                    .contains(c[1])
                    .doesNotContain("\tat ");
        }
        assertThat(dir.resolve("latest")).doesNotExist();
    }

    @Test
    void theSeedStyleConfigIsAcceptedAndAnUnavailableDeviceIsSkippedWithItsReason() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                {
                  "tensor_sizes": [[64, 64]],
                  "warmup_iterations": 1,
                  "measurement_iterations": 2,
                  "operations": ["matmul"],
                  "devices": ["cpu", "metal"],
                  "data_types": ["fp32"],
                  "timeout": "30s"
                }
                """);
        Result r = run(
                "run",
                "--profile",
                "smoke",
                "--config",
                config.toString(),
                "--backends",
                "simd,ejml",
                "--output",
                dir.resolve("results").toString(),
                "--no-store",
                "--seed",
                "7");

        RunResult run = latest();
        assertThat(r.exitCode()).as(r.err()).isEqualTo(run.run().status() == RunStatus.OK ? 0 : 1);
        assertThat(run.run().seed()).isEqualTo(7);
        assertThat(run.run().config()).containsEntry("timeout", "30s").containsEntry("measurement_iterations", 2L);
        assertThat(run.benchmarks())
                .extracting(BenchmarkResult::id)
                .containsExactlyInAnyOrder(
                        "kernels.matmul/simd/f32/64x64",
                        "kernels.matmul_tb/simd/f32/64x64",
                        "peers.matmul/ejml/f32/64x64",
                        "kernels.matmul/metal/f32/64x64",
                        "kernels.matmul_tb/metal/f32/64x64");
        BenchmarkResult metal = run.benchmark("kernels.matmul/metal/f32/64x64");
        assertThat(metal.status()).isEqualTo(BenchmarkStatus.SKIPPED);
        assertThat(metal.error()).contains("metal");
        assertThat(run.benchmark("peers.matmul/ejml/f32/64x64")
                        .metrics()
                        .get("time")
                        .samples())
                .hasSize(2);
    }

    @Test
    void aSelectionThatMatchesNothingIsAUsageError() {
        Result r = run("run", "--filter", "no-such-benchmark", "--output", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no benchmark matches");
        assertThat(dir.resolve("latest")).doesNotExist();
    }

    private static List<?> validateAgainstSchema(Path file) throws IOException {
        JsonNode schemaTree = MAPPER.readTree(Files.readString(Path.of("..", "docs", "schema", "run-v1.json")));
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
        return List.copyOf(schema.validate(MAPPER.readTree(file.toFile())));
    }
}
