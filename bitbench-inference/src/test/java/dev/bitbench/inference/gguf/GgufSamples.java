package dev.bitbench.inference.gguf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A valid GGUF file with every metadata type and every tensor type, built from a seed. */
final class GgufSamples {
    private GgufSamples() {}

    static Map<String, GgufValue> everyMetadataType() {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("bitnet"));
        m.put("t.uint8", new GgufValue(GgufValueType.UINT8, (byte) 0xfe));
        m.put("t.int8", new GgufValue(GgufValueType.INT8, (byte) -5));
        m.put("t.uint16", new GgufValue(GgufValueType.UINT16, (short) 0xfffe));
        m.put("t.int16", new GgufValue(GgufValueType.INT16, (short) -300));
        m.put("t.uint32", GgufValue.uint32(0xffff_fff0L));
        m.put("t.int32", GgufValue.int32(-70000));
        m.put("t.float32", GgufValue.float32(-1.5e-3f));
        m.put("t.bool", GgufValue.bool(true));
        m.put("t.string", GgufValue.string("héllo ▁wörld ✓ 𝄞"));
        m.put("t.empty_string", GgufValue.string(""));
        m.put("t.uint64", GgufValue.uint64(-2L));
        m.put("t.int64", new GgufValue(GgufValueType.INT64, Long.MIN_VALUE));
        m.put("t.float64", new GgufValue(GgufValueType.FLOAT64, Math.PI));
        m.put(
                "t.array_of_strings",
                GgufValue.array(
                        GgufValueType.STRING,
                        List.of(GgufValue.string("a"), GgufValue.string(""), GgufValue.string("<0x0A>"))));
        m.put("t.empty_array", GgufValue.array(GgufValueType.FLOAT32, List.of()));
        m.put(
                "t.nested",
                GgufValue.array(
                        GgufValueType.ARRAY,
                        List.of(
                                GgufValue.array(GgufValueType.INT32, List.of(GgufValue.int32(1), GgufValue.int32(-2))),
                                GgufValue.array(
                                        GgufValueType.ARRAY,
                                        List.of(GgufValue.array(
                                                GgufValueType.STRING, List.of(GgufValue.string("deep"))))))));
        m.put(GgufReader.ALIGNMENT_KEY, GgufValue.uint32(64));
        return m;
    }

    /** One tensor of every supported type (two rows, whole blocks), random bytes from {@code seed}. */
    static List<GgufWriter.TensorSpec> everyTensorType(long seed) {
        Random random = new Random(seed);
        List<GgufWriter.TensorSpec> tensors = new ArrayList<>();
        for (GgmlType type : GgmlType.values()) {
            long cols = type.blockValues() == 1 ? 3 : type.blockValues();
            List<Long> shape = List.of(cols, 2L);
            byte[] data = new byte[(int) type.bytesFor(cols * 2)];
            random.nextBytes(data);
            tensors.add(GgufWriter.TensorSpec.of("tensor." + type.ggmlName(), shape, type, data));
        }
        return tensors;
    }

    static byte[] validFile() {
        return GgufWriter.toBytes(3, everyMetadataType(), everyTensorType(7));
    }
}
