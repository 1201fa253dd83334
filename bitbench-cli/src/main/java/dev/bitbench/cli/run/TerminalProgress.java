package dev.bitbench.cli.run;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on a terminal: benchmarks done of the total, elapsed time, ETA, and the id of the
 * benchmark running now. Benchmarks that do not end {@code ok} are also printed as a line above it.
 */
public final class TerminalProgress implements RunProgress {
    private final PrintStream out;
    private final boolean color;
    private ProgressBar bar;
    private int total;

    /**
     * @param out the terminal, normally {@code System.err}
     * @param color whether to draw with colour and Unicode blocks ({@code --no-color} turns it off)
     */
    public TerminalProgress(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    @Override
    public void started(int total) {
        this.total = total;
        bar = new ProgressBarBuilder()
                .setTaskName("bitbench run")
                .setInitialMax(total)
                .setStyle(color ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .build();
    }

    @Override
    public void note(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void benchmarkStarted(int position, String id) {
        bar.setExtraMessage(" " + id);
    }

    @Override
    public void benchmarkFinished(int position, String id, String status) {
        if (!status.equals("ok")) {
            out.print("\r\033[2K");
            out.println(status + " " + id);
        }
        bar.stepTo(Math.min(position, total));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
