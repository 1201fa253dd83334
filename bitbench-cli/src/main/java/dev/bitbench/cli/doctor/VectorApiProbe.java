package dev.bitbench.cli.doctor;

import dev.bitbench.core.doctor.CheckResult;

/**
 * Whether the Vector API incubator module is loaded, and its preferred vector size. Found by
 * reflection, so that a JVM started without {@code --add-modules jdk.incubator.vector} gives a FAIL
 * line instead of a {@link NoClassDefFoundError}.
 */
final class VectorApiProbe {

    static final String FLOAT_VECTOR = "jdk.incubator.vector.FloatVector";

    private VectorApiProbe() {}

    /**
     * The preferred vector size in bits of {@code className}'s {@code SPECIES_PREFERRED}, or 0 when
     * the class cannot be loaded.
     */
    static int preferredBits(String className) {
        try {
            Class<?> vectorClass = Class.forName(className);
            Object species = vectorClass.getField("SPECIES_PREFERRED").get(null);
            // through the public interface: the species' own class is not exported
            Class<?> speciesType = Class.forName("jdk.incubator.vector.VectorSpecies");
            Object bits = speciesType.getMethod("vectorBitSize").invoke(species);
            return (Integer) bits;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException | SecurityException e) {
            return 0;
        }
    }

    /** The check line for {@link #preferredBits}. */
    static CheckResult check(String className) {
        int bits = preferredBits(className);
        if (bits == 0) {
            return CheckResult.fail(
                    "vector-api",
                    "jdk.incubator.vector is not available in this JVM",
                    "start java with --add-modules jdk.incubator.vector (the ./bitbench launcher does)");
        }
        return CheckResult.ok("vector-api", "preferred species " + bits + " bits (" + bits / 32 + " floats)");
    }
}
