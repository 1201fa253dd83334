package dev.bitbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitbench.suite.kernels.AddBenchmark;
import dev.bitbench.suite.kernels.MatmulBenchmark;
import dev.bitbench.suite.peers.EjmlBenchmark;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;

class SuiteCatalogTest {
    private static final ClassLoader LOADER = SuiteCatalogTest.class.getClassLoader();

    @Test
    void derivesTheIdFromGroupOpBackendDtypeAndShape() {
        BenchmarkDescriptor d = SuiteCatalog.describe(
                        MatmulBenchmark.class.getName() + ".matmul", Map.of("backend", "simd", "size", "1024"), LOADER)
                .orElseThrow();
        assertThat(d.id()).isEqualTo("kernels.matmul/simd/f32/1024x1024");
        assertThat(d.unit()).isEqualTo(WorkUnit.FLOP);
        assertThat(d.work()).isEqualTo(2.0 * 1024 * 1024 * 1024);
        // 2 GFLOP in 1 s is 2 GFLOPS
        assertThat(d.throughput(1.0)).isEqualTo(2.147483648);
    }

    @Test
    void takesDtypeFromItsParameterAndBackendFromTheAnnotationWhenThereIsNoParameter() {
        BenchmarkDescriptor gemv = SuiteCatalog.describe(
                        MatmulBenchmark.Gemv.class.getName() + ".gemv",
                        Map.of("backend", "scalar", "dtype", "f16", "size", "2048"),
                        LOADER)
                .orElseThrow();
        assertThat(gemv.id()).isEqualTo("kernels.gemv/scalar/f16/2048x2048");
        BenchmarkDescriptor ejml = SuiteCatalog.describe(
                        EjmlBenchmark.Elementwise.class.getName() + ".add", Map.of("size", "4096"), LOADER)
                .orElseThrow();
        assertThat(ejml.id()).isEqualTo("peers.add/ejml/f32/4096");
        assertThat(ejml.work()).isEqualTo(12 * 4096);
        assertThat(ejml.unit().throughputUnit()).isEqualTo("GB/s");
    }

    @Test
    void rejectsATemplateParameterThatTheRunDoesNotSet() {
        assertThatThrownBy(() ->
                        SuiteCatalog.describe(AddBenchmark.class.getName() + ".add", Map.of("backend", "simd"), LOADER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
    }

    @Test
    void everyBenchmarkInTheGeneratedListHasABenchAnnotationAndAUniqueId() throws Exception {
        List<String> ids = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(LOADER.getResourceAsStream("META-INF/BenchmarkList"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                BenchmarkListEntry entry = new BenchmarkListEntry(line);
                String name = entry.getUsername();
                Bench bench = SuiteCatalog.annotation(name, LOADER).orElseThrow(() -> new AssertionError(name));
                // every combination of the declared parameter values must give its own id
                List<Map<String, String>> combinations = List.of(Map.of());
                for (Map.Entry<String, String[]> p :
                        entry.getParams().orElse(Map.of()).entrySet()) {
                    List<Map<String, String>> next = new ArrayList<>();
                    for (Map<String, String> c : combinations) {
                        for (String v : p.getValue()) {
                            Map<String, String> m = new HashMap<>(c);
                            m.put(p.getKey(), v);
                            next.add(m);
                        }
                    }
                    combinations = next;
                }
                for (Map<String, String> params : combinations) {
                    ids.add(SuiteCatalog.describe(bench, name, params).id());
                }
            }
        }
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    }
}
