package dev.bitbench.suite.peers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;

/**
 * Whether each peer library can run here, and what OpenBLAS says about itself. A peer that cannot
 * load (no natives for this platform, a missing class) is reported by the runner as {@code skipped}
 * with the reason from {@link #unavailableReason(String)}.
 */
public final class PeerLibraries {
    /** Environment variables that pin OpenBLAS to an older kernel; peer runs are started without them. */
    public static final java.util.List<String> OPENBLAS_OVERRIDES =
            java.util.List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_VERBOSE", "OPENBLAS_NUM_THREADS");

    private PeerLibraries() {}

    /**
     * Why the peer backend cannot run on this platform, or empty if it can.
     *
     * @param backend a peer backend name: {@code openblas}, {@code openblas-1t}, {@code ejml}, {@code
     *     ojalgo}, {@code llama-cpp}, {@code llama-cpp-1t}; other names are never unavailable
     */
    public static Optional<String> unavailableReason(String backend) {
        try {
            if (backend.startsWith("openblas")) {
                Loader.load(openblas_full.class);
            } else if (backend.equals("ejml")) {
                Class.forName("org.ejml.dense.row.CommonOps_FDRM");
            } else if (backend.equals("ojalgo")) {
                Class.forName("org.ojalgo.matrix.store.R032Store");
            } else if (backend.startsWith("llama-cpp")) {
                // loading the JNI library starts no thread; only a loaded model does
                LlamaCppEngine.ensureNativeDirectory();
                Class.forName("de.kherud.llama.LlamaModel", true, PeerLibraries.class.getClassLoader());
            }
            return Optional.empty();
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
            return Optional.of(backend + " cannot load on " + Loader.getPlatform() + ": " + e);
        }
    }

    /**
     * OpenBLAS's description of the build and the core kernel it chose, for the report: keys {@code
     * openblas.corename}, {@code openblas.config}, {@code openblas.procs}; empty if it cannot load.
     */
    public static Map<String, String> openBlasInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        if (unavailableReason("openblas").isEmpty()) {
            info.put("openblas.corename", openblas_full.openblas_get_corename().getString());
            info.put(
                    "openblas.config",
                    openblas_full.openblas_get_config().getString().trim());
            info.put("openblas.procs", Integer.toString(openblas_full.openblas_get_num_procs()));
        }
        return info;
    }

    /** Sets OpenBLAS's thread count: 1 for {@code openblas-1t}, every core for {@code openblas}. */
    static void setOpenBlasThreads(String backend) {
        openblas_full.openblas_set_num_threads(
                backend.equals("openblas-1t") ? 1 : Runtime.getRuntime().availableProcessors());
    }
}
