package dev.bitbench.inference.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file over 2 GiB (sparse, so it takes no disk space): a tensor placed past 2^31 bytes is mapped
 * and read; a single tensor of 2 GiB is refused with a clear message rather than a crash.
 */
class GgufLargeFileTest {
    private static final long BIG_VALUES = 1L << 29; // F32: exactly 2 GiB

    @TempDir
    Path dir;

    @Test
    void tensorsPast2GiBAreMappedAndA2GiBTensorIsRefused() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(GgufReader.MAGIC).putInt(3).putLong(2).putLong(0);
        tensorInfo(header, "big", BIG_VALUES, 0);
        tensorInfo(header, "after", 4, BIG_VALUES * 4);
        long dataStart = GgufReader.alignUp(header.position(), 32);
        Path file = dir.resolve("large.gguf");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header.array(), 0, header.position());
            raf.setLength(dataStart + BIG_VALUES * 4 + 16);
            raf.seek(dataStart + BIG_VALUES * 4);
            ByteBuffer values = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            values.putFloat(1.5f).putFloat(-2f).putFloat(3.25f).putFloat(0f);
            raf.write(values.array());
        }

        try (GgufFile gguf = GgufReader.read(file)) {
            assertThat(gguf.fileSize()).isGreaterThan(Integer.MAX_VALUE);
            ByteBuffer after = gguf.tensorData(gguf.tensor("after").orElseThrow());
            assertThat(after.getFloat(0)).isEqualTo(1.5f);
            assertThat(after.getFloat(8)).isEqualTo(3.25f);
            assertThatThrownBy(() -> gguf.tensorData(gguf.tensor("big").orElseThrow()))
                    .isInstanceOf(GgufFormatException.class)
                    .hasMessageContaining("tensor 'big'", "2 GiB");
        }
    }

    private static void tensorInfo(ByteBuffer b, String name, long values, long offset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        b.putLong(n.length)
                .put(n)
                .putInt(1)
                .putLong(values)
                .putInt(GgmlType.F32.id())
                .putLong(offset);
    }
}
