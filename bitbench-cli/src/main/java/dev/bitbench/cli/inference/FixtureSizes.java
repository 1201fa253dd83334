package dev.bitbench.cli.inference;

import dev.bitbench.inference.fixtures.FixtureShape;
import dev.bitbench.inference.gguf.GgmlType;

/** Expected tensor bytes of a fixture, for progress display. */
final class FixtureSizes {
    private FixtureSizes() {}

    static long estimateBytes(FixtureShape s, GgmlType type) {
        long kv = (long) s.nKvHeads() * s.headDim();
        long perLayer = 2L * s.nEmbd() * s.nEmbd() + 2L * kv * s.nEmbd() + 3L * s.nFf() * s.nEmbd();
        long ternary = type.bytesFor(perLayer) * s.nLayers();
        return ternary + 2L * s.vocab() * s.nEmbd();
    }
}
