package dev.bitbench.cli.compare;

import dev.bitbench.cli.UsageError;
import dev.bitbench.core.result.RunResult;
import dev.bitbench.store.RunFilter;
import dev.bitbench.store.RunStore;
import dev.bitbench.store.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a run reference as a path first ({@link PathRunSource}), then as a run id of the history
 * store; also gives the newest stored runs of a platform for {@code check --against history}.
 *
 * <p>The store is opened only when a reference is not a path, and a SQLite history that does not
 * exist yet is never created by a lookup (it simply holds no runs).
 */
public final class StoreRunSource implements RunSource, AutoCloseable {

    private static final String SQLITE = "jdbc:sqlite:";

    private final PathRunSource paths = new PathRunSource();
    private final String url;
    private RunStore store;

    /** @param url JDBC URL of the history ({@link RunStore#resolveUrl}) */
    public StoreRunSource(String url) {
        this.url = url;
    }

    @Override
    public RunResult resolve(String reference) throws IOException {
        if (Files.exists(Path.of(reference))) {
            return paths.resolve(reference);
        }
        Optional<RunStore> history = store();
        if (history.isPresent()) {
            Optional<RunResult> run = history.get().load(reference);
            if (run.isPresent()) {
                return run.get();
            }
        }
        throw new UsageError(reference + ": no such run directory, result file or run id in the history ("
                + (history.isPresent() ? history.get().url() : "none at " + url) + ")");
    }

    /**
     * The newest {@code count} stored runs of {@code platform} that started before {@code current}
     * and are not it, newest first.
     */
    public List<RunResult> recent(RunResult current, int count) {
        Optional<RunStore> history = store();
        if (history.isEmpty()) {
            return List.of();
        }
        List<RunResult> out = new ArrayList<>();
        RunFilter filter = new RunFilter(current.system().platform(), null, null, count + 1);
        for (RunSummary s : history.get().list(filter)) {
            if (out.size() < count
                    && !s.id().equals(current.run().id())
                    && s.started().isBefore(current.run().started())) {
                history.get().load(s.id()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The history URL as given. */
    public String url() {
        return url;
    }

    private Optional<RunStore> store() {
        if (store == null) {
            if (url.startsWith(SQLITE)) {
                String file = url.substring(SQLITE.length());
                int query = file.indexOf('?');
                if (!Files.exists(Path.of(query < 0 ? file : file.substring(0, query)))) {
                    return Optional.empty();
                }
            }
            store = RunStore.open(url);
        }
        return Optional.of(store);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
