package dev.bitbench.cli.run;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress as one plain line per finished benchmark, for CI logs and anything that is not a
 * terminal: {@code [3/42] ok kernels.add/simd/f32/4096 (elapsed 0:12, eta 2:41)}.
 */
public final class PlainProgress implements RunProgress {
    private final PrintWriter out;
    private long startNanos;
    private int total;

    public PlainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(int total) {
        this.total = total;
        this.startNanos = System.nanoTime();
        out.println("bitbench: running " + total + " benchmarks");
        out.flush();
    }

    @Override
    public void note(String line) {
        out.println("bitbench: " + line.strip());
        out.flush();
    }

    @Override
    public void benchmarkStarted(int position, String id) {}

    @Override
    public void benchmarkFinished(int position, String id, String status) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Duration eta =
                position == 0 ? Duration.ZERO : elapsed.dividedBy(position).multipliedBy(total - position);
        out.printf("[%d/%d] %-7s %s (elapsed %s, eta %s)%n", position, total, status, id, clock(elapsed), clock(eta));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
