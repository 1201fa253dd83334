package dev.bitbench.cli.crossval;

import java.util.Locale;

/** The Markdown tables of a {@link CrossvalReport} ({@code crossval-results.md}, {@code --format markdown}). */
final class CrossvalMarkdown {
    private CrossvalMarkdown() {}

    static String format(CrossvalReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Cross-validation\n\n");
        sb.append(String.format(
                Locale.ROOT,
                "%s, seed %d, %d thread%s: **%s**%n%n",
                r.created(),
                r.seed(),
                r.threads(),
                r.threads() == 1 ? "" : "s",
                r.passed() ? "all passed" : "FAILED"));
        if (!r.kernels().isEmpty()) {
            sb.append("## Kernels\n\n");
            sb.append(
                    "| op | shape | backend | reference | max abs error | max rel error | tolerance | error/bound | result |\n");
            sb.append("|---|---|---|---|---:|---:|---:|---:|---|\n");
            for (CrossvalReport.KernelRow k : r.kernels()) {
                if (k.stats() == null) {
                    sb.append(String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | | | | | skipped: %s |%n",
                            k.op(),
                            k.shape(),
                            k.backend(),
                            k.reference(),
                            k.reason()));
                } else {
                    ErrorStats s = k.stats();
                    sb.append(String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %.3g | %.3g | %.3g | %.3f | %s |%n",
                            k.op(),
                            k.shape(),
                            k.backend(),
                            k.reference(),
                            s.maxAbsError(),
                            s.maxRelError(),
                            s.tolerance(),
                            s.boundRatio(),
                            k.status()));
                }
            }
            sb.append('\n');
        }
        if (r.engine() != null) {
            CrossvalReport.EngineResult e = r.engine();
            TokenAgreement a = e.agreement();
            sb.append("## Engine vs llama.cpp (").append(e.version()).append(")\n\n");
            sb.append("Model `")
                    .append(r.model())
                    .append("`, Java numerics `")
                    .append(e.numerics())
                    .append("`.\n\n");
            sb.append("| check | value |\n|---|---|\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "| teacher-forced argmax agreement | %d/%d (%.1f%%) |%n",
                    a.forcedMatches(),
                    a.steps(),
                    100 * a.forcedRate()));
            sb.append(String.format(
                    Locale.ROOT,
                    "| mismatches that are near ties (margin <= %.2f) | %d; largest margin %s |%n",
                    a.tieTolerance(),
                    a.forcedNearTies(),
                    a.largestForcedMargin() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.4f", a.largestForcedMargin())));
            sb.append(String.format(
                    Locale.ROOT,
                    "| agreement up to near ties | %.1f%%, needed %.1f%% |%n",
                    100 * a.forcedRateUpToTies(),
                    100 * e.minForcedAgreement()));
            sb.append(String.format(
                    Locale.ROOT,
                    "| first teacher-forced mismatch | %s |%n",
                    step(a.firstForcedMismatch(), a.marginAtForcedMismatch())));
            sb.append(String.format(
                    Locale.ROOT,
                    "| free-running greedy agreement | %d/%d (%.1f%%) |%n",
                    a.freeRunMatches(),
                    a.steps(),
                    100 * a.freeRunRate()));
            sb.append(String.format(
                    Locale.ROOT,
                    "| first free-running divergence | %s |%n",
                    step(a.firstDivergence(), a.marginAtDivergence())));
            sb.append(String.format(
                    Locale.ROOT, "| tokens left out of both (text names no single id) | %d |%n", e.excludedTokens()));
            sb.append(String.format(Locale.ROOT, "| reference tokens with no single id | %d |%n", a.unknown()));
            sb.append(String.format(Locale.ROOT, "| result | %s |%n%n", e.passed() ? "pass" : "FAIL"));
            speed(sb, e.speed(), "llama.cpp (bundled)");
        }
        if (r.userBuild() != null) {
            CrossvalReport.UserBuildResult u = r.userBuild();
            sb.append("## Engine vs your llama.cpp build (").append(u.version()).append(")\n\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "Greedy text: %d of %d Java tokens reproduced; first divergence: %s.%n%n",
                    u.matchingTokens(),
                    u.steps(),
                    step(u.firstDivergence(), u.marginAtDivergence())));
            if (u.error() != null) {
                sb.append("Error: ").append(u.error()).append("\n\n");
            }
            speed(sb, u.speed(), "llama.cpp (your build)");
        }
        for (String note : r.notes()) {
            sb.append("- ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static String step(int index, Double margin) {
        return index < 0
                ? "none"
                : String.format(
                        Locale.ROOT, "step %d, Java logit margin %.4f", index, margin == null ? Double.NaN : margin);
    }

    private static void speed(StringBuilder sb, CrossvalReport.Speed s, String reference) {
        if (s == null) {
            return;
        }
        sb.append(String.format(
                Locale.ROOT,
                "| tokens/s (prompt %d, decode %d, median of %d) | Java | %s | Java ÷ llama.cpp |%n|---|---:|---:|---:|%n",
                s.promptTokens(),
                s.decodeTokens(),
                s.runs(),
                reference));
        sb.append(String.format(
                Locale.ROOT,
                "| prompt | %.1f | %.1f | %.2f |%n",
                s.javaPromptTokensPerSecond(),
                s.referencePromptTokensPerSecond(),
                s.promptRatio()));
        sb.append(String.format(
                Locale.ROOT,
                "| decode | %.1f | %.1f | %.2f |%n%n",
                s.javaDecodeTokensPerSecond(),
                s.referenceDecodeTokensPerSecond(),
                s.decodeRatio()));
    }
}
