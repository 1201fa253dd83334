package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.config.TensorSize;
import dev.bitbench.suite.kernels.AddBenchmark;
import dev.bitbench.suite.kernels.MatmulBenchmark;
import dev.bitbench.suite.peers.EjmlBenchmark;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SuitePlannerTest {
    private static final List<String> LINES = SuiteExecutor.benchmarkListLines();

    private static List<String> ids(SuitePlanner.Request request) {
        return SuitePlanner.plan(request, LINES, SuitePlannerTest.class.getClassLoader()).stream()
                .map(BenchmarkCase::id)
                .toList();
    }

    private static SuitePlanner.Request request(
            String filter, Set<String> backends, List<TensorSize> sizes, int perBench) {
        return new SuitePlanner.Request(
                Optional.ofNullable(filter).map(Pattern::compile), backends, sizes, perBench, Set.of(), Set.of());
    }

    @Test
    void expandsEveryCombinationOfBackendAndSize() {
        List<String> ids = ids(request("^kernels\\.add/", Set.of(), List.of(), 0));
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        "kernels.add/scalar/f32/4096",
                        "kernels.add/scalar/f32/65536",
                        "kernels.add/scalar/f32/1048576",
                        "kernels.add/simd/f32/4096",
                        "kernels.add/simd/f32/65536",
                        "kernels.add/simd/f32/1048576",
                        "kernels.add/parallel/f32/4096",
                        "kernels.add/parallel/f32/65536",
                        "kernels.add/parallel/f32/1048576");
    }

    @Test
    void theQ8_0GemvCountsAsAnInt8DataType() {
        SuitePlanner.Request onlyI8 = new SuitePlanner.Request(
                Optional.of(Pattern.compile("^kernels\\.gemv/simd/")), Set.of(), List.of(), 1, Set.of(), Set.of("i8"));
        assertThat(ids(onlyI8)).containsExactly("kernels.gemv/simd/q8_0/1024x1024");
        assertThat(ids(request("^kernels\\.gemv/simd/", Set.of(), List.of(), 1)))
                .containsExactlyInAnyOrder(
                        "kernels.gemv/simd/f32/1024x1024",
                        "kernels.gemv/simd/f16/1024x1024",
                        "kernels.gemv/simd/q8_0/1024x1024");
    }

    @Test
    void profilesKeepTheSmallestSizesAndSizesReplaceThem() {
        assertThat(ids(request("^kernels\\.matmul/scalar", Set.of(), List.of(), 1)))
                .containsExactly("kernels.matmul/scalar/f32/256x256");
        assertThat(ids(request("^kernels\\.matmul/scalar", Set.of(), List.of(), 2)))
                .containsExactly("kernels.matmul/scalar/f32/256x256", "kernels.matmul/scalar/f32/512x512");
        List<TensorSize> sizes = List.of(new TensorSize(64, 64), new TensorSize(2048, 2048));
        assertThat(ids(request("^kernels\\.matmul/scalar", Set.of(), sizes, 1)))
                .containsExactly("kernels.matmul/scalar/f32/64x64", "kernels.matmul/scalar/f32/2048x2048");
        // elementwise benchmarks take the tensor's element count, row ops its row length
        assertThat(ids(request("^kernels\\.(add|softmax)/simd", Set.of(), List.of(new TensorSize(256, 512)), 1)))
                .containsExactlyInAnyOrder("kernels.add/simd/f32/131072", "kernels.softmax/simd/f32/512");
    }

    @Test
    void aNonSquareSizeSkipsTheSquareMatrixBenchmarks() {
        assertThat(ids(request("^kernels\\.(matmul|add)/simd", Set.of(), List.of(new TensorSize(256, 512)), 1)))
                .containsExactly("kernels.add/simd/f32/131072");
    }

    @Test
    void namingAPeerBackendNarrowsThePeersToo() {
        assertThat(ids(request("(^kernels\\.matmul/|^peers\\.matmul/)", Set.of("simd", "ejml"), List.of(), 1)))
                .containsExactlyInAnyOrder("kernels.matmul/simd/f32/256x256", "peers.matmul/ejml/f32/256x256");
    }

    @Test
    void configOperationsSelectByCategory() {
        SuitePlanner.Request r = new SuitePlanner.Request(
                Optional.of(Pattern.compile("/scalar/|/ejml/")),
                Set.of(),
                List.of(),
                1,
                Set.of("multiply", "activations"),
                Set.of());
        assertThat(ids(r))
                .containsExactlyInAnyOrder(
                        "kernels.mul/scalar/f32/4096",
                        "kernels.relu/scalar/f32/4096",
                        "kernels.gelu/scalar/f32/4096",
                        "kernels.silu/scalar/f32/4096",
                        "kernels.swish/scalar/f32/4096",
                        "kernels.relu2/scalar/f32/4096",
                        "peers.mul/ejml/f32/4096");
    }

    @Test
    void backendsNarrowTheKernelsButKeepThePeers() {
        List<String> ids = ids(request("(^kernels\\.matmul/|^peers\\.matmul/ejml)", Set.of("simd"), List.of(), 1));
        assertThat(ids).containsExactlyInAnyOrder("kernels.matmul/simd/f32/256x256", "peers.matmul/ejml/f32/256x256");
    }

    @Test
    void opsAndDtypesSelectToo() {
        SuitePlanner.Request r = new SuitePlanner.Request(
                Optional.empty(), Set.of("scalar"), List.of(), 1, Set.of("gemv"), Set.of("f16"));
        assertThat(ids(r)).containsExactly("kernels.gemv/scalar/f16/1024x1024");
    }

    @Test
    void planLinesRoundTripWhatTheHostNeeds() {
        BenchmarkCase c = SuitePlanner.plan(
                        request("^kernels\\.gemv/simd/f16/1024x1024$", Set.of(), List.of(), 0),
                        LINES,
                        getClass().getClassLoader())
                .get(0);
        BenchmarkCase.PlanLine line = BenchmarkCase.PlanLine.parse(c.toPlanLine());
        assertThat(line.benchmark())
                .isEqualTo(MatmulBenchmark.Gemv.class.getName().replace('$', '.') + ".gemv");
        assertThat(line.backend()).isEqualTo("simd");
        assertThat(line.params()).containsEntry("dtype", "f16").containsEntry("size", "1024");
        assertThat(AddBenchmark.class).isNotNull();
        assertThat(EjmlBenchmark.class).isNotNull();
    }

    private static List<String> inferenceIds(String profile, int perBench) {
        return ids(new SuitePlanner.Request(
                Optional.of(Pattern.compile("^inference\\.decode/simd/")),
                Set.of(),
                List.of(),
                perBench,
                Set.of(),
                Set.of(),
                profile));
    }

    @Test
    void profilesPickTheModelFixtures() {
        assertThat(inferenceIds("smoke", 1)).containsExactly("inference.decode/simd/tq2_0/tiny");
        assertThat(inferenceIds("quick", 1)).containsExactly("inference.decode/simd/tq2_0/small");
        assertThat(inferenceIds("standard", 2)).containsExactly("inference.decode/simd/tq2_0/small");
        assertThat(inferenceIds("thorough", 0))
                .containsExactly("inference.decode/simd/tq2_0/small", "inference.decode/simd/tq2_0/medium");
        // without a profile the model is narrowed like any parameter: the first declared value
        assertThat(inferenceIds("", 1)).containsExactly("inference.decode/simd/tq2_0/tiny");
    }

    @Test
    void quickRunsTheSmallModelOnOneThreadAndOnAllThreads() {
        List<String> ids = ids(new SuitePlanner.Request(
                Optional.of(Pattern.compile("^inference\\.decode/")),
                Set.of(),
                List.of(),
                1,
                Set.of(),
                Set.of(),
                "quick"));
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        "inference.decode/simd/tq2_0/small", "inference.decode/parallel/tq2_0/small");
    }

    @Test
    void quickPlanMeasuresPerTokenLatencyAndTheLlamaCppPeerOnTheSameSmallFixture() {
        List<String> ids = ids(new SuitePlanner.Request(
                Optional.of(Pattern.compile("^(inference|peers)\\.decode")),
                Set.of(),
                List.of(),
                1,
                Set.of(),
                Set.of(),
                "quick"));
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        "inference.decode/simd/tq2_0/small",
                        "inference.decode/parallel/tq2_0/small",
                        "inference.decode_latency/simd/tq2_0/small",
                        "inference.decode_latency/parallel/tq2_0/small",
                        "peers.decode/llama-cpp-1t/tq2_0/small",
                        "peers.decode/llama-cpp/tq2_0/small");
    }
}
