package dev.bitbench.cli.doctor;

import dev.bitbench.cli.ExitCodes;
import dev.bitbench.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bitbench setup}: from a fresh clone to ready. Each step first looks; only what is missing is
 * done, so a second run does nothing and says so. {@code --force} redoes every step, {@code
 * --dry-run} only looks. A failing step stops setup with its reason and fix hint (exit 1).
 */
@Command(
        name = "setup",
        mixinStandardHelpOptions = true,
        description = {
            "Set up this checkout: check the JDK, build the tool, verify fixtures, create the run history,"
                    + " check the reference engine and run doctor.",
            "Idempotent: a second run does nothing and says so."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  bitbench setup", "  bitbench setup --dry-run", "  bitbench setup --force --skip-reference"})
public final class SetupCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Print each step it would take; change nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Redo every step, even those already done.")
    boolean force;

    @Option(names = "--skip-reference", description = "Skip the external reference engine (llama.cpp) step.")
    boolean skipReference;

    @Option(
            names = "--db",
            paramLabel = "URL",
            description = "JDBC URL of the run history (default: $BITBENCH_DB, else " + RunStore.DEFAULT_URL + ").")
    String db;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Project directory (default: the current directory).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path project = dir.toAbsolutePath().normalize();
        PrintWriter out = spec.commandLine().getOut();
        List<SetupStep> steps = SetupSteps.all(project, System.getenv(), db, skipReference);
        out.println("bitbench setup" + (dryRun ? " --dry-run" : "") + (force ? " --force" : "") + " in " + project);
        int done = 0;
        int already = 0;
        for (SetupStep step : steps) {
            SetupStep.State state = step.inspect();
            String label = String.format(Locale.ROOT, "  %-10s ", step.name());
            switch (state.kind()) {
                case FAILED -> {
                    out.println(label + "FAILED: " + state.detail());
                    out.println("  fix: " + state.hint());
                    out.flush();
                    return ExitCodes.FAILURE;
                }
                case SKIPPED ->
                    out.println(label + "skipped: " + state.detail()
                            + (state.hint().isEmpty() ? "" : "  -> " + state.hint()));
                case DONE, TODO -> {
                    if (dryRun) {
                        out.println(label
                                + (state.kind() == SetupStep.Kind.TODO || force ? "would " : already(step))
                                + (state.kind() == SetupStep.Kind.TODO ? state.detail() : redo(state)));
                    } else if (state.kind() == SetupStep.Kind.DONE && !force) {
                        out.println(label + already(step) + state.detail());
                        already++;
                    } else {
                        try {
                            out.println(label + "done: " + step.apply());
                            done++;
                        } catch (SetupStep.Failure f) {
                            out.println(label + "FAILED: " + f.getMessage());
                            out.println("  fix: " + f.hint());
                            out.flush();
                            return ExitCodes.FAILURE;
                        }
                    }
                }
            }
            out.flush();
        }
        if (dryRun) {
            out.println("Dry run: nothing changed.");
        } else if (done == 0) {
            out.println("Nothing to do: already set up (" + already + " steps in place; --force redoes every step).");
        } else {
            out.println("Set up: " + done + " step(s) done, " + already + " already in place.");
        }
        out.println("Next: ./bitbench run            # the quick profile, stored in the run history");
        out.println("      ./bitbench doctor         # each check with its fix hint");
        out.flush();
        return ExitCodes.OK;
    }

    private static String already(SetupStep step) {
        return step.checkOnly() ? "ok: " : "already: ";
    }

    private String redo(SetupStep.State state) {
        return force ? "redo: " + state.detail() : state.detail();
    }
}
