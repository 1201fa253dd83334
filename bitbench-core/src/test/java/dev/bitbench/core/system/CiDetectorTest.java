package dev.bitbench.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bitbench.core.result.CiInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiDetectorTest {

    @Test
    void githubActionsBuildsTheRunUrlFromServerRepositoryAndRunId() {
        CiInfo ci = CiDetector.detect(Map.of(
                "GITHUB_ACTIONS", "true",
                "CI", "true",
                "GITHUB_SERVER_URL", "https://ghe.example.com/",
                "GITHUB_REPOSITORY", "acme/bitbench",
                "GITHUB_RUN_ID", "123456"));

        assertThat(ci)
                .isEqualTo(new CiInfo("github-actions", "https://ghe.example.com/acme/bitbench/actions/runs/123456"));
    }

    @Test
    void githubActionsDefaultsToGithubDotComAndHasNoUrlWithoutRunId() {
        assertThat(CiDetector.detect(
                        Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "a/b", "GITHUB_RUN_ID", "7")))
                .isEqualTo(new CiInfo("github-actions", "https://github.com/a/b/actions/runs/7"));
        assertThat(CiDetector.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "a/b")))
                .isEqualTo(new CiInfo("github-actions", null));
    }

    @Test
    void gitlabUsesTheJobUrl() {
        assertThat(CiDetector.detect(
                        Map.of("GITLAB_CI", "true", "CI", "true", "CI_JOB_URL", "https://gitlab.com/a/b/-/jobs/9")))
                .isEqualTo(new CiInfo("gitlab-ci", "https://gitlab.com/a/b/-/jobs/9"));
    }

    @Test
    void jenkinsUsesTheBuildUrl() {
        assertThat(CiDetector.detect(Map.of(
                        "JENKINS_URL", "https://ci.example.com/", "BUILD_URL", "https://ci.example.com/job/x/5/")))
                .isEqualTo(new CiInfo("jenkins", "https://ci.example.com/job/x/5/"));
        assertThat(CiDetector.detect(Map.of("JENKINS_URL", "https://ci.example.com/")))
                .isEqualTo(new CiInfo("jenkins", null));
    }

    @Test
    void otherSystemsSettingCiAreGeneric() {
        assertThat(CiDetector.detect(Map.of("CI", "true"))).isEqualTo(new CiInfo("generic", null));
        assertThat(CiDetector.detect(Map.of("CI", "1"))).isEqualTo(new CiInfo("generic", null));
    }

    @Test
    void noCiWhenNothingIsSetOrCiIsFalse() {
        assertThat(CiDetector.detect(Map.of())).isNull();
        assertThat(CiDetector.detect(Map.of("CI", "false", "GITHUB_ACTIONS", "false")))
                .isNull();
        assertThat(CiDetector.detect(Map.of("GITLAB_CI", " "))).isNull();
    }
}
