package dev.bitbench.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final float[] LOGITS = {1f, 3f, 2f, 3f, -1f};

    @Test
    void greedyTakesTheLargestLogitAndTheLowestIdOnATie() {
        assertThat(Sampler.greedy().sample(LOGITS, 5)).isEqualTo(1);
        assertThat(Sampler.greedy().sample(LOGITS, 1)).isEqualTo(0);
        assertThat(new Sampler(1f, 1, 1f, 3).sample(LOGITS, 5)).isEqualTo(1);
    }

    @Test
    void sameSeedSameTokens() {
        Sampler a = new Sampler(0.8f, 0, 1f, 42);
        Sampler b = new Sampler(0.8f, 0, 1f, 42);
        for (int i = 0; i < 50; i++) {
            assertThat(a.sample(LOGITS, 5)).isEqualTo(b.sample(LOGITS, 5));
        }
    }

    @Test
    void frequenciesFollowTheSoftmax() {
        float[] logits = {0f, (float) Math.log(2), (float) Math.log(3), (float) Math.log(4)};
        Sampler s = new Sampler(1f, 0, 1f, 7);
        int[] counts = new int[4];
        int n = 20000;
        for (int i = 0; i < n; i++) {
            counts[s.sample(logits, 4)]++;
        }
        for (int i = 0; i < 4; i++) {
            assertThat(counts[i] / (double) n).isCloseTo((i + 1) / 10.0, org.assertj.core.data.Offset.offset(0.015));
        }
    }

    @Test
    void topKAndTopPRemoveTheTail() {
        float[] logits = {0f, (float) Math.log(2), (float) Math.log(3), (float) Math.log(4)};
        Sampler topK = new Sampler(1f, 2, 1f, 1);
        Sampler topP = new Sampler(1f, 0, 0.65f, 1); // 0.4 + 0.3 reaches 0.65: ids 3 and 2
        for (int i = 0; i < 2000; i++) {
            assertThat(topK.sample(logits, 4)).isIn(2, 3);
            assertThat(topP.sample(logits, 4)).isIn(2, 3);
        }
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> new Sampler(-1f, 0, 1f, 0)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> new Sampler(1f, -1, 1f, 0)).hasMessageContaining("top-k");
        assertThatThrownBy(() -> new Sampler(1f, 0, 0f, 0)).hasMessageContaining("top-p");
    }
}
