package dev.bitbench.cli.baseline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bitbench baseline generate|update|show}: the per-platform baselines file. */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = {
            "Manages baselines.json (schema bitbench/baselines/v1): reference samples per platform, benchmark"
                    + " and metric, pooled from real runs, with the thresholds to judge against them.",
            ""
        },
        subcommands = {GenerateCommand.class, UpdateCommand.class, ShowCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bitbench baseline generate --from bitbench-results/run-1 --from bitbench-results/run-2",
            "  bitbench baseline update --from bitbench-results/latest --filter 'kernels\\.matmul/.*'",
            "  bitbench baseline show --platform linux-x86_64"
        })
public final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
