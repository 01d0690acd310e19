package dev.mmlint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmlint.engine.api.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Accepted findings, by fingerprint. The file is JSON: {@code {"version": 1, "findings": [{"fingerprint",
 * "rule", "file", "function", "line", "message"}]}}; only the fingerprint counts, the rest is for the human
 * reading a diff of it (and for SARIF "absent" results).
 */
public record Baseline(Map<String, Entry> entries) {
    public static final int VERSION = 1;

    public record Entry(String fingerprint, String rule, String file, String function, int line, String message) {}

    /** A baseline that cannot be used, with one line saying why. */
    public static final class BaselineException extends Exception {
        public BaselineException(String message) { super(message); }
    }

    public static Baseline read(Path file) throws BaselineException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BaselineException(file + ": no such file");
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JsonFormatter.M.readTree(text);
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw new BaselineException(file + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr()) + ": not a baseline: malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new BaselineException(file + ": not a baseline: expected a JSON object");
        if (root.path("version").asInt(-1) != VERSION)
            throw new BaselineException(file + ": not a baseline: \"version\" must be " + VERSION);
        JsonNode fs = root.get("findings");
        if (fs == null || !fs.isArray()) throw new BaselineException(file + ": not a baseline: \"findings\" must be an array");
        Map<String, Entry> m = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode f : fs) {
            String fp = f.path("fingerprint").asText("");
            if (!fp.matches("[0-9a-f]{8,64}"))
                throw new BaselineException(file + ": not a baseline: findings[" + i + "] has no valid \"fingerprint\"");
            m.put(fp, new Entry(fp, f.path("rule").asText(""), f.path("file").asText(""), f.path("function").asText(""),
                    f.path("line").asInt(0), f.path("message").asText("")));
            i++;
        }
        return new Baseline(Map.copyOf(m));
    }

    public static void write(Path file, List<Finding> findings) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, findings);
        }
    }

    public static void write(Writer w, List<Finding> findings) throws IOException {
        ObjectNode root = JsonFormatter.M.createObjectNode();
        root.put("version", VERSION);
        root.put("tool", "mmlint");
        ArrayNode a = root.putArray("findings");
        Map<String, Finding> unique = new TreeMap<>();
        for (Finding f : findings) unique.putIfAbsent(f.fingerprint(), f);
        unique.values().stream().sorted(Finding.ORDER).forEach(f -> a.addObject().put("fingerprint", f.fingerprint())
                .put("rule", f.ruleId()).put("file", f.file()).put("function", f.function()).put("line", f.line())
                .put("message", f.message()));
        JsonFormatter.M.writeValue(new JsonFormatter.NonClosing(w), root);
        w.write("\n");
    }

    /** fingerprint -> "new" or "unchanged" for every finding. */
    public Map<String, String> states(List<Finding> findings) {
        Map<String, String> m = new TreeMap<>();
        for (Finding f : findings) m.put(f.fingerprint(), entries.containsKey(f.fingerprint()) ? "unchanged" : "new");
        return m;
    }

    /** Baseline entries that no current finding matches, in file/line order. */
    public List<Entry> absent(List<Finding> findings) {
        Set<String> now = findings.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        List<Entry> r = new ArrayList<>();
        for (Entry e : entries.values()) if (!now.contains(e.fingerprint())) r.add(e);
        r.sort(java.util.Comparator.comparing(Entry::file).thenComparingInt(Entry::line).thenComparing(Entry::rule)
                .thenComparing(Entry::fingerprint));
        return List.copyOf(r);
    }
}
