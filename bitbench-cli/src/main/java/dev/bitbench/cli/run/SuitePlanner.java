package dev.bitbench.cli.run;

import dev.bitbench.core.config.TensorSize;
import dev.bitbench.suite.Bench;
import dev.bitbench.suite.BenchmarkDescriptor;
import dev.bitbench.suite.SuiteCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Expands the suite's JMH benchmarks into the plan of one run: every combination of {@code @Param}
 * values, narrowed by the profile and the user's choices, each with its stable id.
 */
public final class SuitePlanner {
    /** The peer backends of group {@code peers}. */
    public static final List<String> PEERS = List.of("openblas-1t", "openblas", "ejml", "ojalgo");

    private static final List<String> GROUP_ORDER =
            List.of("kernels", "peers", "quant", "packed", "bitlinear", "transformer");

    private SuitePlanner() {}

    /**
     * What to run.
     *
     * @param filter a regular expression found in the ids to keep; empty keeps all
     * @param backends kernel backends to keep ({@code scalar}, {@code simd}, {@code parallel}); empty
     *     keeps all. Peers are not filtered by it (select them out with {@code filter}).
     * @param sizes tensor sizes mapped onto every {@code size} parameter by its {@link
     *     Bench#size()} meaning; empty keeps the benchmark's own
     * @param valuesPerParameter how many of the declared values (first first) of each parameter
     *     other than {@code backend} and {@code dtype} to keep, e.g. the smallest sizes; 0 keeps all
     * @param ops operations to keep, in the config vocabulary ({@code matmul}, {@code multiply},
     *     {@code activations}, {@code peers}, ...; see {@link #category}); empty keeps all
     * @param dtypes data types to keep ({@code f32}, {@code f16}, ...); empty keeps all
     * @param profile the profile's name ({@code smoke}, {@code quick}, {@code standard}, {@code
     *     thorough}), which picks the model fixtures of a {@code model} parameter (see {@link
     *     #fixtureSizes}); empty for none, when {@code valuesPerParameter} narrows it like any other
     */
    public record Request(
            Optional<Pattern> filter,
            Set<String> backends,
            List<TensorSize> sizes,
            int valuesPerParameter,
            Set<String> ops,
            Set<String> dtypes,
            String profile) {
        public Request {
            Objects.requireNonNull(filter, "filter");
            backends = Set.copyOf(backends);
            sizes = List.copyOf(sizes);
            ops = Set.copyOf(ops);
            dtypes = Set.copyOf(dtypes);
            Objects.requireNonNull(profile, "profile");
        }

        /** A request without a profile name. */
        public Request(
                Optional<Pattern> filter,
                Set<String> backends,
                List<TensorSize> sizes,
                int valuesPerParameter,
                Set<String> ops,
                Set<String> dtypes) {
            this(filter, backends, sizes, valuesPerParameter, ops, dtypes, "");
        }

        /** Everything, with each benchmark's own parameter values. */
        public static Request all() {
            return new Request(Optional.empty(), Set.of(), List.of(), 0, Set.of(), Set.of());
        }
    }

    /** The parameter naming a model fixture size in the {@code inference} benchmarks. */
    static final String MODEL_PARAMETER = "model";

    /**
     * The model fixtures a profile runs: {@code smoke} the unit-test model {@code tiny}; {@code
     * quick} and {@code standard} {@code small} (the speed goal's model); {@code thorough} adds
     * {@code medium} (the BitNet 2B4T shape, a 1.2 GB fixture). Empty for no or an unknown profile.
     */
    static List<String> fixtureSizes(String profile) {
        return switch (profile) {
            case "smoke" -> List.of("tiny");
            case "quick", "standard" -> List.of("small");
            case "thorough" -> List.of("small", "medium");
            default -> List.of();
        };
    }

    /** The plan for {@code request} over the benchmarks on the class path. */
    public static List<BenchmarkCase> plan(Request request) {
        return plan(request, SuiteExecutor.benchmarkListLines(), SuitePlanner.class.getClassLoader());
    }

    /**
     * The plan for {@code request} over the given {@code META-INF/BenchmarkList} lines; benchmarks
     * without a {@link Bench} annotation are not part of the suite and are left out.
     *
     * @throws IllegalArgumentException if two benchmarks would get the same id
     */
    public static List<BenchmarkCase> plan(Request request, List<String> listLines, ClassLoader loader) {
        Map<String, BenchmarkDescriptor> byId = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : listLines) {
            if (line.isBlank() || !seen.add(line)) {
                continue;
            }
            BenchmarkListEntry entry = new BenchmarkListEntry(line);
            String name = entry.getUsername();
            Optional<Bench> bench = SuiteCatalog.annotation(name, loader);
            if (bench.isEmpty()) {
                continue;
            }
            for (Map<String, String> params :
                    combinations(entry.getParams().orElse(Map.of()), bench.get().size(), request)) {
                BenchmarkDescriptor d = SuiteCatalog.describe(bench.get(), name, params);
                if (keep(d, request)) {
                    BenchmarkDescriptor previous = byId.putIfAbsent(d.id(), d);
                    if (previous != null && !previous.benchmark().equals(d.benchmark())) {
                        throw new IllegalArgumentException("benchmarks " + previous.benchmark() + " and "
                                + d.benchmark() + " both have the id " + d.id());
                    }
                }
            }
        }
        List<BenchmarkDescriptor> ordered = new ArrayList<>(byId.values());
        ordered.sort(Comparator.comparingInt(d -> groupRank(d.group())));
        List<BenchmarkCase> plan = new ArrayList<>();
        for (BenchmarkDescriptor d : ordered) {
            plan.add(new BenchmarkCase(plan.size(), d));
        }
        return plan;
    }

    /**
     * The value of a {@code size} parameter for a requested tensor size, or null when it does not
     * apply: the matrix benchmarks are square, so a non-square size runs only the others.
     */
    static String sizeValue(TensorSize t, Bench.SizeMeaning meaning) {
        return switch (meaning) {
            case ELEMENTS -> Long.toString((long) t.rows() * t.cols());
            case SIDE -> t.rows() == t.cols() ? Integer.toString(t.rows()) : null;
            case ROW -> Integer.toString(t.cols());
        };
    }

    /**
     * The config-vocabulary operation a benchmark belongs to: {@code mul} is {@code multiply},
     * {@code scale} is {@code elementwise}, {@code sum/max/mean} are {@code reductions}, the
     * activations are {@code activations}, {@code matmul_tb} is {@code matmul}, {@code unpack} is
     * {@code pack}, the transformer {@code layer} is {@code transformer}; other ops are their own
     * name.
     */
    static String category(String op) {
        return switch (op) {
            case "mul" -> "multiply";
            case "scale" -> "elementwise";
            case "sum", "max", "mean" -> "reductions";
            case "relu", "gelu", "silu", "swish", "relu2" -> "activations";
            case "matmul_tb" -> "matmul";
            case "unpack" -> "pack";
            case "layer" -> "transformer";
            default -> op;
        };
    }

    /**
     * The config-vocabulary data type of a benchmark's dtype: the INT8 schemes and Q8_0 are {@code i8},
     * {@code int4} is {@code i4}, {@code fp16} is {@code f16}; others are their own name.
     */
    static String dtypeCategory(String dtype) {
        return switch (dtype) {
            case "int8_sym", "int8_asym", "q8_0" -> "i8";
            case "int4" -> "i4";
            case "fp16" -> "f16";
            default -> dtype;
        };
    }

    private static boolean keep(BenchmarkDescriptor d, Request request) {
        boolean peer = d.group().equals("peers");
        if (!request.backends().isEmpty() && !request.backends().contains(d.backend())) {
            // peers stay unless the list names a peer; our backends must be listed
            boolean namesPeer = request.backends().stream().anyMatch(SuitePlanner::isPeer);
            if (!peer || namesPeer) {
                return false;
            }
        }
        if (!request.ops().isEmpty()
                && !request.ops().contains(category(d.op()))
                && !(peer && request.ops().contains("peers"))
                && !(d.params().containsKey("batch") && request.ops().contains("batch"))) {
            return false;
        }
        if (!request.dtypes().isEmpty() && !request.dtypes().contains(dtypeCategory(d.dtype()))) {
            return false;
        }
        return request.filter().map(p -> p.matcher(d.id()).find()).orElse(true);
    }

    /** The order groups run and are reported in: our kernels first, their peers next. */
    private static int groupRank(String group) {
        int rank = GROUP_ORDER.indexOf(group);
        return rank < 0 ? GROUP_ORDER.size() : rank;
    }

    /** Whether a backend name is a peer library rather than one of our kernels' backends. */
    public static boolean isPeer(String backend) {
        return PEERS.contains(backend);
    }

    /** Every combination of parameter values, narrowed by the profile, sizes replaced if asked. */
    private static List<Map<String, String>> combinations(
            Map<String, String[]> declared, Bench.SizeMeaning meaning, Request request) {
        List<Map<String, String>> result = new ArrayList<>();
        result.add(new HashMap<>());
        for (Map.Entry<String, String[]> p : declared.entrySet()) {
            List<String> values = List.of(p.getValue());
            boolean narrowed = !p.getKey().equals("backend") && !p.getKey().equals("dtype");
            List<String> fixtures = fixtureSizes(request.profile());
            if (p.getKey().equals(MODEL_PARAMETER) && !fixtures.isEmpty() && values.containsAll(fixtures)) {
                values = fixtures;
            } else if (p.getKey().equals("size") && !request.sizes().isEmpty()) {
                values = request.sizes().stream()
                        .map(t -> sizeValue(t, meaning))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
            } else if (narrowed && request.valuesPerParameter() > 0 && values.size() > request.valuesPerParameter()) {
                values = values.subList(0, request.valuesPerParameter());
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : result) {
                for (String v : values) {
                    Map<String, String> m = new HashMap<>(partial);
                    m.put(p.getKey(), v);
                    next.add(m);
                }
            }
            result = next;
        }
        return result;
    }
}
