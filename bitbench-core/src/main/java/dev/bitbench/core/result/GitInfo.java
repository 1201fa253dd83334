package dev.bitbench.core.result;

/**
 * The git state of the measured working tree, JSON {@code {"sha", "branch", "dirty"}}. Every field
 * is {@code null} when unknown (not a git repository, git missing).
 *
 * @param sha full commit id (40 or 64 lower-case hex digits), or {@code null}
 * @param branch branch name ({@code HEAD} when detached), or {@code null}
 * @param dirty whether tracked or untracked files differ from the commit, or {@code null}
 */
public record GitInfo(String sha, String branch, Boolean dirty) {

    /** Nothing known: not a git repository. */
    public static final GitInfo UNKNOWN = new GitInfo(null, null, null);

    /** Validates the commit id's form. */
    public GitInfo {
        if (sha != null && !sha.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new IllegalArgumentException("git sha must be 40 or 64 lower-case hex digits, was '" + sha + "'");
        }
        if (branch != null && branch.isBlank()) {
            throw new IllegalArgumentException("git branch must not be blank");
        }
    }

    /** The first 7 digits of the sha, or {@code "nogit"} when unknown; used in run ids. */
    public String shortSha() {
        return sha == null ? "nogit" : sha.substring(0, 7);
    }
}
