package dev.bitbench.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.inference.gguf.GgufFile;
import dev.bitbench.inference.gguf.GgufReader;
import dev.bitbench.kernels.Backends;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationTest {
    static Generation.Result run(String backend, Sampler sampler) throws IOException {
        BitnetModel model = BitnetModel.load(InferenceSessionTest.tiny());
        Tokenizer tokenizer = Tokenizer.from(model.metadata());
        InferenceSession session = new InferenceSession(model, Backends.byName(backend, 2), 64);
        return Generation.generate(session, tokenizer, "Hello", 12, sampler, t -> {});
    }

    @Test
    void greedyGenerationIsDeterministicAndAgreesAcrossBackends() throws IOException {
        Generation.Result a = run("simd", Sampler.greedy());
        Generation.Result b = run("simd", Sampler.greedy());
        Generation.Result c = run("parallel", Sampler.greedy());
        assertThat(a.generated()).hasSize(12).containsExactly(b.generated()).containsExactly(c.generated());
        assertThat(a.text()).isEqualTo(b.text());
        assertThat(a.promptTokens()).hasSize(7); // BOS, ▁, then the bytes H e l l o (no piece matches)
        assertThat(a.decodeSteps()).isEqualTo(11);
    }

    @Test
    void greedyTokensAreTheReferenceArgmaxAtEveryStep() throws IOException {
        Generation.Result r = run("scalar", Sampler.greedy());
        List<Integer> sequence = new ArrayList<>();
        for (int t : r.promptTokens()) {
            sequence.add(t);
        }
        for (int t : r.generated()) {
            sequence.add(t);
        }
        int[] all = sequence.stream().mapToInt(Integer::intValue).toArray();
        double[][] reference;
        try (GgufFile gguf = GgufReader.read(InferenceSessionTest.tiny())) {
            reference = new FloatReference(gguf, FloatReference.Activations.INT8_PER_TOKEN).logits(all);
        }
        for (int i = 0; i < r.generated().length; i++) {
            double[] logits = reference[r.promptTokens().length - 1 + i];
            int best = 0;
            for (int v = 1; v < logits.length; v++) {
                if (logits[v] > logits[best]) {
                    best = v;
                }
            }
            assertThat(r.generated()[i]).as("step %d", i).isEqualTo(best);
        }
    }

    @Test
    void seededSamplingRepeats() throws IOException {
        Generation.Result a = run("simd", new Sampler(0.9f, 40, 0.95f, 5));
        Generation.Result b = run("simd", new Sampler(0.9f, 40, 0.95f, 5));
        Generation.Result greedy = run("simd", Sampler.greedy());
        assertThat(a.generated()).containsExactly(b.generated());
        assertThat(a.generated()).isNotEqualTo(greedy.generated());
    }
}
