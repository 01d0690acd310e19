package dev.mmlint.frontend.internal;

import dev.mmlint.frontend.BuildStatus;
import dev.mmlint.frontend.KernelConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides whether a kernel build would compile a file under a given Kconfig, from the Kbuild
 * Makefiles: the {@code obj-y}, {@code obj-m} and {@code lib-y} lists of the file's directory
 * (a directory's {@code Kbuild} file is read in preference to its {@code Makefile}, as Kbuild
 * does), composite objects ({@code foo-y}, {@code foo-objs}, {@code foo-$(CONFIG_X)} parts of a
 * built {@code foo.o}), and, up the tree, the {@code obj-y += dir/} lines that make the
 * directory itself built.
 *
 * <p>The Make subset evaluated: assignments ({@code :=}, {@code =}, {@code +=}, {@code ?=}) with
 * {@code $(CONFIG_X)} and variable references (expanded when the line is read: right for the
 * {@code :=} style Kbuild uses; a recursively expanded variable referring to one defined later
 * would be seen too early), {@code ifdef} / {@code ifndef} / {@code ifeq} / {@code ifneq} /
 * {@code else} / {@code endif}, line continuations and comments. {@code CONFIG_X} is {@code y},
 * {@code m}, its value, or empty when not set. Anything else - a Make function, an
 * {@code include}, a condition that cannot be evaluated - makes what it touches UNKNOWN, never
 * NOT_BUILT: a file is only reported as not built when the Makefiles say so plainly.
 *
 * <p>Thread-safe; each directory's Makefile is read once per instance.
 */
public final class Kbuild {
    private final Path root;
    private final KernelConfig config;
    private final Map<String, Dir> dirs = new ConcurrentHashMap<>();
    private final Map<String, BuildStatus> dirStatus = new ConcurrentHashMap<>();

    public Kbuild(Path root, KernelConfig config) {
        this.root = root.toAbsolutePath().normalize();
        this.config = config;
    }

    /** Build status of a source file of the tree (absolute or relative to the tree root). */
    public BuildStatus status(Path file) {
        Path abs = root.resolve(file).toAbsolutePath().normalize();
        if (!abs.startsWith(root)) return BuildStatus.unknown("not inside the kernel tree");
        String name = abs.getFileName().toString();
        if (!name.endsWith(".c") && !name.endsWith(".S")) return BuildStatus.unknown("not a .c file: compiled only where it is included");
        Path relDir = root.relativize(abs.getParent());
        String dir = relDir.toString().replace('\\', '/');
        String obj = name.substring(0, name.length() - 2) + ".o";
        BuildStatus own = dir(dir).objectStatus(obj, abs);
        if (own.verdict() == BuildStatus.Verdict.NOT_BUILT) return own;
        BuildStatus up = directoryStatus(dir);
        if (up.verdict() == BuildStatus.Verdict.NOT_BUILT) return up;
        if (own.verdict() == BuildStatus.Verdict.UNKNOWN) return own;
        return up;
    }

    private BuildStatus directoryStatus(String dir) {
        if (dir.isEmpty()) return BuildStatus.built();
        BuildStatus cached = dirStatus.get(dir);
        if (cached != null) return cached;
        BuildStatus s = BuildStatus.unknown("no Makefile above " + dir + "/ lists it");
        for (String a = parent(dir); a != null; a = parent(a)) {
            String rel = (a.isEmpty() ? dir : dir.substring(a.length() + 1)) + "/";
            Dir d = dir(a);
            if (!d.mentions(rel)) continue;
            BuildStatus here = d.objectStatus(rel, null);
            if (here.verdict() == BuildStatus.Verdict.NOT_BUILT) {
                s = BuildStatus.notBuilt("directory " + dir + "/ is not built: " + here.reason());
            } else {
                BuildStatus above = directoryStatus(a);
                if (above.verdict() != BuildStatus.Verdict.BUILT) s = above;
                else s = here;
            }
            break;
        }
        dirStatus.put(dir, s);
        return s;
    }

    private static String parent(String dir) {
        if (dir.isEmpty()) return null;
        int i = dir.lastIndexOf('/');
        return i < 0 ? "" : dir.substring(0, i);
    }

    private Dir dir(String rel) {
        return dirs.computeIfAbsent(rel, r -> {
            Path d = root.resolve(r);
            Path kb = d.resolve("Kbuild");
            Path mk = Files.isRegularFile(kb) ? kb : d.resolve("Makefile");
            String shown = (r.isEmpty() ? "" : r + "/") + mk.getFileName();
            if (!Files.isRegularFile(mk)) return Dir.unreadable(shown, r, "no Kbuild or Makefile in " + (r.isEmpty() ? "the tree root" : r + "/"));
            try {
                return new Dir(shown, r, Files.readAllLines(mk, StandardCharsets.ISO_8859_1), config);
            } catch (IOException e) {
                return Dir.unreadable(shown, r, "cannot read " + shown + ": " + e.getMessage());
            }
        });
    }

    /** A word of a variable's value, and whether it is there for sure. */
    private record Word(String text, boolean certain) {}

    /** Where an object or directory is named in a Makefile assignment. */
    private record Mention(int line, String lhs, String condition, boolean evaluable) {}

    private static final Pattern CONFIG = Pattern.compile("CONFIG_[A-Za-z0-9_]+");

    /** One evaluated Kbuild Makefile. */
    private static final class Dir {
        final String shown;
        final String rel;
        final String unreadable;
        final Map<String, Boolean> built = new LinkedHashMap<>(); // object or dir -> certainly
        final Map<String, List<Mention>> mentions = new HashMap<>();
        boolean opaque; // uses constructs that could produce names mmlint cannot see
        final Map<String, String> replacedBy = new HashMap<>();
        private final Map<String, List<Word>> vars = new HashMap<>();
        private final KernelConfig config;

        static Dir unreadable(String shown, String rel, String why) { return new Dir(shown, rel, why); }

        private Dir(String shown, String rel, String why) {
            this.shown = shown;
            this.rel = rel;
            this.unreadable = why;
            this.config = null;
        }

        Dir(String shown, String rel, List<String> lines, KernelConfig config) {
            this.shown = shown;
            this.rel = rel;
            this.unreadable = null;
            this.config = config;
            evaluate(lines);
            finish();
        }

        boolean mentions(String word) { return built.containsKey(word) || mentions.containsKey(word); }

        BuildStatus objectStatus(String word, Path file) {
            if (unreadable != null) return BuildStatus.unknown(unreadable);
            Boolean b = built.get(word);
            if (b != null) return b ? BuildStatus.built()
                    : BuildStatus.unknown(word + " is listed in " + shown + " under a condition mmlint cannot evaluate");
            List<Mention> ms = mentions.getOrDefault(word, List.of());
            for (Mention m : ms)
                if (!m.evaluable) return BuildStatus.unknown(word + " is listed in " + shown + " (line " + m.line
                        + ") under a condition mmlint cannot evaluate");
            if (ms.isEmpty()) {
                if (opaque) return BuildStatus.unknown(word + " is not listed literally in " + shown
                        + ", which uses Make functions mmlint does not evaluate");
                String by = file == null ? null : includedBy(file);
                return BuildStatus.notBuilt("not listed in " + shown + (by == null ? "" : "; it is #included by " + by));
            }
            Mention m = ms.get(0);
            for (Mention x : ms) if (x.lhs.startsWith("obj-") || x.condition != null) { m = x; break; }
            if (m.condition != null) return BuildStatus.notBuilt("inside '" + m.condition + "' in " + shown + ", " + symbols(m.condition));
            if (CONFIG.matcher(m.lhs).find()) return BuildStatus.notBuilt(m.lhs + " in " + shown + ", " + symbols(m.lhs));
            String replaced = replacedBy.get(word);
            if (replaced != null) return BuildStatus.notBuilt("listed in '" + m.lhs + "' at " + shown + ":" + m.line + ", " + replaced);
            return BuildStatus.notBuilt("listed in '" + m.lhs + "' in " + shown + " (line " + m.line
                    + "), which does not reach obj-y or obj-m under this config");
        }

        private String includedBy(Path file) {
            Path dir = file.getParent();
            String name = file.getFileName().toString();
            Pattern inc = Pattern.compile("^\\s*#\\s*include\\s*\"" + Pattern.quote(name) + "\"", Pattern.MULTILINE);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".c") && !p.equals(file)).sorted().toList()) {
                    String t = Files.readString(p, StandardCharsets.ISO_8859_1);
                    if (t.contains(name) && inc.matcher(t).find()) return (rel.isEmpty() ? "" : rel + "/") + p.getFileName();
                }
            } catch (IOException e) {
                return null;
            }
            return null;
        }

        private String symbols(String text) {
            Set<String> syms = new LinkedHashSet<>();
            Matcher m = CONFIG.matcher(text);
            while (m.find()) syms.add(m.group());
            List<String> out = new ArrayList<>();
            for (String s : syms) {
                String v = config.value(s);
                out.add(v == null || v.isEmpty() || v.equals("n") ? s + " is not set" : s + "=" + v);
            }
            return String.join(", ", out);
        }

        // ---- evaluation

        private record Cond(Boolean value, String text, boolean taken) {}

        private void evaluate(List<String> raw) {
            Deque<Cond> conds = new ArrayDeque<>();
            for (int i = 0; i < raw.size(); i++) {
                int lineNo = i + 1;
                StringBuilder b = new StringBuilder(raw.get(i));
                while (endsWithContinuation(b) && i + 1 < raw.size()) {
                    b.setLength(b.length() - 1);
                    b.append(' ').append(raw.get(++i));
                }
                String line = stripComment(b.toString()).strip();
                if (line.isEmpty()) continue;
                String kw = line.split("\\s+", 2)[0];
                switch (kw) {
                    case "ifdef", "ifndef", "ifeq", "ifneq" -> {
                        Boolean v = condition(line);
                        conds.push(new Cond(v, line, v != null && v));
                        continue;
                    }
                    case "else" -> {
                        if (conds.isEmpty()) { opaque = true; continue; }
                        Cond c = conds.pop();
                        String rest = line.substring(4).strip();
                        Boolean v;
                        if (rest.isEmpty()) v = c.value == null ? null : !c.taken;
                        else {
                            Boolean inner = condition(rest);
                            v = c.taken ? Boolean.FALSE : c.value == null || inner == null ? null : inner;
                        }
                        conds.push(new Cond(v, "else of " + c.text, c.taken || (v != null && v)));
                        continue;
                    }
                    case "endif" -> {
                        if (!conds.isEmpty()) conds.pop(); else opaque = true;
                        continue;
                    }
                    case "include", "-include", "sinclude" -> {
                        opaque = true;
                        continue;
                    }
                    default -> { }
                }
                assignment(line, lineNo, conds);
            }
        }

        private static boolean endsWithContinuation(StringBuilder b) {
            int n = b.length();
            return n > 0 && b.charAt(n - 1) == '\\' && (n < 2 || b.charAt(n - 2) != '\\');
        }

        private static String stripComment(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '#' && (i == 0 || s.charAt(i - 1) != '\\')) return s.substring(0, i);
            }
            return s;
        }

        /** TRUE / FALSE, or null when it cannot be evaluated. */
        private Boolean condition(String line) {
            String[] p = line.split("\\s+", 2);
            String arg = p.length > 1 ? p[1].strip() : "";
            switch (p[0]) {
                case "ifdef", "ifndef" -> {
                    Expanded name = expand(arg);
                    if (!name.certain) return null;
                    Expanded v = expand("$(" + name.text.strip() + ")");
                    if (!v.certain) return null;
                    boolean defined = !v.text.isBlank();
                    return p[0].equals("ifdef") == defined;
                }
                case "ifeq", "ifneq" -> {
                    String[] ab = splitEq(arg);
                    if (ab == null) return null;
                    Expanded a = expand(ab[0]), b = expand(ab[1]);
                    if (!a.certain || !b.certain) return null;
                    boolean eq = a.text.strip().equals(b.text.strip());
                    return p[0].equals("ifeq") == eq;
                }
                default -> { return null; }
            }
        }

        /** "(a,b)" or "'a' 'b'" / "\"a\" \"b\"". */
        private static String[] splitEq(String arg) {
            if (arg.startsWith("(") && arg.endsWith(")")) {
                String in = arg.substring(1, arg.length() - 1);
                int depth = 0;
                for (int i = 0; i < in.length(); i++) {
                    char c = in.charAt(i);
                    if (c == '(' || c == '{') depth++;
                    else if (c == ')' || c == '}') depth--;
                    else if (c == ',' && depth == 0) return new String[] {in.substring(0, i), in.substring(i + 1)};
                }
                return null;
            }
            Matcher m = Pattern.compile("^([\"'])(.*?)\\1\\s+([\"'])(.*?)\\3$").matcher(arg);
            return m.matches() ? new String[] {m.group(2), m.group(4)} : null;
        }

        private void assignment(String line, int lineNo, Deque<Cond> conds) {
            int depth = 0, at = -1;
            String op = null;
            for (int i = 0; i < line.length() && op == null; i++) {
                char c = line.charAt(i);
                if (c == '(' || c == '{') depth++;
                else if (c == ')' || c == '}') depth--;
                else if (depth == 0 && c == '=') {
                    at = i;
                    op = "=";
                    if (i > 0 && (line.charAt(i - 1) == ':' || line.charAt(i - 1) == '+' || line.charAt(i - 1) == '?')) {
                        at = i - 1;
                        op = line.charAt(i - 1) + "=";
                        if (op.equals(":=") && i > 1 && line.charAt(i - 2) == ':') { at = i - 2; op = "::="; }
                    }
                } else if (depth == 0 && c == ':' && (i + 1 >= line.length() || line.charAt(i + 1) != '=')
                        && !(i + 2 < line.length() && line.charAt(i + 1) == ':' && line.charAt(i + 2) == '=')) {
                    return; // a rule
                }
            }
            if (op == null) return;
            String lhsRaw = line.substring(0, at).strip();
            if (lhsRaw.startsWith("override ")) lhsRaw = lhsRaw.substring(9).strip();
            if (lhsRaw.startsWith("export ")) lhsRaw = lhsRaw.substring(7).strip();
            if (lhsRaw.isEmpty() || lhsRaw.contains(" ")) return;
            String rhsRaw = line.substring(at + op.length()).strip();

            // where does each literal object / directory get named (for reasons)
            String falseCond = null;
            boolean condKnown = true;
            for (Cond c : conds) {
                if (c.value == null) condKnown = false;
                else if (!c.value && falseCond == null) falseCond = c.text;
            }
            Expanded lhs = expand(lhsRaw);
            boolean evaluable = condKnown && lhs.certain;
            for (String w : rhsRaw.split("\\s+")) {
                if (w.isEmpty() || w.contains("$")) continue;
                if (w.endsWith(".o") || w.endsWith("/"))
                    mentions.computeIfAbsent(w, k -> new ArrayList<>()).add(new Mention(lineNo, lhsRaw, falseCond, evaluable || falseCond != null));
            }
            if (falseCond != null) return;
            if (!lhs.certain) { opaque = true; return; }
            String var = lhs.text.strip();
            if (var.isEmpty() || var.contains(" ")) return;
            Expanded rhs = expand(rhsRaw);
            boolean certain = condKnown && rhs.certain;
            List<Word> words = new ArrayList<>();
            for (String w : rhs.text.split("\\s+")) if (!w.isEmpty()) words.add(new Word(w, certain));
            if (!rhs.certain) words.add(new Word(UNSEEN, false)); // names a Make function may produce
            List<Word> old = vars.get(var);
            switch (op) {
                case "+=" -> {
                    List<Word> v = old == null ? new ArrayList<>() : new ArrayList<>(old);
                    v.addAll(words);
                    vars.put(var, v);
                }
                case "?=" -> {
                    if (old == null) vars.put(var, words);
                }
                default -> {
                    if (condKnown && old != null) {
                        Set<String> now = new java.util.HashSet<>();
                        for (Word w : words) now.add(w.text);
                        for (Word w : old) {
                            if (!now.contains(w.text)) replacedBy.putIfAbsent(w.text, "then replaced by '" + lhsRaw + " " + op
                                    + "' at line " + lineNo + (CONFIG.matcher(lhsRaw).find() ? ", " + symbols(lhsRaw) : ""));
                        }
                    }
                    if (condKnown) vars.put(var, words);
                    else { // may or may not have replaced the old value
                        List<Word> v = new ArrayList<>();
                        if (old != null) for (Word w : old) v.add(new Word(w.text, false));
                        v.addAll(words);
                        vars.put(var, v);
                    }
                }
            }
        }

        private record Expanded(String text, boolean certain) {}

        /** Stands for whatever an unevaluated Make construct may add to a list. */
        private static final String UNSEEN = "?";

        private Expanded expand(String s) { return expand(s, 0); }

        private Expanded expand(String s, int depth) {
            if (depth > 20) return new Expanded("", false);
            StringBuilder out = new StringBuilder();
            boolean certain = true;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c != '$' || i + 1 >= s.length()) { out.append(c); i++; continue; }
                char n = s.charAt(i + 1);
                if (n == '$') { out.append('$'); i += 2; continue; }
                if (n != '(' && n != '{') { // $X
                    out.append(value(String.valueOf(n), depth).text);
                    i += 2;
                    continue;
                }
                int d = 0, j = i + 1;
                for (; j < s.length(); j++) {
                    char x = s.charAt(j);
                    if (x == '(' || x == '{') d++;
                    else if ((x == ')' || x == '}') && --d == 0) break;
                }
                if (j >= s.length()) return new Expanded(out.toString(), false);
                String inner = s.substring(i + 2, j);
                if (inner.contains(" ") || inner.contains(",") || inner.contains(":") || inner.contains("$")) {
                    Expanded e = inner.contains("$") && !inner.contains(" ") && !inner.contains(",") && !inner.contains(":")
                            ? value(expand(inner, depth + 1).text, depth) : null;
                    if (e == null) certain = false; else { out.append(e.text); certain &= e.certain; }
                } else {
                    Expanded e = value(inner, depth);
                    out.append(e.text);
                    certain &= e.certain;
                }
                i = j + 1;
            }
            return new Expanded(out.toString(), certain);
        }

        private Expanded value(String name, int depth) {
            if (name.startsWith("CONFIG_")) {
                String v = config.value(name);
                if (v == null || v.equals("n")) return new Expanded("", true);
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
                return new Expanded(v, true);
            }
            switch (name) {
                case "SRCARCH", "ARCH", "SUBARCH" -> { return new Expanded("x86", true); }
                case "BITS" -> { return new Expanded("64", true); }
                case "srctree", "src", "obj", "objtree" -> { return new Expanded(".", true); }
                default -> { }
            }
            List<Word> v = vars.get(name);
            if (v == null) return new Expanded("", true);
            StringBuilder b = new StringBuilder();
            boolean certain = true;
            for (Word w : v) {
                if (b.length() > 0) b.append(' ');
                b.append(w.text);
                certain &= w.certain;
            }
            return new Expanded(b.toString(), certain);
        }

        private void finish() {
            Deque<Word> work = new ArrayDeque<>();
            for (String v : List.of("obj-y", "obj-m", "lib-y", "lib-m")) {
                List<Word> ws = vars.get(v);
                if (ws != null) work.addAll(ws);
            }
            while (!work.isEmpty()) {
                Word w = work.poll();
                if (w.text.equals(UNSEEN)) { opaque = true; continue; }
                Boolean had = built.get(w.text);
                if (had != null && (had || !w.certain)) continue;
                built.put(w.text, w.certain);
                if (w.text.endsWith(".o")) {
                    String base = w.text.substring(0, w.text.length() - 2);
                    for (String suffix : List.of("-y", "-objs", "-m")) {
                        List<Word> parts = vars.get(base + suffix);
                        if (parts != null) for (Word p : parts) work.add(new Word(p.text, p.certain && w.certain));
                    }
                }
            }
        }
    }
}
