package dev.bitbench.suite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a JMH {@code @Benchmark} method for BitBench: where it sits in the stable id scheme and
 * how much work one invocation does. {@link SuiteCatalog} turns this plus the JMH {@code @Param}
 * values of one run into a {@link BenchmarkDescriptor}; it is the only place ids are made.
 *
 * <p>The id is {@code group.op/backend/dtype/shape}, e.g. {@code kernels.matmul/simd/f32/1024x1024}.
 * {@code backend} and {@code dtype} come from a {@code @Param} of that name when the benchmark has
 * one, else from this annotation. {@code shape} and {@code work} are templates over the {@code
 * @Param} values: {@code {size}} is replaced by the value of the {@code size} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Bench {
    /** The group, first part of the id: {@code kernels}, {@code peers}, {@code quant}, ... */
    String group();

    /** The operation: {@code matmul}, {@code add}, {@code softmax}, ... */
    String op();

    /** The backend when the benchmark has no {@code backend} parameter. */
    String backend() default "";

    /** The data type when the benchmark has no {@code dtype} parameter. */
    String dtype() default "f32";

    /** The last id part, a template over parameters, e.g. {@code "{size}x{size}"}. */
    String shape() default "{size}";

    /**
     * The work of one invocation, as a product of numbers and parameters, e.g. {@code
     * "2*{size}*{size}*{size}"} for a square GEMM; empty when {@link #unit()} is {@link
     * WorkUnit#NONE}.
     */
    String work() default "";

    /** What {@link #work()} counts, which fixes the throughput unit the runner reports. */
    WorkUnit unit() default WorkUnit.NONE;

    /**
     * What the {@code size} parameter means, so that a requested tensor size {@code R x C} ({@code
     * bitbench run --sizes}, config {@code tensor_sizes}) maps onto it.
     */
    SizeMeaning size() default SizeMeaning.ELEMENTS;

    /** What a benchmark's {@code size} parameter counts. */
    enum SizeMeaning {
        /** The number of elements: a tensor {@code R x C} gives {@code size = R * C}. */
        ELEMENTS,
        /** The side of a square matrix: a tensor {@code N x N} gives {@code size = N}. */
        SIDE,
        /** The length of one row: a tensor {@code R x C} gives {@code size = C}. */
        ROW
    }
}
