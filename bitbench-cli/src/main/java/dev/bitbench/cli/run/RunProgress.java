package dev.bitbench.cli.run;

/** Receives the progress of a run, benchmark by benchmark. Called from one thread. */
public interface RunProgress extends AutoCloseable {
    /** The run begins with {@code total} benchmarks. */
    void started(int total);

    /** Benchmark {@code position} (1-based) of the run begins. */
    void benchmarkStarted(int position, String id);

    /** A benchmark ended with {@code status} ({@code ok}, {@code failed}, {@code timeout}, {@code skipped}). */
    void benchmarkFinished(int position, String id, String status);

    /** A line about preparing the run (e.g. generating a fixture) before the benchmarks start. */
    default void note(String line) {}

    /** The run ended; release the terminal. */
    @Override
    void close();

    /** Progress that shows nothing ({@code --quiet}). */
    static RunProgress silent() {
        return new RunProgress() {
            @Override
            public void started(int total) {}

            @Override
            public void benchmarkStarted(int position, String id) {}

            @Override
            public void benchmarkFinished(int position, String id, String status) {}

            @Override
            public void close() {}
        };
    }
}
