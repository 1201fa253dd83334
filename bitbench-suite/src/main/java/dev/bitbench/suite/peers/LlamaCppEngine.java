package dev.bitbench.suite.peers;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * llama.cpp in process through java-llama.cpp ({@code de.kherud:llama}), which bundles llama.cpp
 * b4916 as a JNI library and drives it through llama.cpp's server loop. Prompts are passed as token
 * ids, so both engines see exactly the same input. Sampling is greedy (temperature 0, top-k 1).
 *
 * <p>The library starts a native thread that stays attached to the JVM after {@link #close()}: a
 * JVM that used it must end with {@link System#exit(int)}. Use it in a forked JVM only.
 */
public final class LlamaCppEngine implements AutoCloseable {
    /** The reference as reports name it. */
    public static final String VERSION = "java-llama.cpp 4.2.0 (llama.cpp b4916)";
    /** The system property where java-llama.cpp extracts its native library. */
    public static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";

    private final LlamaModel model;
    private final Map<String, Integer> textToId;
    private List<Integer> excluded = List.of();

    private LlamaCppEngine(LlamaModel model, Map<String, Integer> textToId) {
        this.model = model;
        this.textToId = textToId;
    }

    /**
     * Loads a GGUF.
     *
     * @param gguf the model file
     * @param threads threads for prompt processing and decoding
     * @param context the context size in tokens
     * @param vocab the vocabulary size; each id's text is looked up once to map generated text back to
     *     ids
     */
    public static LlamaCppEngine open(Path gguf, int threads, int context, int vocab) {
        ensureNativeDirectory();
        ModelParameters params = new ModelParameters()
                .setModel(gguf.toString())
                .setThreads(threads)
                .setThreadsBatch(threads)
                .setCtxSize(context)
                .setBatchSize(512)
                .setParallel(1)
                .setGpuLayers(0)
                .skipWarmup()
                .disableLog();
        LlamaModel model = new LlamaModel(params);
        Map<String, List<Integer>> byText = new HashMap<>();
        for (int id = 0; id < vocab; id++) {
            byText.computeIfAbsent(model.decode(new int[] {id}), k -> new ArrayList<>())
                    .add(id);
        }
        Map<String, Integer> unique = byText.entrySet().stream()
                .filter(e -> e.getValue().size() == 1 && !e.getKey().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
        return new LlamaCppEngine(model, unique);
    }

    /** Puts the extracted native library under {@code .bitbench/} unless a directory was chosen. */
    static void ensureNativeDirectory() {
        if (System.getProperty(TMPDIR_PROPERTY) == null) {
            Path dir = Path.of(".bitbench", "native").toAbsolutePath();
            try {
                Files.createDirectories(dir);
                System.setProperty(TMPDIR_PROPERTY, dir.toString());
            } catch (java.io.IOException e) {
                // the library falls back to java.io.tmpdir
            }
        }
    }

    /** Tokens greedy choices leave out from now on (logit bias minus infinity), e.g. those {@link #idOf} cannot name. */
    public void exclude(int[] ids) {
        excluded = Arrays.stream(ids).boxed().toList();
    }

    /**
     * The id whose text is {@code text}, or -1 if no id or more than one has it (byte tokens that are
     * not valid UTF-8 on their own, control tokens).
     */
    public int idOf(String text) {
        return textToId.getOrDefault(text, -1);
    }

    /** The greedy next token after {@code prefix}, as its text; the KV cache of a shared prefix is reused. */
    public String next(int[] prefix) {
        return complete(prefix, true);
    }

    /**
     * The greedy next token after {@code prompt}, as its text.
     *
     * @param reuseCache whether the KV cache of the longest prefix shared with the last request is
     *     kept (else the whole prompt is processed again)
     */
    public String complete(int[] prompt, boolean reuseCache) {
        return model.complete(parameters(prompt, 1, reuseCache));
    }

    /** Greedy generation, streamed and timed. */
    public Streamed generate(int[] prompt, int tokens, boolean reuseCache) {
        List<String> texts = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        long start = System.nanoTime();
        for (LlamaOutput out : model.generate(parameters(prompt, tokens, reuseCache))) {
            times.add(System.nanoTime());
            texts.add(out.text);
        }
        // the server ends a stream with a message that carries no token; bytes that are not yet valid
        // UTF-8 are held back and sent with the next token's text, so a text may stand for two tokens
        int n = Math.max(0, texts.size() - 1);
        long first = n == 0 ? 0 : times.get(0) - start;
        long rest = n == 0 ? 0 : times.get(n - 1) - times.get(0);
        return new Streamed(texts.subList(0, n), first, rest);
    }

    /**
     * A streamed generation.
     *
     * @param texts the text of each streamed token
     * @param firstNanos from the request to the first token: prompt processing and one sample
     * @param restNanos from the first token to the last: {@code texts.size() - 1} decode steps
     */
    public record Streamed(List<String> texts, long firstNanos, long restNanos) {
        public Streamed {
            texts = List.copyOf(texts);
        }
    }

    private InferenceParameters parameters(int[] prompt, int tokens, boolean reuseCache) {
        InferenceParameters p = new InferenceParameters("")
                .setNPredict(tokens)
                .setTemperature(0f)
                .setTopK(1)
                .setRepeatPenalty(1f)
                .setIgnoreEos(true)
                .setCachePrompt(reuseCache)
                .setSeed(42)
                .disableTokenIds(excluded);
        rawParameters(p).put("prompt", Arrays.toString(prompt));
        return p;
    }

    /**
     * The JSON the request is made of. java-llama.cpp only takes prompts as text; llama.cpp's server
     * also takes a JSON array of token ids, which is what cross-validation needs.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> rawParameters(InferenceParameters p) {
        try {
            Field f = p.getClass().getSuperclass().getDeclaredField("parameters");
            f.setAccessible(true);
            return (Map<String, String>) f.get(p);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("java-llama.cpp changed its parameter storage: " + e, e);
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /**
     * Ends the JVM with exit code 0 once its {@code main} thread has returned, which the library's
     * native thread would otherwise prevent (a JMH fork would sit out its 30 s shutdown timeout).
     * Waiting for {@code main} lets the host finish first: JMH's forked main has sent every result by
     * then. Does nothing when there is no {@code main} thread.
     */
    public static void exitWhenMainEnds() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("main") && t != Thread.currentThread())
                .findFirst()
                .ifPresent(main -> {
                    Thread watcher = new Thread(
                            () -> {
                                try {
                                    main.join();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                System.exit(0);
                            },
                            "bitbench-llama-cpp-exit");
                    watcher.setDaemon(true);
                    watcher.start();
                });
    }
}
