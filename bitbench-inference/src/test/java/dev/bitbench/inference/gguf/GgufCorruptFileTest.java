package dev.bitbench.inference.gguf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GgufCorruptFileTest {
    /** Little-endian bytes written by hand, to build files the writer refuses to produce. */
    private static final class Raw {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Raw u32(long v) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)));
            }
            return this;
        }

        Raw u64(long v) {
            return u32(v).u32(v >>> 32);
        }

        Raw str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            out.write(b, 0, b.length);
            return this;
        }

        Raw bytes(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        Raw header(long tensors, long kvs) {
            return u32(GgufReader.MAGIC).u32(3).u64(tensors).u64(kvs);
        }

        byte[] build() {
            return out.toByteArray();
        }
    }

    private static void rejects(byte[] file, String... fragments) {
        assertThatThrownBy(() -> GgufReader.read(file))
                .isExactlyInstanceOf(GgufFormatException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void wrongMagic() {
        rejects(new Raw().u32(0x46554746).u32(3).u64(0).u64(0).build(), "not a GGUF file", "magic");
        rejects(new byte[] {'G', 'G'}, "not a GGUF file");
        rejects(new byte[0], "not a GGUF file");
    }

    @Test
    void unknownVersions() {
        rejects(new Raw().u32(GgufReader.MAGIC).u32(1).u64(0).u64(0).build(), "version 1", "expected 2 or 3");
        rejects(new Raw().u32(GgufReader.MAGIC).u32(4).u64(0).u64(0).build(), "version 4");
        rejects(new Raw().u32(GgufReader.MAGIC).u32(0x03000000).build(), "big-endian");
    }

    @Test
    void everyTruncationOfAValidFile() {
        byte[] valid = GgufSamples.validFile();
        for (int length = 0; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> GgufReader.read(prefix))
                    .as("prefix of %d of %d bytes", length, valid.length)
                    .isExactlyInstanceOf(GgufFormatException.class);
        }
    }

    @Test
    void countsPastTheEnd() {
        rejects(new Raw().header(1L << 40, 0).build(), "tensor count", "impossible");
        rejects(new Raw().header(0, Long.MAX_VALUE).build(), "metadata count", "impossible");
        rejects(new Raw().header(0, -1).build(), "metadata count 18446744073709551615");
    }

    @Test
    void absurdStringLengthIsRejectedBeforeAllocating() {
        rejects(
                new Raw().header(0, 1).u64(1L << 62).u64(0).build(),
                "truncated",
                "metadata key needs 4611686018427387904 bytes",
                "4611686018427387904");
        rejects(new Raw().header(0, 1).str("k").u32(8).u64(0x7fff_ffff_0000L).build(), "truncated", "string");
    }

    @Test
    void absurdArrayCountIsRejectedBeforeAllocating() {
        rejects(new Raw().header(0, 1).str("k").u32(9).u32(4).u64(1L << 60).build(), "array length", "impossible");
        rejects(new Raw().header(0, 1).str("k").u32(9).u32(9).u64(2).build(), "array length", "impossible");
    }

    @Test
    void deeplyNestedArraysAreRejected() {
        Raw raw = new Raw().header(0, 1).str("k").u32(9);
        for (int i = 0; i < 40; i++) {
            raw.u32(9).u64(1);
        }
        rejects(raw.u32(0).u64(0).build(), "nested deeper");
    }

    @Test
    void duplicateKeys() {
        rejects(
                new Raw()
                        .header(0, 2)
                        .str("a")
                        .u32(7)
                        .bytes(1)
                        .str("a")
                        .u32(7)
                        .bytes(0)
                        .build(),
                "duplicate metadata key 'a'");
    }

    @Test
    void badValueTypesAndBools() {
        rejects(
                new Raw().header(0, 1).str("k").u32(13).bytes(0, 0, 0, 0).build(),
                "unknown metadata value type 13",
                "metadata key 'k'");
        rejects(new Raw().header(0, 1).str("k").u32(7).bytes(2).build(), "bool value 2");
    }

    @Test
    void badAlignment() {
        rejects(new Raw().header(0, 1).str("general.alignment").u32(4).u32(48).build(), "general.alignment is 48");
        rejects(new Raw().header(0, 1).str("general.alignment").u32(5).u32(32).build(), "expected UINT32");
    }

    private static Raw oneTensor(int nDims, long[] dims, int type, long offset) {
        Raw raw = new Raw().header(1, 0).str("w").u32(nDims);
        for (long d : dims) {
            raw.u64(d);
        }
        return raw.u32(type).u64(offset);
    }

    private static byte[] withData(Raw raw, int dataBytes) {
        byte[] head = raw.build();
        int start = (int) GgufReader.alignUp(head.length, 32);
        return Arrays.copyOf(head, start + dataBytes);
    }

    @Test
    void tensorLargerThanTheFile() {
        rejects(withData(oneTensor(2, new long[] {256, 1000}, 35, 0), 66), "tensor 'w'", "extends past the end");
        rejects(withData(oneTensor(1, new long[] {4}, 0, 1L << 40), 16), "tensor 'w'", "extends past the end");
        rejects(withData(oneTensor(2, new long[] {1L << 40, 1L << 40}, 0, 0), 16), "too many elements");
    }

    @Test
    void offsetsMisalignedOrPastAnyFile() {
        rejects(withData(oneTensor(1, new long[] {4}, 0, 4), 64), "not a multiple of the alignment 32");
        rejects(withData(oneTensor(1, new long[] {4}, 0, -32), 64), "past any file");
    }

    @Test
    void unsupportedTensorTypeNamesTypeAndTensor() {
        rejects(withData(oneTensor(1, new long[] {256}, 12, 0), 256), "tensor 'w'", "Q4_K", "not support");
        rejects(withData(oneTensor(1, new long[] {256}, 99, 0), 256), "tensor 'w'", "ggml type id 99");
    }

    @Test
    void badDimensions() {
        rejects(withData(oneTensor(5, new long[] {1, 1, 1, 1, 1}, 0, 0), 4), "5 dimensions");
        rejects(withData(oneTensor(1, new long[] {100}, 35, 0), 66), "not a multiple of the block size 256");
        rejects(withData(oneTensor(1, new long[] {-1}, 0, 0), 4), "dimension 18446744073709551615");
    }

    @Test
    void duplicateTensors() {
        byte[] file = GgufWriter.toBytes(
                3,
                Map.of(),
                List.of(
                        GgufWriter.TensorSpec.of("a", List.of(1L), GgmlType.F32, new byte[4]),
                        GgufWriter.TensorSpec.of("b", List.of(1L), GgmlType.F32, new byte[4])));
        // rename "b" to "a" in place: names are stored as length + bytes
        for (int i = file.length - 1; i >= 0; i--) {
            if (file[i] == 'b' && file[i - 8] == 1) {
                file[i] = 'a';
                break;
            }
        }
        rejects(file, "duplicate tensor 'a'");
    }
}
