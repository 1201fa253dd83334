package dev.bitbench.store;

import dev.bitbench.core.result.RunResult;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The main class of the child JVMs that {@link StoreProcessTest} starts.
 *
 * <ul>
 *   <li>{@code crash URL}: stores run {@code whole}, then writes every row of run {@code half},
 *       prints {@code MID-TRANSACTION} and waits on stdin without committing (the parent kills it
 *       there).
 *   <li>{@code write URL PREFIX COUNT}: stores {@code COUNT} runs {@code PREFIX-i}, then prints
 *       {@code DONE}.
 * </ul>
 */
public final class StoreChild {
    static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    private StoreChild() {}

    static RunResult run(String id, int i) {
        return StoreFixtures.run(id, T0.plusSeconds(i), "linux-x86_64", "main", Map.of(), 50, 20, 3, id.hashCode());
    }

    public static void main(String[] args) throws IOException {
        RunStore store = RunStore.open(args[1]);
        if (args[0].equals("crash")) {
            store.store(run("whole", 0));
            RunWriter stalling = new RunWriter(true) {
                @Override
                void write(Connection c, RunResult run, Instant storedAt) throws SQLException {
                    super.write(c, run, storedAt);
                    System.out.println("MID-TRANSACTION");
                    System.out.flush();
                    try {
                        System.in.read(); // the parent kills this JVM here
                    } catch (IOException e) {
                        throw new SQLException(e);
                    }
                    throw new SQLException("the parent was expected to kill this process");
                }
            };
            store.store(run("half", 1), stalling);
        } else {
            int count = Integer.parseInt(args[3]);
            for (int i = 0; i < count; i++) {
                store.store(run(args[2] + "-" + i, i));
            }
            System.out.println("DONE");
        }
    }
}
