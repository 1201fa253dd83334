package dev.bitbench.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bitbench.cli.BitBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The ready-to-copy CI files in {@code docs/ci/} are valid, do what the docs promise, and every
 * {@code bitbench} command line in them parses with the real command parser. Command lines whose
 * subcommand this build does not have yet are listed on stdout instead.
 */
class CiWorkflowsTest {

    static final Path CI = Path.of("..", "docs", "ci");
    /** {@code ./bitbench ARGS} anywhere, or {@code bitbench ARGS} at the start of a line; not prose. */
    private static final Pattern COMMAND = Pattern.compile("(?:\\./bitbench|^\\s*bitbench)\\s+([a-z][^\\n]*)");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void githubWorkflowHasTheTriggersInputsAndSteps() throws IOException {
        JsonNode wf = YAML.readTree(CI.resolve("github-actions.yml").toFile());
        JsonNode on = wf.get("on");
        assertThat(on.get("schedule").get(0).get("cron").asText()).isEqualTo("0 4 * * *");
        assertThat(on.has("pull_request")).isTrue();
        assertThat(on.get("workflow_dispatch").get("inputs").has("update_baselines"))
                .isTrue();
        assertThat(on.get("workflow_dispatch").get("inputs").has("platform_filter"))
                .isTrue();
        String steps = wf.get("jobs").get("bench").get("steps").toString();
        assertThat(steps).contains("actions/upload-artifact").contains("\"retention-days\":90");
        assertThat(steps).contains("actions/github-script").contains("createComment");
        assertThat(steps).contains("gh issue create").contains("github.event_name == 'schedule'");
        assertThat(steps).contains("check --against history").contains("--fail-on-regression");
    }

    @Test
    void gitlabJobKeepsArtifactsNinetyDays() throws IOException {
        JsonNode ci = YAML.readTree(CI.resolve("gitlab-ci.yml").toFile());
        JsonNode job = ci.get("bitbench");
        assertThat(job.get("artifacts").get("expire_in").asText()).isEqualTo("90 days");
        assertThat(job.get("script").toString()).contains("check --against history");
    }

    @Test
    void everyBitbenchCommandLineParses() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.addAll(scriptLines(YAML.readTree(CI.resolve("github-actions.yml").toFile())));
        lines.addAll(scriptLines(YAML.readTree(CI.resolve("gitlab-ci.yml").toFile())));
        for (String line : Files.readAllLines(CI.resolve("Jenkinsfile"))) {
            if (!line.trim().startsWith("//")) {
                lines.add(line);
            }
        }
        List<List<String>> commands = new ArrayList<>();
        for (String line : joinContinuations(lines)) {
            Matcher m = COMMAND.matcher(line);
            while (m.find()) {
                // drop the closing quote and parenthesis of a Jenkins sh '...' or script: "..."
                commands.add(words(m.group(1).replaceAll("['\"]\\)*\\s*$", "")));
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(12);
        CommandLine parser = BitBench.commandLine();
        List<String> parsed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (List<String> args : commands) {
            String joined = String.join(" ", args);
            if (!parser.getSubcommands().containsKey(args.get(0))) {
                unknown.add(joined);
                continue;
            }
            // throws a ParameterException naming the bad option or argument
            BitBench.commandLine().parseArgs(args.toArray(String[]::new));
            parsed.add(joined);
        }
        System.out.println("CI command lines parsed: " + parsed.size());
        parsed.forEach(c -> System.out.println("  ok      bitbench " + c));
        unknown.forEach(c -> System.out.println("  not yet bitbench " + c + "  (no such subcommand in this build)"));
        assertThat(parsed).anyMatch(c -> c.startsWith("setup")).anyMatch(c -> c.startsWith("doctor"));
    }

    @Test
    void splitsWordsAndStopsAtShellOperators() {
        assertThat(words("check --platform \"$P\" --fail-on-regression 2>&1 | tee x"))
                .containsExactly("check", "--platform", "X", "--fail-on-regression");
        assertThat(words("run --tag ref=${{ github.ref_name }} --profile quick"))
                .containsExactly("run", "--tag", "ref=X", "--profile", "quick");
        assertThat(words("report a --output b.md >> \"$GITHUB_STEP_SUMMARY\""))
                .containsExactly("report", "a", "--output", "b.md");
    }

    /** Every string below {@code run}/{@code script} keys, one entry per line. */
    static List<String> scriptLines(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, false, out);
        return out;
    }

    private static void collect(JsonNode node, boolean inScript, List<String> out) {
        if (node.isTextual() && inScript) {
            out.addAll(node.asText().lines().toList());
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, inScript, out));
        } else if (node.isObject()) {
            node.fields()
                    .forEachRemaining(e -> collect(
                            e.getValue(),
                            inScript || e.getKey().equals("run") || e.getKey().equals("script"),
                            out));
        }
    }

    private static List<String> joinContinuations(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String t = line.stripTrailing();
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
            } else {
                out.add(current.append(t).toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Shell-like words up to the first operator; variables and expressions become {@code X}. */
    static List<String> words(String text) {
        String s = text.replaceAll("\\$\\{\\{[^}]*}}", "X")
                .replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_.]*}", "X")
                .replaceAll("\\$[A-Za-z_][A-Za-z0-9_]*", "X")
                .replaceAll("\\$\\(\\([^)]*\\)\\)|\\$\\([^)]*\\)", "X");
        List<String> words = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (w.matches("\\d?>>?.*|\\||\\|\\||&&|;|&|\\d>&\\d")) {
                break;
            }
            String unquoted = w.replace("\"", "").replace("'", "");
            if (unquoted.endsWith(";")) {
                words.add(unquoted.substring(0, unquoted.length() - 1));
                break;
            }
            words.add(unquoted);
        }
        return words;
    }
}
