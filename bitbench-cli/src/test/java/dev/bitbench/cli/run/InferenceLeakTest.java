package dev.bitbench.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.memory.LeakCheck;
import dev.bitbench.inference.fixtures.FixtureManifest;
import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.fixtures.Fixtures;
import dev.bitbench.inference.gguf.GgmlType;
import dev.bitbench.inference.model.BitnetModel;
import dev.bitbench.inference.model.InferenceSession;
import dev.bitbench.inference.model.NumericsMode;
import dev.bitbench.kernels.Backend;
import dev.bitbench.kernels.Backends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BitNet engine on the tiny fixture (generated from seed 42) leaves no heap behind per request:
 * neither a reused session (reset, prompt, decode) nor a new session per request grows the live
 * heap from 20 to 200 requests beyond the tolerance; a request that keeps its logits does.
 */
class InferenceLeakTest {
    private static final int[] PROMPT = {1, 75, 104, 111, 3};
    private static final int DECODE = 3;
    /** 180 more requests: a leak of 1.5 KiB or more per request is above the 256 KiB tolerance. */
    private static final LeakCheck CHECK = new LeakCheck(20, 200, 256 * 1024);

    @TempDir
    static Path fixtures;

    static BitnetModel model;

    @BeforeAll
    static void generateTheTinyFixture() throws IOException {
        FixtureManifest.Entry entry = Fixtures.generate(fixtures, FixtureShape.TINY, GgmlType.TQ2_0, 42, bytes -> {});
        model = BitnetModel.load(fixtures.resolve(entry.file()));
    }

    /** One request: the prompt in one batch, then greedy-free fixed decode tokens; the last logits. */
    private static float[] request(InferenceSession session) {
        session.reset();
        float[] logits = session.forward(PROMPT, 0, PROMPT.length);
        for (int i = 0; i < DECODE; i++) {
            logits = session.forward(PROMPT[i] + 7);
        }
        return logits;
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd", "parallel"})
    void aReusedSessionRetainsNothingPerRequest(String name) {
        InferenceSession session = new InferenceSession(model, Backends.byName(name, 2), 16, NumericsMode.BITNET);

        LeakCheck.Verdict verdict = CHECK.run(() -> request(session)).value();

        assertThat(verdict.leaking()).as(verdict.toString()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "simd"})
    void aNewSessionPerRequestRetainsNothingOnceItIsDropped(String name) {
        Backend backend = Backends.byName(name, 2);

        LeakCheck.Verdict verdict = CHECK.run(
                        () -> request(new InferenceSession(model, backend, 16, NumericsMode.BITNET)))
                .value();

        assertThat(verdict.leaking()).as(verdict.toString()).isFalse();
    }

    @Test
    void keepingEachRequestsLogitsIsFlagged() {
        InferenceSession session = new InferenceSession(model, Backends.simd(), 16, NumericsMode.BITNET);
        List<float[]> kept = new ArrayList<>();

        LeakCheck.Verdict verdict =
                CHECK.run(() -> kept.add(request(session).clone())).value();

        // the tiny vocabulary has 512 entries: 2 KiB of logits per request
        assertThat(verdict.leaking()).as(verdict.toString()).isTrue();
        assertThat(verdict.bytesPerRun()).isGreaterThanOrEqualTo(2048.0);
    }
}
