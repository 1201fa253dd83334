package dev.bitbench.kernels.quant;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The weight quantization schemes, each with its {@link Quantizer} and a stable lower-case id. */
public enum QuantScheme {
    /** BitNet b1.58 ternary: absmean scale, codes in {-1, 0, 1}, stored packed at 2 bits. */
    TERNARY("ternary", 2, new TernaryQuantizer()),
    /** Signed 8-bit codes in [-127, 127], scale = absmax / 127, no zero point. */
    INT8_SYMMETRIC("int8_sym", 8, new Int8SymmetricQuantizer()),
    /** Unsigned 8-bit codes in [0, 255] with a zero point, scale = (max - min) / 255. */
    INT8_ASYMMETRIC("int8_asym", 8, new Int8AsymmetricQuantizer()),
    /** Signed 4-bit codes in [-7, 7], scale = absmax / 7, two per byte. */
    INT4("int4", 4, new Int4Quantizer()),
    /** IEEE binary16 per element, no scale. */
    FP16("fp16", 16, new Fp16Quantizer());

    private final String id;
    private final int codeBits;
    private final Quantizer quantizer;

    QuantScheme(String id, int codeBits, Quantizer quantizer) {
        this.id = id;
        this.codeBits = codeBits;
        this.quantizer = quantizer;
    }

    /** The stable lower-case name used in benchmark ids and reports, e.g. {@code int8_sym}. */
    public String id() {
        return id;
    }

    /** Bits each weight's code takes in the stored form, scales and zero points not counted. */
    public int codeBits() {
        return codeBits;
    }

    /** The quantizer for this scheme (stateless, shared). */
    public Quantizer quantizer() {
        return quantizer;
    }

    /**
     * Returns the scheme whose {@link #id()} is {@code id}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the known ids
     */
    public static QuantScheme byId(String id) {
        for (QuantScheme scheme : values()) {
            if (scheme.id.equals(id)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown quantization scheme '" + id + "'; known schemes: "
                + Arrays.stream(values()).map(QuantScheme::id).collect(Collectors.joining(", ")));
    }
}
