package dev.bitbench.suite;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where benchmark ids and declared work are derived: from a JMH benchmark name and
 * the {@code @Param} values of one run, through the method's {@link Bench} annotation.
 *
 * <p>Ids have the form {@code group.op/backend/dtype/shape} and stay stable as long as the
 * annotation and parameter values do; renaming the Java class or method does not change them.
 */
public final class SuiteCatalog {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private SuiteCatalog() {}

    /**
     * Describes one benchmark with its parameters bound.
     *
     * @param benchmark the JMH name: fully qualified class name, a dot, the method name
     * @param params the {@code @Param} values of this run; may be empty
     * @param loader where to load the benchmark class from
     * @return the descriptor, or empty if the method has no {@link Bench} annotation
     * @throws IllegalArgumentException if the class or method is missing, or a template names a
     *     parameter that is not given
     */
    public static Optional<BenchmarkDescriptor> describe(
            String benchmark, Map<String, String> params, ClassLoader loader) {
        Optional<Bench> bench = annotation(benchmark, loader);
        if (bench.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(describe(bench.get(), benchmark, params));
    }

    /** Describes {@code benchmark} from an annotation already at hand; see the other overload. */
    public static BenchmarkDescriptor describe(Bench bench, String benchmark, Map<String, String> params) {
        String backend = params.getOrDefault("backend", bench.backend());
        String dtype = params.getOrDefault("dtype", bench.dtype());
        if (backend.isEmpty()) {
            throw new IllegalArgumentException(
                    benchmark + ": no backend parameter and no backend in its @Bench annotation");
        }
        String shape = fill(bench.shape(), params, benchmark);
        String id = bench.group() + "." + bench.op() + "/" + backend + "/" + dtype + "/" + shape;
        double work = bench.unit() == WorkUnit.NONE ? 0 : evaluate(fill(bench.work(), params, benchmark), benchmark);
        return new BenchmarkDescriptor(
                id,
                bench.group(),
                bench.op(),
                backend,
                dtype,
                shape,
                benchmark,
                new TreeMap<>(params),
                bench.unit(),
                work);
    }

    /** The {@link Bench} annotation of a JMH benchmark method, if it has one. */
    public static Optional<Bench> annotation(String benchmark, ClassLoader loader) {
        int dot = benchmark.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("not a JMH benchmark name (class.method): " + benchmark);
        }
        String className = benchmark.substring(0, dot);
        String methodName = benchmark.substring(dot + 1);
        Class<?> type = loadClass(className, loader);
        for (Method m : type.getMethods()) {
            if (m.getName().equals(methodName) && m.isAnnotationPresent(Bench.class)) {
                return Optional.of(m.getAnnotation(Bench.class));
            }
        }
        return Optional.empty();
    }

    /** Loads a class by its JMH name, in which nested classes are joined by dots, not {@code $}. */
    private static Class<?> loadClass(String name, ClassLoader loader) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot <= 0) {
                    throw new IllegalArgumentException("benchmark class not found: " + name, e);
                }
                candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
            }
        }
    }

    private static String fill(String template, Map<String, String> params, String benchmark) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(benchmark + ": @Bench template '" + template + "' names parameter '"
                        + m.group(1) + "' which this run does not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Evaluates a product such as {@code 2*1024*1024}; each factor must be a number. */
    private static double evaluate(String product, String benchmark) {
        double result = 1;
        for (String factor : product.split("\\*")) {
            try {
                result *= Double.parseDouble(factor.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        benchmark + ": @Bench work '" + product + "' is not a product of numbers", e);
            }
        }
        return result;
    }
}
