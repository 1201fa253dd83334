package dev.bitbench.inference.gguf;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Mutated and truncated valid files: the reader either succeeds or throws GgufFormatException. */
class GgufFuzzTest {
    private static final byte[] VALID = GgufSamples.validFile();

    record Mutation(List<Tuple.Tuple2<Integer, Byte>> writes, int length) {}

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Tuple.Tuple2<Integer, Byte>> write = Combinators.combine(
                        Arbitraries.integers().between(0, VALID.length - 1),
                        Arbitraries.oneOf(
                                Arbitraries.bytes(), Arbitraries.of((byte) 0, (byte) 0xff, (byte) 0x7f, (byte) 0x80)))
                .as(Tuple::of);
        Arbitrary<Integer> length = Arbitraries.oneOf(
                Arbitraries.just(VALID.length), Arbitraries.integers().between(0, VALID.length + 64));
        return Combinators.combine(write.list().ofMinSize(1).ofMaxSize(8), length)
                .as(Mutation::new);
    }

    @Property(tries = 400, seed = "42")
    void onlyFormatErrorsEscape(@ForAll("mutations") Mutation mutation) throws IOException {
        byte[] file = Arrays.copyOf(VALID, mutation.length());
        for (Tuple.Tuple2<Integer, Byte> w : mutation.writes()) {
            if (w.get1() < file.length) {
                file[w.get1()] = w.get2();
            }
        }
        GgufFile gguf;
        try {
            gguf = GgufReader.read(file);
        } catch (GgufFormatException expected) {
            return;
        }
        for (GgufTensorInfo t : gguf.tensors()) {
            gguf.tensorData(t).get(t.byteSize() > 0 ? (int) t.byteSize() - 1 : 0);
        }
    }
}
