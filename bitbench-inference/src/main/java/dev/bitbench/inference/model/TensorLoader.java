package dev.bitbench.inference.model;

import dev.bitbench.inference.gguf.GgmlType;
import dev.bitbench.inference.gguf.GgufFile;
import dev.bitbench.inference.gguf.GgufFormatException;
import dev.bitbench.inference.gguf.GgufTensorInfo;
import dev.bitbench.kernels.Fp16;
import dev.bitbench.kernels.packed.PackedTernaryMatrix;
import dev.bitbench.kernels.packed.Tq1_0;
import dev.bitbench.kernels.packed.Tq2_0;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Turns mapped GGUF tensors into the kernels' in-memory forms: TQ2_0 / TQ1_0 linear weights into
 * {@link PackedTernaryMatrix} (one scale per row), F32 vectors into {@code float[]}, F16 matrices
 * into half bits. The kernels work on Java arrays, so these are the only copies the engine makes;
 * the file itself stays mapped, never read whole.
 */
final class TensorLoader {
    private final GgufFile gguf;

    TensorLoader(GgufFile gguf) {
        this.gguf = gguf;
    }

    GgufTensorInfo require(String name, long... shape) throws GgufFormatException {
        GgufTensorInfo t = gguf.tensor(name).orElseThrow(() -> new GgufFormatException("missing tensor " + name));
        List<Long> expected = java.util.Arrays.stream(shape).boxed().toList();
        if (!t.shape().equals(expected)) {
            throw new GgufFormatException("tensor " + name + " has shape " + t.shape() + ", expected " + expected);
        }
        return t;
    }

    /** An F32 vector of {@code n} values. */
    float[] vector(String name, int n) throws IOException {
        GgufTensorInfo t = require(name, n);
        if (t.type() != GgmlType.F32) {
            throw new GgufFormatException("tensor " + name + " has type " + t.type() + ", expected F32");
        }
        float[] out = new float[n];
        gguf.tensorData(t).asFloatBuffer().get(out);
        return out;
    }

    /** An optional single-value F32 scale tensor ({@code blk.N.attn_q.scale}); 1 when absent. */
    float optionalScale(String name) throws IOException {
        Optional<GgufTensorInfo> t = gguf.tensor(name);
        if (t.isEmpty()) {
            return 1f;
        }
        if (t.get().type() != GgmlType.F32 || t.get().elementCount() != 1) {
            throw new GgufFormatException(
                    "tensor " + name + " is " + t.get().type() + " " + t.get().shape() + ", expected one F32 value");
        }
        return gguf.tensorData(t.get()).getFloat(0);
    }

    /**
     * A {@code [rows x cols]} TQ2_0 or TQ1_0 weight as a packed ternary matrix with one scale per
     * row, times {@code extraScale}.
     *
     * @throws GgufFormatException if the type is not ternary, a code is not ternary, or the blocks
     *     of one row have different non-zero scales (per-block scales are not supported)
     */
    PackedTernaryMatrix ternary(String name, int rows, int cols, float extraScale) throws IOException {
        GgufTensorInfo t = require(name, cols, rows);
        if (t.type() != GgmlType.TQ2_0 && t.type() != GgmlType.TQ1_0) {
            throw new GgufFormatException(
                    "tensor " + name + " has type " + t.type() + "; linear weights must be TQ2_0 or TQ1_0");
        }
        ByteBuffer data = gguf.tensorData(t);
        int rowBytes = (int) t.type().bytesFor(cols);
        int blockBytes = t.type().blockBytes();
        int blocks = cols / 256;
        byte[] raw = new byte[rowBytes];
        float[] values = new float[cols];
        byte[] trits = new byte[Math.multiplyExact(rows, cols)];
        float[] scales = new float[rows];
        for (int r = 0; r < rows; r++) {
            data.get(r * rowBytes, raw);
            float d = 0f;
            for (int b = 0; b < blocks; b++) {
                int at = b * blockBytes + blockBytes - 2;
                float db = Fp16.toFloat((short) ((raw[at] & 0xff) | (raw[at + 1] << 8)));
                if (db != 0f && d != 0f && db != d) {
                    throw new GgufFormatException("tensor " + name + " row " + r + " has block scales " + d + " and "
                            + db + "; weights with different scales within a row are not supported");
                }
                if (db != 0f) {
                    d = db;
                }
            }
            if (!Float.isFinite(d)) {
                throw new GgufFormatException("tensor " + name + " row " + r + " has scale " + d);
            }
            if (t.type() == GgmlType.TQ2_0) {
                tq2Trits(name, raw, r, cols, trits, r * cols);
                scales[r] = d * extraScale;
                continue;
            } else {
                Tq1_0.dequantize(raw, 0, values, 0, cols);
            }
            for (int c = 0; c < cols; c++) {
                float q = d == 0f ? 0f : values[c] / d;
                if (q != -1f && q != 0f && q != 1f) {
                    throw new GgufFormatException("tensor " + name + " [" + r + ", " + c + "] decodes to " + q
                            + " times the scale; only -1, 0 and 1 are ternary");
                }
                trits[r * cols + c] = (byte) q;
            }
            scales[r] = d * extraScale;
        }
        return PackedTernaryMatrix.pack(trits, rows, cols, scales);
    }

    /**
     * Reads the codes of one TQ2_0 row straight into trits (the layout of {@link Tq2_0}: in chunk
     * {@code c} of a block, bits {@code [2n, 2n+2)} of byte {@code 32c + m} are value {@code 128c +
     * 32n + m}); a block with scale 0 is all zeros. Same result as dequantizing and dividing by the
     * row scale, without the floats.
     */
    private static void tq2Trits(String name, byte[] raw, int row, int cols, byte[] trits, int at)
            throws GgufFormatException {
        for (int b = 0; b < cols / 256; b++) {
            int base = b * 66;
            boolean zero = raw[base + 64] == 0 && (raw[base + 65] & 0x7f) == 0;
            for (int c = 0; c < 2; c++) {
                for (int n = 0; n < 4; n++) {
                    for (int m = 0; m < 32; m++) {
                        int q = (raw[base + 32 * c + m] >>> (2 * n)) & 3;
                        int col = b * 256 + 128 * c + 32 * n + m;
                        if (q == 3 && !zero) {
                            throw new GgufFormatException("tensor " + name + " [" + row + ", " + col
                                    + "] decodes to 2.0 times the scale; only -1, 0 and 1 are ternary");
                        }
                        trits[at + col] = zero ? 0 : (byte) (q - 1);
                    }
                }
            }
        }
    }

    /** A {@code [rows x cols]} F16 matrix as half bits, row-major. */
    short[] halfMatrix(String name, int rows, int cols) throws IOException {
        GgufTensorInfo t = require(name, cols, rows);
        if (t.type() != GgmlType.F16) {
            throw new GgufFormatException("tensor " + name + " has type " + t.type() + ", expected F16");
        }
        short[] out = new short[Math.multiplyExact(rows, cols)];
        gguf.tensorData(t).asShortBuffer().get(out);
        return out;
    }
}
