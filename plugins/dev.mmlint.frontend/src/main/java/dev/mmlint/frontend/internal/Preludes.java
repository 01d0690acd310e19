package dev.mmlint.frontend.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.parser.ExtendedScannerInfo;

/**
 * Re-use of a forced include (a <em>prelude</em>, such as the built-in declarations put before a lone
 * fragment) between parses of unrelated texts in one JVM. Unlike a {@link Preambles preamble}, which
 * is a file's own text up to its first token and only matches later versions of that file, a prelude
 * depends on nothing in the main file: the preprocessor reads the forced include before the first
 * character of the main file, so what it delivers (tokens, macro dictionary, include guards) is fixed
 * by the scanner configuration alone.
 *
 * <p>A prelude is recorded once per configuration by preprocessing an empty main file; a parse then
 * serves the forced include as padding exactly as long, in sequence numbers, as the recorded one (so
 * every main-file token, node offset and location is that of a parse from scratch), puts the recorded
 * macros in effect at that point, and hands the parser the recorded tokens followed by the main file's,
 * preprocessed afresh with its own inclusions. The key is everything the recorded stream can depend on:
 * the forced include's path and text and the defined macros, in order; a prelude that probes or
 * includes any other file (whose answer would depend on the include path) is not recorded, and its
 * configuration is parsed from scratch every time.
 *
 * <p>Only one forced include and no {@code -imacros} files: the padding stands for one file. Each
 * recorded prelude is used by one parse at a time (the parser links its tokens); when every copy is
 * busy another is recorded, up to {@link #perKey} per configuration, and beyond that the parse goes
 * from scratch.
 */
public final class Preludes {
    /** Parses that re-used a recorded prelude, and preludes recorded, all instances. */
    public static final dev.mmlint.frontend.Counter REUSED = new dev.mmlint.frontend.Counter();
    public static final dev.mmlint.frontend.Counter RECORDED = new dev.mmlint.frontend.Counter();

    /**
     * What a recorded prelude depends on.
     *
     * @param include the forced include, as written in the scanner configuration (an absolute path)
     * @param text    its text as the preprocessor reads it
     * @param defines the defined macros, in the order they are defined
     */
    record Key(String include, String text, List<String> defines) {}

    private final int keys;
    private final int perKey;
    private final Map<Key, List<Preambles.Preamble>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Key> unusable = new HashSet<>();

    /**
     * @param keys   configurations kept, least recently used dropped first
     * @param perKey copies of one configuration's prelude (parses that may run at once)
     */
    public Preludes(int keys, int perKey) {
        this.keys = Math.max(1, keys);
        this.perKey = Math.max(1, perKey);
    }

    /** The key of {@code info}'s prelude, or null when it has none this class can re-use. */
    static Key key(ExtendedScannerInfo info, HeaderCache cache) {
        String[] inc = info.getIncludeFiles();
        String[] mac = info.getMacroFiles();
        if (inc == null || inc.length != 1 || (mac != null && mac.length > 0) || inc[0] == null) return null;
        try {
            if (!Path.of(inc[0]).isAbsolute()) return null; // resolved against the include path
        } catch (RuntimeException e) {
            return null;
        }
        char[] text = cache.text(inc[0]);
        if (text == null) return null;
        List<String> defines = new ArrayList<>();
        Map<String, String> d = info.getDefinedSymbols();
        if (d != null) d.forEach((k, v) -> defines.add(k + "=" + v));
        return new Key(inc[0], new String(text), List.copyOf(defines));
    }

    /** A recorded prelude for {@code key} no other parse holds, locked for the caller; null when there is none. */
    synchronized Preambles.Preamble acquire(Key key) {
        List<Preambles.Preamble> ps = entries.get(key);
        if (ps == null) return null;
        for (Preambles.Preamble p : ps)
            if (!p.lock().isHeldByCurrentThread() && p.lock().tryLock()) return p;
        return null;
    }

    /** Whether another prelude may be recorded for {@code key}. */
    synchronized boolean room(Key key) {
        if (unusable.contains(key)) return false;
        List<Preambles.Preamble> ps = entries.get(key);
        return ps == null || ps.size() < perKey;
    }

    /** Keeps {@code p} (recorded for {@code key}, null: nothing re-usable, never try again). */
    synchronized void add(Key key, Preambles.Preamble p) {
        if (p == null) {
            if (unusable.size() < 64) unusable.add(key);
            return;
        }
        entries.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        while (entries.size() > keys) entries.remove(entries.keySet().iterator().next());
    }

    /** Recorded preludes kept (all configurations). */
    public synchronized int size() { return entries.values().stream().mapToInt(List::size).sum(); }
}
