package dev.bitbench.core.system;

import dev.bitbench.core.result.CiInfo;
import java.util.Map;

/**
 * Recognises the CI system from environment variables. Pure: the environment is passed in (use
 * {@code System.getenv()} in production).
 *
 * <table>
 *   <caption>Providers, in the order they are checked</caption>
 *   <tr><th>provider</th><th>recognised by</th><th>run URL</th></tr>
 *   <tr><td>{@code github-actions}</td><td>{@code GITHUB_ACTIONS=true}</td>
 *       <td>{@code $GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID} (server
 *       defaults to {@code https://github.com}); null without repository or run id</td></tr>
 *   <tr><td>{@code gitlab-ci}</td><td>{@code GITLAB_CI} set</td><td>{@code CI_JOB_URL}</td></tr>
 *   <tr><td>{@code jenkins}</td><td>{@code JENKINS_URL} set</td><td>{@code BUILD_URL}</td></tr>
 *   <tr><td>{@code generic}</td><td>{@code CI=true} or {@code CI=1}</td><td>null</td></tr>
 * </table>
 */
public final class CiDetector {

    private CiDetector() {}

    /**
     * The CI system described by {@code env}, or {@code null} when not in CI.
     *
     * @param env environment variables by name
     */
    public static CiInfo detect(Map<String, String> env) {
        if ("true".equalsIgnoreCase(value(env, "GITHUB_ACTIONS"))) {
            String server = value(env, "GITHUB_SERVER_URL");
            String repo = value(env, "GITHUB_REPOSITORY");
            String runId = value(env, "GITHUB_RUN_ID");
            String url = repo == null || runId == null
                    ? null
                    : stripSlash(server == null ? "https://github.com" : server) + "/" + repo + "/actions/runs/"
                            + runId;
            return new CiInfo("github-actions", url);
        }
        if (value(env, "GITLAB_CI") != null) {
            return new CiInfo("gitlab-ci", value(env, "CI_JOB_URL"));
        }
        if (value(env, "JENKINS_URL") != null) {
            return new CiInfo("jenkins", value(env, "BUILD_URL"));
        }
        String ci = value(env, "CI");
        if ("true".equalsIgnoreCase(ci) || "1".equals(ci)) {
            return new CiInfo("generic", null);
        }
        return null;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
