package dev.mmlint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The development corpus, {@code test-fixtures/corpus/<entry>/} (format: test-fixtures/corpus/README.md):
 * each entry's {@code entry.yaml}, its C files and the flag lines marked in {@code before.c}. Reading
 * never stops at bad input: what is wrong is kept as a problem naming the file and line, and the rest
 * of the corpus is read.
 */
final class Corpus {
    private Corpus() {}

    /** A problem with the corpus itself (not a finding): file, line (0 when none) and what is wrong. */
    record Problem(String file, int line, String message) {
        @Override public String toString() { return file + (line > 0 ? ":" + line : "") + ": " + message; }
    }

    /** A line of before.c that must be flagged by {@code rule}. */
    record FlagLine(String entry, Path file, int line, String rule) {}

    /** The role of a C file in its entry. */
    enum Role {
        BEFORE("before.c"), AFTER("after.c"), OK("ok.c");

        final String fileName;

        Role(String fileName) { this.fileName = fileName; }
    }

    /**
     * A C file of an entry, with its flag lines (before.c only) and its kept flaws (after.c only: lines
     * of the post-fix text that carry a real flaw of the rule the fix did not touch and upstream fixed
     * later, each with its evidence in entry.yaml's {@code after_finding}).
     */
    record CFile(String entry, Role role, Path path, List<FlagLine> flags, List<FlagLine> keptFlaws) {
        CFile(String entry, Role role, Path path, List<FlagLine> flags) { this(entry, role, path, flags, List.of()); }
    }

    /**
     * One entry. {@code kind} is "fix" or "negative" (null when entry.yaml does not say); {@code rule}
     * the rule its pre-fix bug (or its look-alike) belongs to.
     */
    record Entry(String name, Path dir, Map<String, String> meta, String kind, String rule, List<CFile> files) {
        boolean fix() { return "fix".equals(kind); }

        boolean negative() { return "negative".equals(kind); }
    }

    /** Every entry read, and what was wrong while reading. */
    record Read(List<Entry> entries, List<Problem> problems) {}

    /** The marker that ends a flag line of before.c: {@code /* expect: MM001 *}{@code /} (several rules: comma or space separated). */
    static final Pattern MARKER = Pattern.compile("/\\*\\s*expect\\s*:([^*]*)\\*/");
    /**
     * The marker that ends a line of after.c carrying a kept flaw: {@code /* kept-flaw: MM001 *}{@code /}.
     * Honoured only when entry.yaml has {@code after_finding:} saying where upstream judged the line wrong.
     */
    static final Pattern KEPT_MARKER = Pattern.compile("/\\*\\s*kept-flaw\\s*:([^*]*)\\*/");
    static final Pattern RULE_ID = Pattern.compile("MM\\d{3}");

    /** Reads every entry directory under {@code root} (sorted by name); files that are not directories are skipped. */
    static Read read(Path root, java.util.Set<String> knownRules) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add(new Problem(root.toString(), 0, "no corpus directory"));
            return new Read(entries, problems);
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path d : dirs) {
            Entry e = entry(d, knownRules, problems);
            if (e != null) entries.add(e);
        }
        return new Read(List.copyOf(entries), List.copyOf(problems));
    }

    /** One entry, or null when it has no usable entry.yaml (the problem is recorded). */
    static Entry entry(Path dir, java.util.Set<String> knownRules, List<Problem> problems) throws IOException {
        String name = dir.getFileName().toString();
        Path yaml = dir.resolve("entry.yaml");
        if (!Files.isRegularFile(yaml)) {
            problems.add(new Problem(name + "/entry.yaml", 0, "missing: the entry is not counted"));
            return null;
        }
        Map<String, String> meta = flatYaml(Files.readString(yaml, StandardCharsets.UTF_8), name + "/entry.yaml", problems);
        String kind = meta.get("kind");
        String rule = meta.get("rule");
        if (kind == null || !(kind.equals("fix") || kind.equals("negative"))) {
            problems.add(new Problem(name + "/entry.yaml", lineOf(yaml, "kind:"), "kind must be 'fix' or 'negative', not " + kind + ": the entry is not counted"));
            return null;
        }
        if (rule == null || !knownRules.contains(rule))
            problems.add(new Problem(name + "/entry.yaml", lineOf(yaml, "rule:"), "rule '" + rule + "' is not a known rule (" + String.join(", ", knownRules) + ")"));
        List<CFile> files = new ArrayList<>();
        List<Role> roles = kind.equals("fix") ? List.of(Role.BEFORE, Role.AFTER) : List.of(Role.OK);
        for (Role r : roles) {
            Path f = dir.resolve(r.fileName);
            String shown = name + "/" + r.fileName;
            if (!Files.isRegularFile(f)) {
                problems.add(new Problem(shown, 0, "missing (a " + kind + " entry has " + roles.stream().map(x -> x.fileName).toList() + ")"));
                continue;
            }
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            List<FlagLine> flags = markers(name, f, shown, text, MARKER, knownRules, problems);
            List<FlagLine> kept = markers(name, f, shown, text, KEPT_MARKER, knownRules, problems);
            if (!kept.isEmpty() && r != Role.AFTER) {
                problems.add(new Problem(shown, kept.get(0).line(), "kept-flaw markers belong in after.c only: ignored"));
                kept = List.of();
            } else if (!kept.isEmpty() && meta.get("after_finding") == null) {
                problems.add(new Problem(shown, kept.get(0).line(), "kept-flaw marker without an after_finding in entry.yaml (the upstream evidence): ignored, a finding here counts as post-fix"));
                kept = List.of();
            }
            if (r != Role.BEFORE && !flags.isEmpty()) {
                problems.add(new Problem(shown, flags.get(0).line(), "expect markers outside before.c are ignored: any finding here counts against precision"));
                flags = List.of();
            }
            if (r == Role.BEFORE && flags.isEmpty()) problems.add(new Problem(shown, 0, "no flag line (no /* expect: MMnnn */ marker)"));
            if (!text.contains("mmlint-kernel:")) problems.add(new Problem(shown, 0, "no 'mmlint-kernel:' line: analysed with no kernel version"));
            files.add(new CFile(name, r, f, flags, kept));
        }
        for (String other : List.of("before.c", "after.c", "ok.c"))
            if (roles.stream().noneMatch(r -> r.fileName.equals(other)) && Files.exists(dir.resolve(other)))
                problems.add(new Problem(name + "/" + other, 0, "not part of a " + kind + " entry: not analysed"));
        return new Entry(name, dir, meta, kind, rule, List.copyOf(files));
    }

    /** The {@code /* expect: MMnnn *}{@code /} markers of a file, one flag line per rule named. */
    static List<FlagLine> markers(String entry, Path file, String shown, String text, java.util.Set<String> knownRules, List<Problem> problems) {
        return markers(entry, file, shown, text, MARKER, knownRules, problems);
    }

    /** The markers of {@code marker}'s kind in a file, one line per rule named. */
    static List<FlagLine> markers(String entry, Path file, String shown, String text, Pattern marker, java.util.Set<String> knownRules, List<Problem> problems) {
        List<FlagLine> r = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = marker.matcher(lines[i]);
            while (m.find()) {
                String body = m.group(1).trim();
                int n = 0;
                for (String tok : body.split("[,\\s]+")) {
                    if (tok.isEmpty()) continue;
                    if (!RULE_ID.matcher(tok).matches() || !knownRules.contains(tok)) {
                        problems.add(new Problem(shown, i + 1, "marker names '" + tok + "', not a known rule id"));
                        continue;
                    }
                    r.add(new FlagLine(entry, file, i + 1, tok));
                    n++;
                }
                if (n == 0 && body.isEmpty()) problems.add(new Problem(shown, i + 1, "marker names no rule"));
            }
        }
        return List.copyOf(r);
    }

    /**
     * Plain flat YAML as entry.yaml uses it: {@code key: value} per line, values plain, 'single' or
     * "double" quoted, {@code [a, b]} lists (kept as their text), {@code null} / {@code ~}, comments
     * after {@code #} outside quotes. Anything else is a problem naming the line; the line is skipped.
     */
    static Map<String, String> flatYaml(String text, String shown, List<Problem> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.stripLeading().startsWith("#") || l.equals("---")) continue;
            int colon = l.indexOf(':');
            if (Character.isWhitespace(l.charAt(0)) || colon <= 0 || !l.substring(0, colon).matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                problems.add(new Problem(shown, i + 1, "not a flat 'key: value' line: " + l.strip()));
                continue;
            }
            String key = l.substring(0, colon);
            String v = l.substring(colon + 1).strip();
            try {
                v = scalar(v);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(shown, i + 1, key + ": " + e.getMessage()));
                continue;
            }
            if (m.containsKey(key)) problems.add(new Problem(shown, i + 1, "duplicate key '" + key + "'"));
            m.put(key, v);
        }
        return m;
    }

    private static String scalar(String v) {
        if (v.startsWith("'")) {
            StringBuilder b = new StringBuilder();
            for (int j = 1; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '\'') {
                    if (j + 1 < v.length() && v.charAt(j + 1) == '\'') { b.append('\''); j++; continue; }
                    rest(v.substring(j + 1));
                    return b.toString();
                }
                b.append(c);
            }
            throw new IllegalArgumentException("unterminated single-quoted string");
        }
        if (v.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            for (int j = 1; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '\\' && j + 1 < v.length()) { b.append(v.charAt(++j)); continue; }
                if (c == '"') {
                    rest(v.substring(j + 1));
                    return b.toString();
                }
                b.append(c);
            }
            throw new IllegalArgumentException("unterminated double-quoted string");
        }
        int hash = v.indexOf(" #");
        if (v.startsWith("#")) v = "";
        else if (hash >= 0) v = v.substring(0, hash).strip();
        if (v.isEmpty() || v.equals("null") || v.equals("~")) return null;
        if (v.startsWith("[") && !v.endsWith("]")) throw new IllegalArgumentException("unterminated list " + v);
        return v;
    }

    private static void rest(String after) {
        String r = after.strip();
        if (!r.isEmpty() && !r.startsWith("#")) throw new IllegalArgumentException("text after the closing quote: " + r);
    }

    private static int lineOf(Path file, String prefix) throws IOException {
        List<String> ls = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < ls.size(); i++) if (ls.get(i).startsWith(prefix)) return i + 1;
        return 0;
    }
}
