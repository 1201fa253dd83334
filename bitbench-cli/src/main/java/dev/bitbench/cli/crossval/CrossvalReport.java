package dev.bitbench.cli.crossval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * What {@code bitbench crossval} found; written as {@code crossval-results.json} (schema {@value
 * #SCHEMA}).
 *
 * @param schema always {@value #SCHEMA}
 * @param created when, ISO-8601 UTC
 * @param model the GGUF checked against llama.cpp, or null when the engine section did not run
 * @param seed the seed of every generated input
 * @param threads threads of both engines
 * @param kernels one row per backend, shape and reference
 * @param engine the engine against the bundled llama.cpp, null when it did not run
 * @param userBuild the engine against a user's llama.cpp build, null when none was given
 * @param notes what was skipped and why
 */
public record CrossvalReport(
        String schema,
        String created,
        String model,
        long seed,
        int threads,
        List<KernelRow> kernels,
        EngineResult engine,
        UserBuildResult userBuild,
        List<String> notes) {
    public static final String SCHEMA = "bitbench/crossval/v1";

    public CrossvalReport {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + SCHEMA + ", got " + schema);
        }
        Objects.requireNonNull(created, "created");
        kernels = List.copyOf(kernels);
        notes = List.copyOf(notes);
    }

    /** Whether every kernel row and every engine comparison passed (skipped rows do not fail). */
    @JsonProperty("passed")
    public boolean passed() {
        return kernels.stream().noneMatch(r -> r.status().equals(KernelRow.FAIL))
                && (engine == null || engine.passed())
                && (userBuild == null || userBuild.error() == null);
    }

    /**
     * One backend against one reference on one shape.
     *
     * @param status {@value #PASS}, {@value #FAIL} or {@value #SKIPPED}
     * @param stats the error, null when skipped
     * @param reason why it was skipped, else null
     */
    public record KernelRow(
            String op, String shape, String backend, String reference, String status, ErrorStats stats, String reason) {
        public static final String PASS = "pass";
        public static final String FAIL = "fail";
        public static final String SKIPPED = "skipped";

        public KernelRow {
            if (!List.of(PASS, FAIL, SKIPPED).contains(status)) {
                throw new IllegalArgumentException("status must be pass, fail or skipped, got " + status);
            }
            if ((stats == null) != status.equals(SKIPPED)) {
                throw new IllegalArgumentException("a skipped row has no error statistics, any other row has them");
            }
        }

        static KernelRow measured(String op, String shape, String backend, String reference, ErrorStats stats) {
            return new KernelRow(op, shape, backend, reference, stats.passed() ? PASS : FAIL, stats, null);
        }

        static KernelRow skipped(String op, String shape, String backend, String reference, String reason) {
            return new KernelRow(op, shape, backend, reference, SKIPPED, null, reason);
        }
    }

    /**
     * The Java engine against one llama.cpp.
     *
     * @param reference {@code bundled} (java-llama.cpp) or {@code llama-cpp} (a user's build)
     * @param version the reference's version text
     * @param numerics the Java engine's numerics mode ({@code llama.cpp})
     * @param prompt the prompt ids of the agreement check
     * @param java the Java engine's greedy tokens
     * @param referenceTokens the reference's free-running greedy tokens (-1 = text with no single id)
     * @param excludedTokens ids left out of both engines' greedy choices because generated text
     *     cannot name them (empty text, or text shared with another id such as a lone UTF-8 byte)
     * @param agreement the comparison, null when the reference ran no generation
     * @param minForcedAgreement the teacher-forced agreement, near ties counted as agreeing, needed to
     *     pass
     * @param speed tokens per second of both, null when not timed
     */
    public record EngineResult(
            String reference,
            String version,
            String numerics,
            int[] prompt,
            int[] java,
            int[] referenceTokens,
            int excludedTokens,
            TokenAgreement agreement,
            double minForcedAgreement,
            Speed speed) {
        public EngineResult {
            Objects.requireNonNull(reference, "reference");
            if (!(minForcedAgreement >= 0 && minForcedAgreement <= 1)) {
                throw new IllegalArgumentException("minForcedAgreement must be in [0, 1], got " + minForcedAgreement);
            }
        }

        @JsonProperty("passed")
        public boolean passed() {
            return agreement == null || agreement.forcedRateUpToTies() >= minForcedAgreement;
        }
    }

    /**
     * The Java engine against a user's llama.cpp build: {@code llama-bench -o json} for speed and
     * llama.cpp's greedy generation of the same prompt text, compared as text token by token (the
     * command-line tools take no token ids, so there is no teacher forcing here).
     *
     * @param version llama-bench's build commit and number
     * @param referenceText the text llama.cpp generated after the prompt
     * @param javaText the Java engine's greedy text
     * @param steps the Java engine's tokens compared
     * @param matchingTokens Java tokens whose text llama.cpp's output reproduces, in order from the
     *     first
     * @param firstDivergence the first Java token it does not reproduce, or -1
     * @param marginAtDivergence the Java engine's top-1 minus top-2 logit there, null if none
     * @param speed llama-bench's tokens per second against the Java engine's, null if llama-bench
     *     did not run
     * @param error why a part failed, or null
     */
    public record UserBuildResult(
            String directory,
            String version,
            String referenceText,
            String javaText,
            int steps,
            int matchingTokens,
            int firstDivergence,
            Double marginAtDivergence,
            Speed speed,
            String error) {}

    /**
     * Speed of both engines on the same prompt, median of the timed runs; ratios are Java ÷ llama.cpp
     * (above 1: Java is faster).
     */
    public record Speed(
            int promptTokens,
            int decodeTokens,
            int runs,
            double javaPromptTokensPerSecond,
            double javaDecodeTokensPerSecond,
            double referencePromptTokensPerSecond,
            double referenceDecodeTokensPerSecond) {
        @JsonProperty("promptRatio")
        public double promptRatio() {
            return javaPromptTokensPerSecond / referencePromptTokensPerSecond;
        }

        @JsonProperty("decodeRatio")
        public double decodeRatio() {
            return javaDecodeTokensPerSecond / referenceDecodeTokensPerSecond;
        }
    }
}
