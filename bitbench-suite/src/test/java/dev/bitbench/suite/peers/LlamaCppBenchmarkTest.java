package dev.bitbench.suite.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.suite.BenchmarkDescriptor;
import dev.bitbench.suite.SuiteCatalog;
import dev.bitbench.suite.inference.InferenceBenchmark;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class LlamaCppBenchmarkTest {
    private static final ClassLoader LOADER = LlamaCppBenchmarkTest.class.getClassLoader();

    private static BenchmarkDescriptor describe(String benchmark, String backend) {
        return SuiteCatalog.describe(benchmark, Map.of("backend", backend, "model", "small", "prompt", "128"), LOADER)
                .orElseThrow();
    }

    @Test
    void llamaCppRowsLineUpWithTheJavaEngineRowsByOpDtypeAndShape() {
        String peer = LlamaCppBenchmark.class.getName();
        String java = InferenceBenchmark.class.getName();
        for (String op : new String[] {"decode", "prefill"}) {
            BenchmarkDescriptor ours = describe(java + "." + op, "simd");
            BenchmarkDescriptor theirs = describe(peer + "." + op, "llama-cpp-1t");
            assertThat(theirs.group()).isEqualTo("peers");
            assertThat(theirs.op()).isEqualTo(ours.op());
            assertThat(theirs.dtype()).isEqualTo(ours.dtype());
            assertThat(theirs.shape()).isEqualTo(ours.shape());
            assertThat(theirs.work()).isEqualTo(ours.work());
            assertThat(theirs.unit()).isEqualTo(ours.unit());
        }
        assertThat(describe(peer + ".decode", "llama-cpp-1t").id()).isEqualTo("peers.decode/llama-cpp-1t/tq2_0/small");
        assertThat(describe(peer + ".prefill", "llama-cpp").id())
                .isEqualTo("peers.prefill/llama-cpp/tq2_0/small/prompt128");
    }

    @Test
    void declaresTheSamePromptLengthsAndModelsAsTheJavaEngineBenchmarkSoProfilesPickTheSameFixtures() throws Exception {
        for (String field : new String[] {"prompt", "model"}) {
            String[] ours = InferenceBenchmark.class
                    .getField(field)
                    .getAnnotation(Param.class)
                    .value();
            String[] theirs = LlamaCppBenchmark.class
                    .getField(field)
                    .getAnnotation(Param.class)
                    .value();
            assertThat(theirs).as(field).containsExactly(ours);
        }
    }
}
