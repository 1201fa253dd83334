package dev.bitbench.inference.model;

import dev.bitbench.inference.gguf.GgufFile;
import dev.bitbench.inference.gguf.GgufTensorInfo;
import dev.bitbench.kernels.Fp16;
import dev.bitbench.kernels.packed.Tq2_0;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An independent reference of the bitnet forward pass for tests: weights dequantized to float
 * once, plain loops in double, the whole sequence recomputed for every step, nothing shared with
 * the engine. With {@code quantizeActivations} it rounds each BitLinear input to int8 per token
 * (absmax) as BitNet does, written here from the paper's formula.
 */
final class FloatReference {
    private final GgufFile gguf;
    private final int e;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int ff;
    private final int vocab;
    private final double eps;
    private final double base;
    private final Activations activations;

    /** How the reference rounds BitLinear inputs. */
    enum Activations {
        /** Not at all. */
        FLOAT,
        /** int8 per token, absmax (BitNet); head weights in Q8_0 blocks of 32. */
        INT8_PER_TOKEN,
        /** int8 per block of 256 with the signed extreme as scale (ggml's Q8_K), F16 head input. */
        Q8_K_BLOCKS
    }

    FloatReference(GgufFile gguf, Activations activations) {
        this.gguf = gguf;
        this.e = (int) gguf.get("bitnet.embedding_length").orElseThrow().asLong();
        this.layers = (int) gguf.get("bitnet.block_count").orElseThrow().asLong();
        this.heads = (int) gguf.get("bitnet.attention.head_count").orElseThrow().asLong();
        this.kvHeads =
                (int) gguf.get("bitnet.attention.head_count_kv").orElseThrow().asLong();
        this.ff = (int) gguf.get("bitnet.feed_forward_length").orElseThrow().asLong();
        this.vocab = (int) gguf.get("bitnet.vocab_size").orElseThrow().asLong();
        this.eps = gguf.get("bitnet.attention.layer_norm_rms_epsilon")
                .orElseThrow()
                .asDouble();
        this.base = gguf.get("bitnet.rope.freq_base").orElseThrow().asDouble();
        this.activations = activations;
    }

    private ByteBuffer data(String name) throws IOException {
        GgufTensorInfo t = gguf.tensor(name).orElseThrow();
        return gguf.tensorData(t);
    }

    private float[] f32(String name) throws IOException {
        ByteBuffer b = data(name);
        float[] out = new float[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat(4 * i);
        }
        return out;
    }

    private float[] weights(String name) throws IOException {
        ByteBuffer b = data(name);
        byte[] raw = new byte[b.remaining()];
        b.get(raw);
        return Tq2_0.dequantize(raw, 0, raw.length / 66 * 256);
    }

    private float[] embedding() throws IOException {
        ByteBuffer b = data("token_embd.weight");
        float[] out = new float[b.remaining() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Fp16.toFloat(b.getShort(2 * i));
        }
        return out;
    }

    /**
     * The head as the bitnet mode uses it: ggml's Q8_0 formula per block of 32 ({@code d = amax /
     * 127}, codes {@code roundf(v * (1 / d))}), returned dequantized.
     */
    private static float[] q8_0(float[] w) {
        float[] out = new float[w.length];
        for (int b = 0; b < w.length; b += 32) {
            float amax = 0f;
            for (int j = 0; j < 32; j++) {
                amax = Math.max(amax, Math.abs(w[b + j]));
            }
            float d = amax / 127f;
            float id = d == 0f ? 0f : 1f / d;
            for (int j = 0; j < 32; j++) {
                float v = w[b + j] * id;
                float code = v < 0 ? -(float) Math.floor(-v + 0.5f) : (float) Math.floor(v + 0.5f);
                out[b + j] = code * d;
            }
        }
        return out;
    }

    /** Logits after every token of {@code tokens}: {@code [tokens.length][vocab]}. */
    double[][] logits(int[] tokens) throws IOException {
        int n = tokens.length;
        int hd = e / heads;
        int kvDim = kvHeads * hd;
        float[] emb = embedding();
        double[][] x = new double[n][e];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < e; i++) {
                x[t][i] = emb[tokens[t] * e + i];
            }
        }
        for (int l = 0; l < layers; l++) {
            String p = "blk." + l + ".";
            double[][] hIn = rmsNorm(x, f32(p + "attn_norm.weight"));
            double[][] q = matmul(weights(p + "attn_q.weight"), hIn, e);
            double[][] k = matmul(weights(p + "attn_k.weight"), hIn, kvDim);
            double[][] v = matmul(weights(p + "attn_v.weight"), hIn, kvDim);
            for (int t = 0; t < n; t++) {
                rope(q[t], heads, hd, t);
                rope(k[t], kvHeads, hd, t);
            }
            double[][] att = new double[n][e];
            for (int t = 0; t < n; t++) {
                for (int head = 0; head < heads; head++) {
                    int kvh = head / (heads / kvHeads);
                    double[] s = new double[t + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= t; j++) {
                        double dot = 0;
                        for (int i = 0; i < hd; i++) {
                            dot += q[t][head * hd + i] * k[j][kvh * hd + i];
                        }
                        s[j] = dot / Math.sqrt(hd);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= t; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int j = 0; j <= t; j++) {
                        for (int i = 0; i < hd; i++) {
                            att[t][head * hd + i] += s[j] / sum * v[j][kvh * hd + i];
                        }
                    }
                }
            }
            double[][] o = matmul(weights(p + "attn_output.weight"), rmsNorm(att, f32(p + "attn_sub_norm.weight")), e);
            add(x, o);
            double[][] hf = rmsNorm(x, f32(p + "ffn_norm.weight"));
            double[][] g = matmul(weights(p + "ffn_gate.weight"), hf, ff);
            double[][] u = matmul(weights(p + "ffn_up.weight"), hf, ff);
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < ff; i++) {
                    g[t][i] = g[t][i] / (1 + Math.exp(-g[t][i])) * u[t][i];
                }
            }
            double[][] d = matmul(weights(p + "ffn_down.weight"), rmsNorm(g, f32(p + "ffn_sub_norm.weight")), e);
            add(x, d);
        }
        double[][] out = rmsNorm(x, f32("output_norm.weight"));
        if (activations == Activations.Q8_K_BLOCKS) {
            for (double[] row : out) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = Fp16.toFloat(Fp16.fromFloat((float) row[i]));
                }
            }
        }
        float[] head = activations == Activations.INT8_PER_TOKEN ? q8_0(emb) : emb;
        double[][] logits = new double[n][vocab];
        for (int t = 0; t < n; t++) {
            for (int r = 0; r < vocab; r++) {
                double dot = 0;
                for (int i = 0; i < e; i++) {
                    dot += head[r * e + i] * out[t][i];
                }
                logits[t][r] = dot;
            }
        }
        return logits;
    }

    private double[][] rmsNorm(double[][] x, float[] w) {
        double[][] out = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            double ss = 0;
            for (double a : x[t]) {
                ss += a * a;
            }
            double r = 1 / Math.sqrt(ss / x[t].length + eps);
            out[t] = new double[x[t].length];
            for (int i = 0; i < x[t].length; i++) {
                out[t][i] = x[t][i] * r * w[i];
            }
        }
        return out;
    }

    /** {@code y[t] = W[rows x in] . act(x[t])}. */
    private double[][] matmul(float[] w, double[][] x, int rows) {
        int in = x[0].length;
        double[][] y = new double[x.length][rows];
        for (int t = 0; t < x.length; t++) {
            double[] a = switch (activations) {
                case FLOAT -> x[t];
                case INT8_PER_TOKEN -> int8(x[t]);
                case Q8_K_BLOCKS -> q8k(x[t]);
            };
            for (int r = 0; r < rows; r++) {
                double dot = 0;
                for (int i = 0; i < in; i++) {
                    dot += w[r * in + i] * a[i];
                }
                y[t][r] = dot;
            }
        }
        return y;
    }

    /** BitNet's activation quantization: {@code round(x * 127 / max|x|) * max|x| / 127}. */
    private static double[] int8(double[] x) {
        double max = 0;
        for (double a : x) {
            max = Math.max(max, Math.abs(a));
        }
        double[] out = new double[x.length];
        if (max == 0) {
            return out;
        }
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.rint(x[i] * 127 / max) * max / 127;
        }
        return out;
    }

    /** Per block of 256: scale {@code d = m / -127} with m the value of largest magnitude, codes capped at 127. */
    private static double[] q8k(double[] x) {
        double[] out = new double[x.length];
        for (int b = 0; b < x.length; b += 256) {
            double m = 0;
            for (int i = b; i < b + 256; i++) {
                if (Math.abs(x[i]) > Math.abs(m)) {
                    m = x[i];
                }
            }
            if (m == 0) {
                continue;
            }
            double d = m / -127;
            for (int i = b; i < b + 256; i++) {
                out[i] = Math.min(127, Math.rint(x[i] / d)) * d;
            }
        }
        return out;
    }

    /** NEOX rotation: element i pairs with i + hd/2, angle pos * base^(-2i/hd). */
    private void rope(double[] x, int nHeads, int hd, int pos) {
        for (int head = 0; head < nHeads; head++) {
            for (int i = 0; i < hd / 2; i++) {
                double theta = pos * Math.pow(base, -2.0 * i / hd);
                int a = head * hd + i;
                int b = a + hd / 2;
                double x0 = x[a];
                double x1 = x[b];
                x[a] = x0 * Math.cos(theta) - x1 * Math.sin(theta);
                x[b] = x0 * Math.sin(theta) + x1 * Math.cos(theta);
            }
        }
    }

    private static void add(double[][] x, double[][] y) {
        for (int t = 0; t < x.length; t++) {
            for (int i = 0; i < x[t].length; i++) {
                x[t][i] += y[t][i];
            }
        }
    }
}
