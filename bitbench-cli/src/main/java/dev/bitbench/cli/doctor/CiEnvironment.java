package dev.bitbench.cli.doctor;

import dev.bitbench.core.result.CiInfo;
import dev.bitbench.core.system.CiDetector;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the CLI should talk given where it runs. In CI (GitHub Actions, GitLab CI, Jenkins, or any
 * {@code CI=true}): plain progress lines (no redrawn bar) and no ANSI colour, and on GitHub the
 * Markdown summary goes to {@code $GITHUB_STEP_SUMMARY}. Outside CI: a progress bar and colour on a
 * terminal; {@code NO_COLOR} (any value, see no-color.org) or {@code TERM=dumb} turn colour off,
 * and output that is not a terminal gets plain progress.
 *
 * @param ci the CI system, or {@code null} outside CI
 * @param plainProgress print one line per step instead of a redrawn progress bar
 * @param color use ANSI colour
 * @param stepSummary the file to append the Markdown summary to, or {@code null}
 */
public record CiEnvironment(CiInfo ci, boolean plainProgress, boolean color, Path stepSummary) {

    /**
     * Decides from the environment.
     *
     * @param env normally {@code System.getenv()}
     * @param terminal whether stdout is an interactive terminal ({@code System.console() != null})
     */
    public static CiEnvironment decide(Map<String, String> env, boolean terminal) {
        CiInfo ci = CiDetector.detect(env);
        boolean dumb = "dumb".equals(env.get("TERM"));
        boolean plain = ci != null || !terminal || dumb;
        boolean color = ci == null && terminal && !dumb && !env.containsKey("NO_COLOR");
        String summary = env.get("GITHUB_STEP_SUMMARY");
        Path summaryFile = summary == null || summary.isBlank() ? null : Path.of(summary);
        return new CiEnvironment(ci, plain, color, summaryFile);
    }

    /** The environment of this process. */
    public static CiEnvironment current() {
        return decide(System.getenv(), System.console() != null);
    }
}
