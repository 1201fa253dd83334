package dev.bitbench.core.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the model fixtures in {@code .bitbench/fixtures}: a {@code manifest.json} whose entries
 * name files (relative to the manifest) with their SHA-256, each recomputed here.
 *
 * <p>The manifest is read leniently, so that it keeps working while the generator's format settles:
 * any JSON object holding a {@code sha256} and a {@code path}, {@code file} or {@code name} is an
 * entry, and so is any string member whose value is 64 hex digits (name to digest).
 */
public final class FixtureCheck {

    static final String NAME = "fixtures";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private FixtureCheck() {}

    /**
     * Verifies the fixtures in {@code dir}.
     *
     * @param dir normally {@code .bitbench/fixtures} of the working directory
     * @return OK with the count of verified files; WARN when the directory or manifest is absent;
     *     FAIL when the manifest is unreadable, lists nothing, or a file is missing or differs
     */
    public static CheckResult check(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return CheckResult.warn(NAME, "no fixtures (" + manifest + " is absent)", "run bitbench fixtures generate");
        }
        Map<String, String> entries;
        try {
            entries = entries(new ObjectMapper().readTree(manifest.toFile()));
        } catch (IOException e) {
            return CheckResult.fail(
                    NAME, manifest + " is not valid JSON: " + e.getMessage(), "run bitbench fixtures generate");
        }
        if (entries.isEmpty()) {
            return CheckResult.fail(NAME, manifest + " lists no file with a sha256", "run bitbench fixtures generate");
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Path file = dir.resolve(e.getKey()).normalize();
            if (!file.startsWith(dir.normalize()) || !Files.isRegularFile(file)) {
                problems.add(e.getKey() + " missing");
                continue;
            }
            try {
                if (!sha256(file).equalsIgnoreCase(e.getValue())) {
                    problems.add(e.getKey() + " checksum differs");
                }
            } catch (IOException ex) {
                problems.add(e.getKey() + " unreadable");
            }
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(
                    NAME,
                    problems.size() + " of " + entries.size() + " fixtures bad: " + String.join(", ", problems),
                    "regenerate: bitbench fixtures generate");
        }
        return CheckResult.ok(NAME, entries.size() + " files verified by SHA-256 in " + dir);
    }

    /** Hex SHA-256 of a file's bytes, lower case. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** File name to expected digest, from a manifest tree. */
    static Map<String, String> entries(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, Map<String, String> out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode sha = node.get("sha256");
        if (sha != null && sha.isTextual() && SHA256.matcher(sha.asText()).matches()) {
            for (String key : List.of("path", "file", "name")) {
                JsonNode name = node.get(key);
                if (name != null && name.isTextual()) {
                    out.put(name.asText(), sha.asText());
                    return;
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (v.isTextual()
                    && SHA256.matcher(v.asText()).matches()
                    && !f.getKey().equals("sha256")) {
                out.put(f.getKey(), v.asText());
            } else if (v.isContainerNode()) {
                collect(v, out);
            }
        }
    }
}
