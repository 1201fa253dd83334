package dev.bitbench.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A benchmark id pattern: {@code *} matches any run of characters (including {@code /} and
 * {@code .}), {@code ?} exactly one, everything else itself, case-sensitively. E.g. {@code
 * kernels.matmul/*} or {@code *simd/f32/*}. A pattern without wildcards matches one id exactly.
 */
public final class BenchmarkGlob {
    private final String glob;
    private final Pattern pattern;

    private BenchmarkGlob(String glob) {
        this.glob = glob;
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * Compiles a glob.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public static BenchmarkGlob of(String glob) {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) {
            throw new IllegalArgumentException("benchmark pattern must not be blank");
        }
        return new BenchmarkGlob(glob);
    }

    /** Whether the whole id matches. */
    public boolean matches(String benchmarkId) {
        return pattern.matcher(benchmarkId).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
