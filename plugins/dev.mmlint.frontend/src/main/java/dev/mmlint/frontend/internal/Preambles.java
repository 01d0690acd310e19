package dev.mmlint.frontend.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.core.parser.util.CharArrayMap;
import org.eclipse.cdt.internal.core.parser.scanner.AbstractCharArray;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.CounterMacro;
import org.eclipse.cdt.internal.core.parser.scanner.DynamicMacro;
import org.eclipse.cdt.internal.core.parser.scanner.PreprocessorMacro;
import org.eclipse.cdt.internal.core.parser.scanner.Token;

/**
 * Re-use of a file's preamble between parses of edited versions of it: what a language server or
 * an IDE builder needs when the same file is parsed again and again while it is being edited.
 *
 * <p>The <em>preamble</em> of a translation unit is its text up to the first token the main file
 * contributes (for a kernel .c file: the licence comment, {@code #define pr_fmt}, the block of
 * {@code #include}s). Everything the preprocessor produces before that token comes from headers:
 * the forced includes and the preamble's includes. A parse records, at that token, the header tokens
 * delivered so far, the macro dictionary in effect, the sequence of headers the preamble included
 * and the sequence number the token had in the location map. A later parse of a text whose preamble
 * is character for character the same does not preprocess those headers again:
 * <ul>
 * <li>the preamble's first inclusion is served as <em>padding</em>: a file as long (in sequence
 * numbers) as the whole recorded header stream, whose lexer sees no characters. The recorded header
 * tokens keep their sequence numbers, which now fall inside the padding, so every header node of the
 * new AST lies in an included file (never in the main file) and no main-file token collides with one;
 * the main file's own tokens, preprocessed afresh, all come after;</li>
 * <li>the recorded macro dictionary is put in place when that first inclusion is opened, so the
 * preamble's own directives and the rest of the file see the macros they saw before
 * ({@code __COUNTER__} goes on from the value it had reached);</li>
 * <li>the preamble's other inclusions are served empty, provided they are the same headers in the
 * same order as before (else the parse is redone without re-use);</li>
 * <li>the parser is given the recorded header tokens followed by the new tokens, and header pruning
 * works on that stream as on a direct one (resuming after the recorded tokens, whose cutting into
 * declarations and analysis it keeps).</li>
 * </ul>
 * What differs from a direct parse: header nodes report file locations inside the padding (they are
 * never shown: findings and coverage are about the main file), and the preprocessor's problems and
 * macro expansions inside preamble headers are not reported again. Headers included after the
 * preamble are preprocessed as usual. Equivalence with a direct parse (bindings and types of every
 * name and expression) is what the tests check on real kernel files.
 *
 * <p>Entries are kept per file path, most recently used first, up to a capacity; an entry is used by
 * one parse at a time (the recorded tokens are relinked by each parse).
 */
public final class Preambles {
    /** Parses that re-used a preamble, and parses that recorded one, all instances. */
    public static final dev.mmlint.frontend.Counter REUSED = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter RECORDED = new dev.mmlint.frontend.Counter();
    /** Full parses (after a pruned parse's doubt) that re-used the preamble the pruned parse recorded or re-used. */
    public static final dev.mmlint.frontend.Counter REUSED_FULL = new dev.mmlint.frontend.Counter();
    /** Re-using parses whose header pruning resumed after the recorded tokens. */
    public static final dev.mmlint.frontend.Counter PRUNING_RESUMED = new dev.mmlint.frontend.Counter();

    /**
     * What a parse recorded at its first main-file token.
     *
     * @param prefix     the (rewritten) main-file text before that token
     * @param tokens     the header tokens delivered before it, in order
     * @param macros     the macro dictionary in effect (dynamic macros such as {@code __LINE__} excluded)
     * @param counters   the values {@code __COUNTER__} (a dynamic macro) had reached, by macro name
     * @param includes   the files the main file (or its forced includes) included, in order (a file
     *                   included twice appears twice)
     * @param included   every file included before the token, nested inclusions too
     * @param sequenceEnd the token's sequence number: every recorded token lies below it (for a
     *                   {@link Preludes prelude}: the prelude's exact length in sequence numbers)
     * @param prelude    the forced includes alone (a {@link Preludes prelude}): the replay ends once they
     *                   are served, whatever the main file's text
     */
    record Preamble(char[] prefix, IToken[] tokens, char[][] macroNames, PreprocessorMacro[] macros, Map<String, Long> counters, List<String> includes,
                    java.util.Set<String> included, int sequenceEnd, ReentrantLock lock,
                    java.util.concurrent.atomic.AtomicReference<java.util.Optional<HeaderPruner.Prefix>> pruningCache, boolean prelude) {
        boolean matches(char[] text) {
            return text.length >= prefix.length && Arrays.equals(text, 0, prefix.length, prefix, 0, prefix.length);
        }

        /**
         * Header pruning's work on the recorded tokens, made on first use (null when they do not end
         * where a declaration ends: then the whole stream is pruned).
         */
        HeaderPruner.Prefix pruning() {
            java.util.Optional<HeaderPruner.Prefix> p = pruningCache.get();
            if (p == null) {
                p = java.util.Optional.ofNullable(HeaderPruner.prefix(tokens));
                pruningCache.set(p);
            }
            return p.orElse(null);
        }
    }

    private final int capacity;
    private final Map<String, Preamble> entries;

    public Preambles(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    synchronized Preamble get(String path) { return entries.get(path); }

    synchronized void put(String path, Preamble p) {
        entries.put(path, p);
        while (entries.size() > capacity) entries.remove(entries.keySet().iterator().next());
    }

    synchronized void remove(String path, Preamble p) { entries.remove(path, p); }

    /** Drops the preamble kept for {@code path}, if any. */
    public synchronized void remove(String path) { entries.remove(path); }

    // ---- recording ----

    /**
     * Records the preamble of a parse at its first main-file token; null when there is nothing to
     * re-use (no header came before it) or the main-file offset of the token cannot be told.
     */
    static Preamble record(CPreprocessor pp, char[] text, List<IToken> headerTokens, CachingContentProvider.Recorded includes,
                           IToken first, int firstMainOffset) {
        if (headerTokens.isEmpty() || includes == null || includes.top().isEmpty() || firstMainOffset < 0 || firstMainOffset > text.length) return null;
        RECORDED.increment();
        return snapshot(pp, headerTokens, includes, Arrays.copyOf(text, firstMainOffset), first.getOffset(), false);
    }

    /** The preprocessor's macros (dynamic ones left out, counters' values kept) and the header tokens, as one preamble. */
    private static Preamble snapshot(CPreprocessor pp, List<IToken> headerTokens, CachingContentProvider.Recorded includes, char[] mainPrefix,
                                     int length, boolean prelude) {
        CharArrayMap<PreprocessorMacro> dict = dictionary(pp);
        List<char[]> names = new ArrayList<>(dict.size());
        List<PreprocessorMacro> macros = new ArrayList<>(dict.size());
        Map<String, Long> counters = new java.util.HashMap<>();
        for (char[] k : dict.keys()) {
            PreprocessorMacro m = dict.get(k);
            if (m instanceof CounterMacro c) counters.put(new String(k), counter(c, null));
            if (m instanceof DynamicMacro) continue;
            names.add(k);
            macros.add(m);
        }
        IToken[] toks = headerTokens.toArray(new IToken[0]);
        for (IToken t : toks) forgetSource(t);
        return new Preamble(mainPrefix, toks, names.toArray(new char[0][]), macros.toArray(new PreprocessorMacro[0]), Map.copyOf(counters),
                includes.top(), includes.all(), length, new ReentrantLock(), new java.util.concurrent.atomic.AtomicReference<>(), prelude);
    }

    /**
     * A {@link Preludes prelude}: what the forced includes alone delivered (the parse of an empty main
     * file), {@code length} sequence numbers long. Null when nothing came from them.
     */
    static Preamble prelude(CPreprocessor pp, List<IToken> headerTokens, CachingContentProvider.Recorded includes, int length) {
        if (headerTokens.isEmpty() || includes == null || includes.top().isEmpty() || length <= 0) return null;
        return snapshot(pp, headerTokens, includes, new char[0], length, true);
    }

    // ---- re-use ----

    /** Puts {@code p}'s macros in effect in {@code pp}, keeping {@code pp}'s own dynamic macros. */
    static void installMacros(CPreprocessor pp, Preamble p) {
        CharArrayMap<PreprocessorMacro> dict = dictionary(pp);
        List<char[]> drop = new ArrayList<>();
        for (char[] k : dict.keys()) {
            PreprocessorMacro m = dict.get(k);
            if (m instanceof CounterMacro c) counter(c, p.counters().get(new String(k)));
            if (!(m instanceof DynamicMacro)) drop.add(k);
        }
        for (char[] k : drop) dict.remove(k);
        for (int i = 0; i < p.macros().length; i++) {
            if (!(dict.get(p.macroNames()[i]) instanceof DynamicMacro)) dict.put(p.macroNames()[i], p.macros()[i]);
        }
    }

    /**
     * A file {@code length} sequence numbers long whose lexer sees no character (so nothing is
     * preprocessed in it) and whose text, when a location inside it is asked for, is blank.
     */
    static AbstractCharArray padding(int length) {
        return new AbstractCharArray() {
            @Override public int tryGetLength() { return -1; }
            @Override public int getLength() { return length; }
            @Override public boolean isValidOffset(int offset) { return false; }
            @Override public long getContentsHash() { return length; }
            @Override public char get(int offset) { return ' '; }
            @Override public void arraycopy(int offset, char[] destination, int destinationPos, int n) {
                Arrays.fill(destination, destinationPos, destinationPos + n, ' ');
            }
            @Override public boolean hasError() { return false; }
        };
    }

    // ---- CDT internals (the CDT copy is private to mmlint, its version pinned) ----

    /** CPreprocessor's macro dictionary (also hooked by {@link BudgetHooks}), or null on a CDT without it. */
    static final Field DICTIONARY = field(CPreprocessor.class, "fMacroDictionary");
    private static final Field TOKEN_SOURCE = field(Token.class, "fSource");
    private static final Field COUNTER = field(CounterMacro.class, "fValue");

    /** The counter's value; set to {@code value} first when that is not null. */
    static long counter(CounterMacro c, Long value) {
        try {
            if (value != null) COUNTER.setLong(c, value);
            return COUNTER.getLong(c);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A declared field of CDT made accessible, or null when this CDT lacks it (the caller then does without). */
    static Field field(Class<?> c, String name) {
        try {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether this CDT has the internals re-use relies on (else parses never re-use). */
    static boolean supported() { return DICTIONARY != null && TOKEN_SOURCE != null && COUNTER != null; }

    @SuppressWarnings("unchecked")
    private static CharArrayMap<PreprocessorMacro> dictionary(CPreprocessor pp) {
        try {
            return (CharArrayMap<PreprocessorMacro>) DICTIONARY.get(pp);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token keeps the lexer or macro expander that made it, and through it the whole preprocessor,
     * location map and AST of its parse; a kept token must not (the parser does not read it).
     */
    static void forgetSource(IToken t) {
        if (!(t instanceof Token tok)) return;
        try {
            TOKEN_SOURCE.set(tok, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
