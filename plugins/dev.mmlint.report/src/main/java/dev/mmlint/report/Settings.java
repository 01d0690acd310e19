package dev.mmlint.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import dev.mmlint.frontend.Budgets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's mmlint settings, {@code .mmlint.json} at the root of the tree (found by walking up from
 * the first PATH, stopping at a directory holding {@code .git}), or a file named by {@code --settings}:
 * <pre>
 * {
 *   "rules":    { "MM005": "off", "MM001": "error" },          // on | off | note | warning | error
 *   "exclude":  [ "drivers/**", "mm/legacy_*.c" ],              // globs, relative to the settings file
 *   "suppress": [ { "fingerprint": "1f0c…", "reason": "bounded by the caller, see commit abc" } ],
 *   "budgets":  { "time": "60s", "function": "10s", "memory": "50%" }  // per file, per function, per file; "off": none
 * }
 * </pre>
 * Every suppression needs a reason. Unknown keys are errors (a misspelt "exclude" must not silently
 * lint everything).
 */
public record Settings(Path file, Map<String, String> rules, List<String> exclude, List<Suppression> suppress, Budgets budgets) {
    public Settings(Path file, Map<String, String> rules, List<String> exclude, List<Suppression> suppress) {
        this(file, rules, exclude, suppress, Budgets.UNSET);
    }

    public Settings {
        if (budgets == null) budgets = Budgets.UNSET;
    }

    public static final String FILE_NAME = ".mmlint.json";
    private static final ObjectMapper M = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS);

    public record Suppression(String fingerprint, String reason) {}

    /** Raw shape of the file, for Jackson. */
    private record Raw(Map<String, String> rules, List<String> exclude, List<Suppression> suppress, Map<String, String> budgets) {}

    /** A settings file that cannot be used: {@code file:line:col: message}. */
    public static final class SettingsException extends Exception {
        public SettingsException(String message) { super(message); }
    }

    public static Settings none() { return new Settings(null, Map.of(), List.of(), List.of(), Budgets.UNSET); }

    /** The settings file governing {@code start}: the nearest .mmlint.json above it, up to the repository root. */
    public static Path find(Path start) {
        Path d = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) d = d.getParent();
        for (; d != null; d = d.getParent()) {
            Path f = d.resolve(FILE_NAME);
            if (Files.isRegularFile(f)) return f;
            if (Files.exists(d.resolve(".git"))) return null;
        }
        return null;
    }

    public static Settings read(Path file, Set<String> knownRules) throws SettingsException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException(file + ": cannot read: " + e.getMessage());
        }
        Raw raw;
        try {
            raw = M.readValue(text, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            JsonLocation at = locate(text, e.getPropertyName(), null);
            throw error(file, at != null ? at : e.getLocation(), "unknown key '" + e.getPropertyName() + "' (known: rules, exclude, suppress, budgets)");
        } catch (JsonMappingException e) {
            throw error(file, e.getLocation(), "malformed settings: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw error(file, e.getLocation(), "malformed JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (raw == null) throw new SettingsException(file + ":1:1: empty settings file");
        Map<String, String> rules = new LinkedHashMap<>();
        if (raw.rules() != null) for (var e : raw.rules().entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().trim().toLowerCase();
            if (!knownRules.contains(e.getKey()))
                throw error(file, locate(text, "rules", e.getKey()), "unknown rule '" + e.getKey() + "' (known: " + String.join(", ", knownRules) + ")");
            if (!Set.of("on", "off", "note", "warning", "error").contains(v))
                throw error(file, locate(text, "rules", e.getKey()), "rule " + e.getKey() + ": '" + e.getValue() + "' is not one of on, off, note, warning, error");
            rules.put(e.getKey(), v);
        }
        List<String> exclude = new ArrayList<>();
        if (raw.exclude() != null) for (String g : raw.exclude()) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + g);
            } catch (RuntimeException ex) {
                throw error(file, locate(text, "exclude", null), "bad glob '" + g + "': " + firstLine(ex.getMessage()));
            }
            exclude.add(g);
        }
        List<Suppression> sup = new ArrayList<>();
        if (raw.suppress() != null) {
            int i = 0;
            for (Suppression s : raw.suppress()) {
                if (s == null || s.fingerprint() == null || !s.fingerprint().matches("[0-9a-f]{8,64}"))
                    throw error(file, locate(text, "suppress", null), "suppress[" + i + "]: \"fingerprint\" must be a finding's fingerprint (hex)");
                if (s.reason() == null || s.reason().isBlank())
                    throw error(file, locate(text, "suppress", null), "suppress[" + i + "]: a suppression needs a \"reason\"");
                sup.add(s);
                i++;
            }
        }
        Budgets budgets = Budgets.UNSET;
        if (raw.budgets() != null) for (var e : raw.budgets().entrySet()) {
            try {
                budgets = switch (e.getKey()) {
                    case "time" -> budgets.withFileTime(Budgets.parseTime(e.getValue()));
                    case "function" -> budgets.withFunctionTime(Budgets.parseTime(e.getValue()));
                    case "memory" -> budgets.withMemory(Budgets.parseMemory(e.getValue()));
                    default -> throw new IllegalArgumentException("unknown budget '" + e.getKey() + "' (known: time, function, memory)");
                };
            } catch (IllegalArgumentException ex) {
                throw error(file, locate(text, "budgets", e.getKey()), "budgets: " + ex.getMessage());
            }
        }
        return new Settings(file, Map.copyOf(rules), List.copyOf(exclude), List.copyOf(sup), budgets);
    }

    /** Severity overrides for the engine. */
    public Map<String, Severity> severities() {
        Map<String, Severity> m = new LinkedHashMap<>();
        rules.forEach((id, v) -> { if (!v.equals("on") && !v.equals("off")) m.put(id, Severity.parse(v)); });
        return m;
    }

    public Set<String> disabled() {
        Set<String> s = new java.util.TreeSet<>();
        rules.forEach((id, v) -> { if (v.equals("off")) s.add(id); });
        return s;
    }

    /** Whether a file is excluded (globs are matched against its path relative to the settings file's directory). */
    public boolean excludes(Path sourceFile) {
        if (exclude.isEmpty() || file == null) return false;
        Path root = file.toAbsolutePath().normalize().getParent();
        Path p = sourceFile.toAbsolutePath().normalize();
        if (!p.startsWith(root)) return false;
        Path rel = root.relativize(p);
        for (String g : exclude) if (FileSystems.getDefault().getPathMatcher("glob:" + g).matches(rel)) return true;
        return false;
    }

    public boolean suppressed(Finding f) {
        for (Suppression s : suppress) if (s.fingerprint().equals(f.fingerprint())) return true;
        return false;
    }

    private static SettingsException error(Path file, JsonLocation l, String msg) {
        String at = l == null || l.getLineNr() < 1 ? ":1" : ":" + l.getLineNr() + (l.getColumnNr() > 0 ? ":" + l.getColumnNr() : "");
        return new SettingsException(file + at + ": " + msg);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Where key {@code inner} (or the value of {@code top} when inner is null) starts, for messages. */
    private static JsonLocation locate(String text, String top, String inner) {
        try (JsonParser p = M.getFactory().createParser(text)) {
            int depth = 0;
            boolean inTop = false;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) { depth--; if (depth == 1) inTop = false; }
                else if (t == JsonToken.FIELD_NAME) {
                    if (depth == 1 && p.currentName().equals(top)) {
                        if (inner == null) return p.currentTokenLocation();
                        inTop = true;
                    } else if (inTop && depth == 2 && p.currentName().equals(inner)) return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return null;
    }
}
