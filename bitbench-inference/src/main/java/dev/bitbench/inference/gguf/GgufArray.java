package dev.bitbench.inference.gguf;

import java.util.List;
import java.util.Objects;

/**
 * A GGUF metadata array: its element type (kept for empty arrays too) and elements, each of that
 * type. Elements may themselves be arrays (of any element types).
 */
public record GgufArray(GgufValueType elementType, List<GgufValue> elements) {
    public GgufArray {
        Objects.requireNonNull(elementType, "elementType");
        elements = List.copyOf(elements);
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).type() != elementType) {
                throw new IllegalArgumentException(
                        "array of " + elementType + " has a " + elements.get(i).type() + " at index " + i);
            }
        }
    }

    public int size() {
        return elements.size();
    }

    public GgufValue get(int i) {
        return elements.get(i);
    }
}
