package dev.mmlint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SARIF logs of a sharded scan (one {@code mmlint check --format sarif} per shard or per configuration)
 * made one: one run, every rule once, every finding once by its {@code partialFingerprints["mmlint/v1"]}
 * (a file built under two configurations, or a header function reported from two files, is one result),
 * every "not analysed" notification once.
 *
 * <p>A baseline entry a shard reports {@code "baselineState": "absent"} may only be absent from that shard
 * (its file was in another one): a fingerprint that any shard reports as a finding is that finding, and
 * only a fingerprint no shard found stays absent. The merged invocation is successful when every shard's
 * was. Results are ordered by file, line, rule and fingerprint, so the output does not depend on the order
 * of the inputs. An input that is not a SARIF log written by mmlint is a problem line naming the file
 * (and the JSON line for malformed JSON); the others are merged all the same.
 */
public final class SarifMerge {
    /** Inputs larger than this are refused rather than read into memory. */
    public static final long MAX_INPUT_BYTES = 512L << 20;
    static final String FINGERPRINT = "mmlint/v1";

    private SarifMerge() {}

    /**
     * The merged log ({@code null} when no input could be used), the runs merged, the results kept and
     * folded, one line per input that could not be merged, and one per input merged with a caveat.
     */
    public record Outcome(ObjectNode log, int merged, int results, int duplicates, List<String> problems, List<String> warnings) {}

    private record Input(Path file, ObjectNode run, String schema, String version) {}

    public static Outcome merge(List<Path> files) {
        List<String> problems = new ArrayList<>();
        List<Input> inputs = new ArrayList<>();
        for (Path f : files) {
            try {
                inputs.addAll(read(f));
            } catch (MergeException e) {
                problems.add(e.getMessage());
            }
        }
        if (inputs.isEmpty()) return new Outcome(null, 0, 0, 0, List.copyOf(problems), List.of());
        List<String> warnings = new ArrayList<>();
        Input first = inputs.get(0);
        String version = first.run.path("tool").path("driver").path("version").asText("");
        for (Input in : inputs) {
            String v = in.run.path("tool").path("driver").path("version").asText("");
            if (!v.equals(version))
                warnings.add(in.file + ": written by mmlint " + (v.isEmpty() ? "(no version)" : v) + ", not " + version + " as "
                        + first.file + "; fingerprints of different versions may not match (merged anyway)");
        }

        ObjectNode root = JsonFormatter.M.createObjectNode();
        root.put("$schema", first.schema == null ? SarifFormatter.SCHEMA : first.schema);
        root.put("version", first.version);
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = first.run.path("tool").path("driver").deepCopy();
        run.putObject("tool").set("driver", driver);

        // rules: every id once (the first description of it), sorted by id
        Map<String, JsonNode> rules = new TreeMap<>();
        for (Input in : inputs)
            for (JsonNode r : in.run.path("tool").path("driver").path("rules"))
                if (r.hasNonNull("id")) rules.putIfAbsent(r.get("id").asText(), r);
        ArrayNode ruleArray = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : rules.entrySet()) {
            index.put(e.getKey(), ruleArray.size());
            ruleArray.add(e.getValue().deepCopy());
        }

        // one invocation: successful when every shard's was; notifications once each
        ObjectNode inv = run.putArray("invocations").addObject();
        boolean ok = true;
        Set<String> seenNotes = new HashSet<>();
        ArrayNode notes = JsonFormatter.M.createArrayNode();
        for (Input in : inputs) {
            JsonNode invs = in.run.path("invocations");
            if (invs.isEmpty()) ok = false;
            for (JsonNode i : invs) {
                ok &= i.path("executionSuccessful").asBoolean(false);
                for (JsonNode n : i.path("toolExecutionNotifications"))
                    if (seenNotes.add(n.toString())) notes.add(n.deepCopy());
            }
        }
        inv.put("executionSuccessful", ok);
        inv.set("toolExecutionNotifications", notes);
        for (String field : new String[] {"originalUriBaseIds", "columnKind"})
            if (first.run.has(field)) run.set(field, first.run.get(field).deepCopy());

        // results: one per fingerprint; a finding wins over a shard's "absent" for the same fingerprint
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        int total = 0;
        for (Input in : inputs) {
            for (JsonNode r : in.run.path("results")) {
                if (!r.isObject()) continue;
                total++;
                String key = key(r);
                ObjectNode had = byKey.get(key);
                if (had == null || (absent(had) && !absent(r))) byKey.put(key, ((ObjectNode) r).deepCopy());
            }
        }
        List<ObjectNode> results = new ArrayList<>(byKey.values());
        results.sort(Comparator.comparing((ObjectNode r) -> uri(r)).thenComparingInt(SarifMerge::line)
                .thenComparing(r -> r.path("ruleId").asText("")).thenComparing(SarifMerge::key));
        ArrayNode out = run.putArray("results");
        for (ObjectNode r : results) {
            String rule = r.path("ruleId").asText("");
            if (index.containsKey(rule)) r.put("ruleIndex", index.get(rule));
            else r.remove("ruleIndex");
            out.add(r);
        }
        return new Outcome(root, inputs.size(), results.size(), total - results.size(), List.copyOf(problems), List.copyOf(warnings));
    }

    public static void write(ObjectNode log, Writer w) throws IOException {
        JsonFormatter.M.writeValue(new JsonFormatter.NonClosing(w), log);
        w.write("\n");
    }

    /** An input that cannot be merged, with one line naming the file. */
    static final class MergeException extends Exception {
        MergeException(String message) { super(message); }
    }

    private static List<Input> read(Path file) throws MergeException {
        String text;
        try {
            if (Files.isDirectory(file)) throw new MergeException(file + ": is a directory, not a SARIF file");
            if (Files.size(file) > MAX_INPUT_BYTES)
                throw new MergeException(file + ": larger than " + (MAX_INPUT_BYTES >> 20) + " MB; not merged");
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new MergeException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new MergeException(file + ": not a SARIF log: not UTF-8 text");
        } catch (IOException e) {
            throw new MergeException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JsonFormatter.M.readTree(text);
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw new MergeException(file + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr())
                    + ": not a SARIF log: malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new MergeException(file + ": not a SARIF log: expected a JSON object");
        String version = root.path("version").asText("");
        if (!"2.1.0".equals(version)) throw new MergeException(file + ": not a SARIF 2.1.0 log (\"version\" is \"" + version + "\")");
        JsonNode runs = root.get("runs");
        if (runs == null || !runs.isArray()) throw new MergeException(file + ": not a SARIF log: \"runs\" must be an array");
        List<Input> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : runs) {
            String where = file + ": runs[" + i++ + "]";
            if (!r.isObject()) throw new MergeException(where + " is not an object");
            String tool = r.path("tool").path("driver").path("name").asText("");
            if (!"mmlint".equals(tool))
                throw new MergeException(where + " was written by " + (tool.isEmpty() ? "an unnamed tool" : "'" + tool + "'")
                        + ", not mmlint; not merged");
            if (r.has("results") && !r.get("results").isArray()) throw new MergeException(where + ": \"results\" must be an array");
            if (r.path("tool").path("driver").has("rules") && !r.path("tool").path("driver").get("rules").isArray())
                throw new MergeException(where + ": \"tool.driver.rules\" must be an array");
            if (r.has("invocations") && !r.get("invocations").isArray())
                throw new MergeException(where + ": \"invocations\" must be an array");
            String schema = root.hasNonNull("$schema") ? root.get("$schema").asText() : null;
            out.add(new Input(file, (ObjectNode) r, schema, version));
        }
        return out;
    }

    /** The finding's fingerprint; for a result without one, its rule, place and message. */
    private static String key(JsonNode r) {
        String fp = r.path("partialFingerprints").path(FINGERPRINT).asText("");
        if (!fp.isEmpty()) return fp;
        return "~" + r.path("ruleId").asText("") + "|" + uri(r) + "|" + line(r) + "|" + r.path("message").path("text").asText("");
    }

    private static boolean absent(JsonNode r) {
        return "absent".equals(r.path("baselineState").asText(""));
    }

    private static String uri(JsonNode r) {
        return r.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText("");
    }

    private static int line(JsonNode r) {
        return r.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt(0);
    }
}
