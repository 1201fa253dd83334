package dev.bitbench.suite.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The forked-JVM side of cross-validation against llama.cpp: {@code LlamaCppProbe REQUEST.json
 * RESPONSE.json}. Loads the GGUF through {@link LlamaCppEngine}, runs greedy generation, the
 * teacher-forced steps and the timed runs the request asks for, writes the response (or the error)
 * and ends the JVM with {@link System#exit(int)}, because the library's native thread would keep it
 * alive. Exit code 0 when the response was written, 1 otherwise.
 */
public final class LlamaCppProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LlamaCppProbe() {}

    /**
     * What the parent asks for.
     *
     * @param model the GGUF file
     * @param threads llama.cpp threads
     * @param context context size in tokens
     * @param vocab vocabulary size (to map generated text back to ids)
     * @param excluded ids left out of the greedy choices of the agreement check (the parent leaves
     *     out the same ones: tokens whose text does not name them, such as lone UTF-8 bytes)
     * @param prompt prompt ids of the agreement check
     * @param forced the parent engine's greedy continuation of {@code prompt}: step {@code k} asks
     *     llama.cpp for its greedy token after {@code prompt + forced[0..k)}
     * @param speedPrompt prompt ids of the timed runs
     * @param speedTokens tokens generated per timed run
     * @param repeats timed runs after one untimed warm-up run
     */
    public record Request(
            String model,
            int threads,
            int context,
            int vocab,
            int[] excluded,
            int[] prompt,
            int[] forced,
            int[] speedPrompt,
            int speedTokens,
            int repeats) {}

    /**
     * What llama.cpp did.
     *
     * @param version the reference's name and llama.cpp version
     * @param freeRun greedy tokens after {@code prompt}, free-running, as ids (-1 when a text maps to
     *     no single id)
     * @param freeRunText the text of each of them
     * @param forced llama.cpp's greedy token at each teacher-forced step (-1 as above)
     * @param forcedText the text of each of them
     * @param promptTokensPerSecond per timed run: prompt tokens over the time to the first token
     * @param decodeTokensPerSecond per timed run: decode steps after the first token over their time
     * @param error null, or why llama.cpp could not run
     */
    public record Response(
            String version,
            int[] freeRun,
            List<String> freeRunText,
            int[] forced,
            List<String> forcedText,
            double[] promptTokensPerSecond,
            double[] decodeTokensPerSecond,
            String error) {
        static Response failed(String error) {
            return new Response(
                    LlamaCppEngine.VERSION,
                    new int[0],
                    List.of(),
                    new int[0],
                    List.of(),
                    new double[0],
                    new double[0],
                    error);
        }
    }

    public static void main(String[] args) {
        int code = 1;
        try {
            Request request = JSON.readValue(Path.of(args[0]).toFile(), Request.class);
            Response response;
            try {
                response = run(request);
            } catch (Throwable e) { // LlamaException, UnsatisfiedLinkError on an unsupported CPU or OS
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                System.err.println(trace);
                response = Response.failed(e.toString());
            }
            Files.writeString(Path.of(args[1]), JSON.writeValueAsString(response));
            code = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(code);
    }

    static Response run(Request r) {
        try (LlamaCppEngine engine = LlamaCppEngine.open(Path.of(r.model()), r.threads(), r.context(), r.vocab())) {
            engine.exclude(r.excluded());
            LlamaCppEngine.Streamed free = engine.generate(r.prompt(), r.forced().length, false);
            List<String> forcedText = new ArrayList<>();
            int[] prefix = new int[r.prompt().length + r.forced().length];
            System.arraycopy(r.prompt(), 0, prefix, 0, r.prompt().length);
            System.arraycopy(r.forced(), 0, prefix, r.prompt().length, r.forced().length);
            for (int k = 0; k < r.forced().length; k++) {
                forcedText.add(engine.next(java.util.Arrays.copyOf(prefix, r.prompt().length + k)));
            }
            engine.exclude(new int[0]);
            double[] prompt = new double[r.repeats()];
            double[] decode = new double[r.repeats()];
            for (int i = -1; i < r.repeats(); i++) {
                LlamaCppEngine.Streamed s = engine.generate(r.speedPrompt(), r.speedTokens(), false);
                if (i >= 0) {
                    prompt[i] = r.speedPrompt().length * 1e9 / s.firstNanos();
                    decode[i] = (r.speedTokens() - 1) * 1e9 / Math.max(1, s.restNanos());
                }
            }
            return new Response(
                    LlamaCppEngine.VERSION,
                    ids(engine, free.texts()),
                    free.texts(),
                    ids(engine, forcedText),
                    forcedText,
                    prompt,
                    decode,
                    null);
        }
    }

    private static int[] ids(LlamaCppEngine engine, List<String> texts) {
        return texts.stream().mapToInt(engine::idOf).toArray();
    }
}
