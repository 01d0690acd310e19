package dev.mmlint.frontend.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.internal.core.parser.scanner.PreprocessorMacro;
import org.eclipse.cdt.internal.core.parser.scanner.Token;

/**
 * Re-use of preprocessed headers across the translation units of one run: files that begin with
 * the same directives ({@code #include <linux/mm.h>} first, say) preprocess the headers those
 * directives pull in once, not once per file.
 *
 * <p>A file's <em>directive prefix</em> is the list of directives it starts with, up to the first
 * text that is neither a comment, white space, an {@code #include} nor a {@code #define} (the
 * first conditional, {@code #undef}, declaration...). Each {@code #include} of it is a <em>cut</em>:
 * the state of the preprocessor when that inclusion opens depends only on the compilation flags (the
 * forced includes first), the directives before the cut and the headers they include. The key of a
 * cut is exactly that: the flags ({@link #flagsKey}), the directive texts (comments removed, white
 * space collapsed), and the file's directory when a quoted include among them is looked up there.
 *
 * <p>A parse of a file whose cut is also the cut of a file not parsed yet records, when the cut's
 * inclusion opens, a {@link Snapshot}: the header tokens delivered so far, the macro dictionary, the
 * files included. A file whose cut key has a snapshot starts from it as from a re-used preamble
 * ({@link Preambles}): its first forced include is the padding that carries the snapshot's tokens
 * and puts its macros in effect, the other inclusions before the cut are served empty and must be
 * the same files in the same order, and from the cut on the file is preprocessed as usual. The
 * directives before the cut are executed again by the new parse; a {@code #define} among them must
 * leave the definition the snapshot has (a header may not have changed it), else the parse is done
 * without re-use.
 *
 * <p>What may differ between the files of one cut key: string-literal macros given on the command
 * line ({@code KBUILD_MODNAME}). They cannot decide a conditional; a snapshot is used for another
 * file only when none of its header tokens is a string literal containing the recording file's
 * value, and the macros of the command line that no header redefined are the new file's own.
 *
 * <p>Snapshots are recorded only for cut keys that a later file of the run shares ({@link #plan}),
 * and dropped when the last file sharing the key has been parsed. Equivalence with a parse from
 * scratch is what the tests check on real kernel files.
 */
public final class SharedPrefixes {
    /** Parses that started from a snapshot, and snapshots recorded, all instances. */
    public static final dev.mmlint.frontend.Counter REUSED = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter RECORDED = new dev.mmlint.frontend.Counter();
    /** Parses that tried a snapshot and were done again without (the prefix was not what it promised). */
    public static final dev.mmlint.frontend.Counter REJECTED = new dev.mmlint.frontend.Counter();

    /** Files of the run not parsed yet, by cut key. */
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    // ---- the directive prefix of a file ----

    /** One directive of the prefix: its kind, normalised text, and extent in the file text. */
    record Directive(boolean include, String text, String defines, int start, int end) {}

    /**
     * A file's directive prefix and its cuts.
     *
     * @param keys keys[j] is the key of the cut at directive j, or null when directive j is not an include
     */
    record Prefix(List<Directive> directives, String[] keys) {
        /** The cut whose directive contains file offset {@code offset}, or -1. */
        int cutAt(int offset) {
            for (int j = 0; j < directives.size(); j++) {
                Directive d = directives.get(j);
                if (offset >= d.start() && offset < d.end()) return keys[j] != null ? j : -1;
            }
            return -1;
        }
    }

    /** The directive prefix of {@code text}, the file at {@code path} compiled with flags {@code flagsKey}. */
    static Prefix prefix(String path, char[] text, String flagsKey) {
        List<Directive> ds = new ArrayList<>();
        int i = 0, n = text.length;
        while (true) {
            i = skipBlank(text, i);
            if (i >= n || text[i] != '#') break;
            int start = i;
            StringBuilder sb = new StringBuilder();
            i++;
            boolean space = false;
            while (i < n && text[i] != '\n') {
                char c = text[i];
                if (c == '\\' && i + 1 < n && text[i + 1] == '\n') { i += 2; space = true; continue; }
                if (c == '\\' && i + 2 < n && text[i + 1] == '\r' && text[i + 2] == '\n') { i += 3; space = true; continue; }
                if (c == '/' && i + 1 < n && text[i + 1] == '*') {
                    int e = indexOf(text, "*/", i + 2);
                    if (e < 0) { i = n; break; }
                    i = e + 2;
                    space = true;
                    continue;
                }
                if (c == '/' && i + 1 < n && text[i + 1] == '/') {
                    while (i < n && text[i] != '\n') i++;
                    break;
                }
                if (c == '"' || c == '\'') {
                    int e = i + 1;
                    while (e < n && text[e] != c && text[e] != '\n') e += text[e] == '\\' ? 2 : 1;
                    if (space && sb.length() > 0) sb.append(' ');
                    space = false;
                    sb.append(text, i, Math.min(n, e + 1) - i);
                    i = e + 1;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) { space = true; i++; continue; }
                if (space && sb.length() > 0) sb.append(' ');
                space = false;
                sb.append(c);
                i++;
            }
            String d = sb.toString();
            boolean include = d.startsWith("include ") || d.startsWith("include<") || d.startsWith("include\"");
            String defined = null;
            if (d.startsWith("define ")) {
                int b = 7, e = b;
                while (e < d.length() && (Character.isLetterOrDigit(d.charAt(e)) || d.charAt(e) == '_')) e++;
                if (e > b) defined = d.substring(b, e);
            }
            if (!include && defined == null) break;
            // an include whose name is a macro, or include_next: no cut there, and none after
            if (include && !(d.startsWith("include <") || d.startsWith("include<") || d.startsWith("include \"")
                    || d.startsWith("include\""))) break;
            ds.add(new Directive(include, d, defined, start, Math.min(n, i + 1)));
        }
        String[] keys = new String[ds.size()];
        StringBuilder key = new StringBuilder(flagsKey).append('\u0001');
        boolean quoted = false;
        String dir = parentOf(path);
        for (int j = 0; j < ds.size(); j++) {
            Directive d = ds.get(j);
            if (d.include()) keys[j] = key + (quoted ? "\u0002" + dir : "");
            key.append(d.text()).append('\n');
            if (d.include() && d.text().contains("\"")) quoted = true;
        }
        return new Prefix(List.copyOf(ds), keys);
    }

    private static String parentOf(String path) {
        Path p = Path.of(path).getParent();
        return p == null ? "" : p.toString();
    }

    private static int skipBlank(char[] t, int i) {
        int n = t.length;
        while (i < n) {
            char c = t[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) { i++; continue; }
            if (c == '/' && i + 1 < n && t[i + 1] == '*') {
                int e = indexOf(t, "*/", i + 2);
                if (e < 0) return n;
                i = e + 2;
                continue;
            }
            if (c == '/' && i + 1 < n && t[i + 1] == '/') {
                while (i < n && t[i] != '\n') i++;
                continue;
            }
            break;
        }
        return i;
    }

    private static int indexOf(char[] t, String s, int from) {
        outer:
        for (int i = from; i + s.length() <= t.length; i++) {
            for (int k = 0; k < s.length(); k++) if (t[i + k] != s.charAt(k)) continue outer;
            return i;
        }
        return -1;
    }

    /**
     * What of the compilation flags must be equal for two files to share a cut: include paths,
     * forced includes, macro files, and the command-line macros, string-literal values left out
     * (see the class comment).
     */
    static String flagsKey(org.eclipse.cdt.core.parser.ExtendedScannerInfo info) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\u0003", info.getIncludePaths())).append('\u0004');
        if (info.getIncludeFiles() != null) sb.append(String.join("\u0003", info.getIncludeFiles()));
        sb.append('\u0004');
        if (info.getMacroFiles() != null) sb.append(String.join("\u0003", info.getMacroFiles()));
        sb.append('\u0004');
        for (Map.Entry<String, String> e : new TreeMap<>(info.getDefinedSymbols()).entrySet())
            sb.append(e.getKey()).append('=').append(stringLiteral(e.getValue()) ? "\"\"" : e.getValue()).append('\u0003');
        return sb.toString();
    }

    static boolean stringLiteral(String v) {
        String s = v == null ? "" : v.trim();
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' && s.indexOf('"', 1) == s.length() - 1;
    }

    // ---- the plan ----

    /** Counts the files of the run by cut key: a cut only one file has is not recorded. */
    public void plan(String path, char[] text, org.eclipse.cdt.core.parser.ExtendedScannerInfo info) {
        if (info.getIncludeFiles() == null || info.getIncludeFiles().length == 0) return;
        Prefix p = prefix(path, text, flagsKey(info));
        for (String k : p.keys()) if (k != null) pending.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
    }

    /** A planned file will not be parsed. */
    public void skip(String path, char[] text, org.eclipse.cdt.core.parser.ExtendedScannerInfo info) {
        if (info.getIncludeFiles() == null || info.getIncludeFiles().length == 0) return;
        done(prefix(path, text, flagsKey(info)));
    }

    /** {@code p}'s file has been parsed: a snapshot no file still needs is dropped. */
    void done(Prefix p) {
        for (String k : p.keys()) {
            if (k == null) continue;
            AtomicInteger c = pending.get(k);
            if (c != null && c.decrementAndGet() <= 0) {
                pending.remove(k);
                snapshots.remove(k);
            }
        }
    }

    /** Whether a snapshot at the cut with key {@code key} should be recorded (another file needs it). */
    boolean wanted(String key) {
        AtomicInteger c = pending.get(key);
        return c != null && c.get() >= 2 && !snapshots.containsKey(key);
    }

    boolean wantsAny(Prefix p) {
        for (String k : p.keys()) if (k != null && wanted(k)) return true;
        return false;
    }

    void put(String key, Snapshot s) {
        if (pending.containsKey(key)) {
            snapshots.putIfAbsent(key, s);
            RECORDED.increment();
        }
    }

    /**
     * The snapshot of the longest cut of {@code p} that can serve the file with command-line macros
     * {@code defines}, or null.
     */
    Use find(Prefix p, Map<String, String> defines) {
        for (int j = p.keys().length - 1; j >= 0; j--) {
            if (p.keys()[j] == null) continue;
            Snapshot s = snapshots.get(p.keys()[j]);
            if (s != null && s.compatible(defines)) return new Use(s, j);
        }
        return null;
    }

    /** A snapshot chosen for a parse, at cut {@code cut} of its prefix. */
    record Use(Snapshot snapshot, int cut) {}

    // ---- snapshots ----

    /**
     * The preprocessor's state when a cut's inclusion opened in the recording parse.
     *
     * @param tokens       the recording parse's header tokens (copies), of which the first {@code length} are this snapshot's
     * @param fromFlags    fromFlags[i]: macros[i] is the recording parse's command-line macro, unchanged by any header
     * @param stringValues the recording parse's string-literal command-line macros, by name
     * @param sequenceEnd  the sequence number of the cut's directive: every token lies below it
     */
    record Snapshot(IToken[] tokens, int length, char[][] macroNames, PreprocessorMacro[] macros, boolean[] fromFlags,
                    Map<String, Long> counters, List<String> includes, java.util.Set<String> included, int sequenceEnd,
                    Map<String, String> stringValues,
                    AtomicReference<java.util.Optional<HeaderPruner.Prefix>> pruningCache) {

        /** Whether the header tokens cannot have seen a string value of the recording parse that the new file's differs from. */
        boolean compatible(Map<String, String> defines) {
            List<String> differing = new ArrayList<>();
            for (Map.Entry<String, String> e : stringValues.entrySet()) {
                String mine = defines.get(e.getKey());
                if (mine == null) return false;
                if (!mine.trim().equals(e.getValue().trim())) {
                    String v = e.getValue().trim();
                    differing.add(v.substring(1, v.length() - 1));
                }
            }
            if (differing.isEmpty()) return true;
            for (int i = 0; i < length; i++) {
                char[] c = tokens[i].getCharImage();
                if (c.length < 2 || c[c.length - 1] != '"') continue; // string literals, of any prefix
                String img = new String(c);
                for (String d : differing) if (img.contains(d)) return false;
            }
            return true;
        }

        /** A preamble to replay (fresh copies of the tokens: the parser links them). */
        Preambles.Preamble preamble() {
            IToken[] copy = new IToken[length];
            for (int i = 0; i < length; i++) {
                Token c = ((Token) tokens[i]).clone();
                c.setNext(null);
                copy[i] = c;
            }
            return new Preambles.Preamble(null, copy, macroNames, macros, counters, includes, included, sequenceEnd,
                    new java.util.concurrent.locks.ReentrantLock(), pruningCache, fromFlags);
        }
    }

    /** Token copies without links to the recording parse (its preprocessor, its next tokens). */
    static IToken[] detached(List<IToken> toks, int n) {
        IToken[] r = new IToken[n];
        for (int i = 0; i < n; i++) {
            Token c = ((Token) toks.get(i)).clone();
            c.setNext(null);
            Preambles.forgetSource(c);
            r[i] = c;
        }
        return r;
    }

    // ---- CDT internals (the CDT copy is private to mmlint, its version pinned); a failure means no re-use ----

    private static final java.lang.reflect.Field CURRENT_CONTEXT = Preambles.field(org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor.class, "fCurrentContext");
    private static final java.lang.reflect.Field LEXER_INPUT = Preambles.field(org.eclipse.cdt.internal.core.parser.scanner.Lexer.class, "fInput");
    private static final java.lang.reflect.Field PREFETCHED = Preambles.field(org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor.class, "fPrefetchedTokens");
    private static final java.lang.reflect.Field IMPORTS = Preambles.field(org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor.class, "fImports");
    private static final java.lang.reflect.Method SEQUENCE = method(org.eclipse.cdt.internal.core.parser.scanner.LocationMap.class, "getSequenceNumberForOffset", int.class);

    private static java.lang.reflect.Method method(Class<?> c, String name, Class<?>... params) {
        try {
            java.lang.reflect.Method m = c.getDeclaredMethod(name, params);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static final boolean DEBUG = Boolean.getBoolean("mmlint.debugShare");

    /** Whether this CDT has what re-use across files relies on. */
    public static boolean supported() {
        return Preambles.supported() && CURRENT_CONTEXT != null && LEXER_INPUT != null && PREFETCHED != null && IMPORTS != null && SEQUENCE != null;
    }

    /**
     * The offset in the main file of the token the preprocessor's current lexer is at; -1 when the
     * lexer is not the main file's ({@code text}: the forced includes are read from a text of their
     * own) or it cannot be told.
     */
    static int mainOffset(org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor pp, char[] text) {
        try {
            Object ctx = CURRENT_CONTEXT.get(pp);
            java.lang.reflect.Method getLexer = ctx.getClass().getDeclaredMethod("getLexer");
            getLexer.setAccessible(true);
            Object lexer = getLexer.invoke(ctx);
            if (!(lexer instanceof org.eclipse.cdt.internal.core.parser.scanner.Lexer l)) return -1;
            if (!(LEXER_INPUT.get(l) instanceof org.eclipse.cdt.internal.core.parser.scanner.CharArray in) || in.getArray() != text) return -1;
            return l.currentToken().getOffset();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Whether the preprocessor holds no token back (every token before the directive being executed
     * was delivered) and has no state a snapshot would not carry ({@code #import}).
     */
    static boolean quiescent(org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor pp,
                             org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider provider) {
        try {
            if (PREFETCHED.get(pp) != null) { if (DEBUG) System.err.println("prefetched " + PREFETCHED.get(pp)); return false; }
            Object imports = IMPORTS.get(pp);
            if (imports instanceof org.eclipse.cdt.core.parser.util.CharArraySet s && !s.isEmpty()) { if (DEBUG) System.err.println("imports"); return false; }
            // CDT's files "included with pragma-once semantics" are the include-guarded headers it
            // skips when included again; the new parse reads them again instead, their guard
            // macro is defined (the snapshot's), so they contribute nothing, as when skipped
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The sequence number of offset {@code offset} of the location map's current file; -1 when it cannot be told. */
    static int sequenceNumber(org.eclipse.cdt.internal.core.parser.scanner.LocationMap map, int offset) {
        try {
            return (Integer) SEQUENCE.invoke(map, offset);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether two macros are defined alike (same kind, parameters and replacement text). */
    static boolean sameDefinition(PreprocessorMacro a, PreprocessorMacro b) {
        if (a == b) return a != null;
        if (a == null || b == null || a.getClass() != b.getClass() || a.isFunctionStyle() != b.isFunctionStyle()
                || a.hasVarArgs() != b.hasVarArgs()) return false;
        return Arrays.deepEquals(a.getParameterList(), b.getParameterList()) && Arrays.equals(a.getExpansionImage(), b.getExpansionImage());
    }
}
