package dev.bitbench.kernels.packed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Reads the hex golden files under {@code src/test/resources/golden} (see the README there). */
final class GoldenHex {
    private GoldenHex() {}

    static List<String> lines(String name) {
        try (InputStream in = GoldenHex.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One float per line as its 8-hex-digit bit pattern. */
    static float[] floats(String name) {
        List<String> lines = lines(name);
        float[] out = new float[lines.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(lines.get(i).trim(), 16));
        }
        return out;
    }

    /** All blocks of a file, concatenated in order. */
    static byte[] blocks(String name) {
        return HexFormat.of().parseHex(String.join("", lines(name)).replace(" ", ""));
    }
}
