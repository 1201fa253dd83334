package dev.bitbench.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of configuration (config file, environment or flags): every field is {@code null} when
 * the layer does not set it. {@link #applyTo} lays it over a {@link RunConfig}. Tags are merged with
 * the layers below (a later layer wins per key); every other field replaces.
 *
 * <p>Build one with {@link #builder()}; values should come from {@link ConfigValues} so that bad
 * input is reported with its source and key.
 */
public record RunConfigOverrides(
        Profile profile,
        String filter,
        List<String> backends,
        List<TensorSize> sizes,
        Integer threads,
        Long seed,
        String jvm,
        Path outputDir,
        String dbUrl,
        Boolean store,
        Map<String, String> tags,
        List<String> operations,
        List<String> devices,
        List<String> dataTypes,
        Duration timeout,
        Integer warmupIterations,
        Integer measurementIterations,
        Boolean deterministic) {

    /** A layer that sets nothing. */
    public static final RunConfigOverrides NONE = builder().build();

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code base} with every field this layer sets replaced (tags merged).
     *
     * @throws IllegalArgumentException if the result is not a valid {@link RunConfig}
     */
    public RunConfig applyTo(RunConfig base) {
        Map<String, String> mergedTags = new LinkedHashMap<>(base.tags());
        if (tags != null) {
            mergedTags.putAll(tags);
        }
        boolean det = deterministic != null ? deterministic : base.deterministic();
        Integer thr = threads != null ? threads : base.threads();
        return new RunConfig(
                profile != null ? profile : base.profile(),
                filter != null ? filter : base.filter(),
                backends != null ? backends : base.backends(),
                sizes != null ? sizes : base.sizes(),
                det ? Integer.valueOf(1) : thr,
                seed != null ? seed : base.seed(),
                jvm != null ? jvm : base.jvm(),
                outputDir != null ? outputDir : base.outputDir(),
                dbUrl != null ? dbUrl : base.dbUrl(),
                store != null ? store : base.store(),
                mergedTags,
                operations != null ? operations : base.operations(),
                devices != null ? devices : base.devices(),
                dataTypes != null ? dataTypes : base.dataTypes(),
                timeout != null ? timeout : base.timeout(),
                warmupIterations != null ? warmupIterations : base.warmupIterations(),
                measurementIterations != null ? measurementIterations : base.measurementIterations(),
                det);
    }

    /** Mutable builder of one layer; every setter accepts {@code null} (not set). */
    public static final class Builder {
        private Profile profile;
        private String filter;
        private List<String> backends;
        private List<TensorSize> sizes;
        private Integer threads;
        private Long seed;
        private String jvm;
        private Path outputDir;
        private String dbUrl;
        private Boolean store;
        private Map<String, String> tags;
        private List<String> operations;
        private List<String> devices;
        private List<String> dataTypes;
        private Duration timeout;
        private Integer warmupIterations;
        private Integer measurementIterations;
        private Boolean deterministic;

        private Builder() {}

        public Builder profile(Profile v) {
            profile = v;
            return this;
        }

        public Builder filter(String v) {
            filter = v;
            return this;
        }

        public Builder backends(List<String> v) {
            backends = v == null ? null : List.copyOf(v);
            return this;
        }

        public Builder sizes(List<TensorSize> v) {
            sizes = v == null ? null : List.copyOf(v);
            return this;
        }

        public Builder threads(Integer v) {
            threads = v;
            return this;
        }

        public Builder seed(Long v) {
            seed = v;
            return this;
        }

        public Builder jvm(String v) {
            jvm = v;
            return this;
        }

        public Builder outputDir(Path v) {
            outputDir = v;
            return this;
        }

        public Builder dbUrl(String v) {
            dbUrl = v;
            return this;
        }

        public Builder store(Boolean v) {
            store = v;
            return this;
        }

        public Builder tags(Map<String, String> v) {
            tags = v == null ? null : new LinkedHashMap<>(v);
            return this;
        }

        public Builder operations(List<String> v) {
            operations = v == null ? null : new ArrayList<>(v);
            return this;
        }

        public Builder devices(List<String> v) {
            devices = v == null ? null : new ArrayList<>(v);
            return this;
        }

        public Builder dataTypes(List<String> v) {
            dataTypes = v == null ? null : new ArrayList<>(v);
            return this;
        }

        public Builder timeout(Duration v) {
            timeout = v;
            return this;
        }

        public Builder warmupIterations(Integer v) {
            warmupIterations = v;
            return this;
        }

        public Builder measurementIterations(Integer v) {
            measurementIterations = v;
            return this;
        }

        public Builder deterministic(Boolean v) {
            deterministic = v;
            return this;
        }

        public RunConfigOverrides build() {
            return new RunConfigOverrides(
                    profile,
                    filter,
                    backends == null ? null : List.copyOf(backends),
                    sizes,
                    threads,
                    seed,
                    jvm,
                    outputDir,
                    dbUrl,
                    store,
                    tags == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags)),
                    operations == null ? null : List.copyOf(operations),
                    devices == null ? null : List.copyOf(devices),
                    dataTypes == null ? null : List.copyOf(dataTypes),
                    timeout,
                    warmupIterations,
                    measurementIterations,
                    deterministic);
        }
    }
}
