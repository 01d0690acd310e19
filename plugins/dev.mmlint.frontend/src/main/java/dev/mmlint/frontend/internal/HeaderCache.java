package dev.mmlint.frontend.internal;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;

/**
 * Header texts and existence answers shared by all translation units of one source set
 * (thread-safe). Texts are stored after the same-length rewrite of {@link KernelRewriter}, so a
 * header is read and rewritten once per run however many files include it. Existence answers,
 * negative ones included, are cached: a kernel file makes thousands of include-path probes, nearly
 * all misses. Virtual files (the built-in preludes) are served from memory.
 *
 * <p>Caching is safe because a header's text does not depend on the includer; what its text
 * <em>means</em> (macros in effect) is still worked out by the preprocessor for each translation unit.
 */
public final class HeaderCache {
    private static final Optional<CharArray> ABSENT = Optional.empty();
    private final Map<String, Optional<CharArray>> texts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> exists = new ConcurrentHashMap<>();
    private final Map<String, CharArray> virtualFiles = new ConcurrentHashMap<>();

    private final boolean rewrite;
    private volatile boolean blankBodies;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();

    /** When set, only files whose real path (symlinks resolved) lies under one of these roots exist. */
    private volatile List<Path> confinedTo;

    public HeaderCache(boolean rewrite) { this.rewrite = rewrite; }

    /**
     * Confines every header read to {@code roots} (real paths, symlinks resolved): an include that
     * resolves outside them ({@code #include "../../x"}, an absolute path, a symlink out of the tree)
     * is treated as a missing file. Set before the first parse; virtual files are always served.
     */
    public void confineTo(List<Path> roots) {
        List<Path> real = new java.util.ArrayList<>();
        for (Path r : roots) {
            try {
                real.add(r.toRealPath());
            } catch (IOException e) {
                real.add(r.toAbsolutePath().normalize());
            }
        }
        confinedTo = List.copyOf(real);
    }

    private boolean allowed(String path) {
        List<Path> roots = confinedTo;
        if (roots == null) return true;
        try {
            Path real = Paths.get(path).toRealPath();
            for (Path r : roots) if (real.startsWith(r)) return true;
        } catch (IOException | RuntimeException e) {
            // missing or unreadable: not there
        }
        return false;
    }

    /** Blank function bodies in header texts ({@link HeaderBodyBlanker}); set before the first parse. */
    public void setBlankBodies(boolean b) { blankBodies = b; }

    /** Serves {@code text} under the absolute path {@code path} without touching the disk. */
    public void addVirtualFile(String path, String text) {
        virtualFiles.put(path, new CharArray((rewrite ? KernelRewriter.rewrite(text) : text).toCharArray()));
    }

    public boolean exists(String path) {
        probes.incrementAndGet();
        if (virtualFiles.containsKey(path)) return true;
        Optional<CharArray> t = texts.get(path);
        if (t != null) return t.isPresent();
        return exists.computeIfAbsent(path, p -> allowed(p) && Files.isRegularFile(Paths.get(p)));
    }

    /** The (rewritten) text of a header, or null when it cannot be read. */
    public char[] text(String path) {
        CharArray c = content(path);
        return c == null ? null : c.getArray();
    }

    /**
     * The (rewritten) text of a header as CDT reads it, or null when it cannot be read. The same
     * object is handed to every translation unit (CDT only reads it), so the content hash CDT
     * computes for each inclusion is computed once per header and run.
     */
    public CharArray content(String path) {
        CharArray v = virtualFiles.get(path);
        if (v != null) return v;
        Optional<CharArray> t = texts.get(path);
        if (t != null) { hits.incrementAndGet(); return t.orElse(null); }
        t = texts.computeIfAbsent(path, this::load);
        return t.orElse(null);
    }

    private Optional<CharArray> load(String path) {
        reads.incrementAndGet();
        if (!allowed(path)) return ABSENT;
        try {
            byte[] bytes = Files.readAllBytes(Paths.get(path));
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (rewrite) s = KernelRewriter.rewrite(s);
            if (blankBodies) s = HeaderBodyBlanker.blank(s);
            return Optional.of(new CharArray(s.toCharArray()));
        } catch (IOException | RuntimeException e) {
            return ABSENT;
        }
    }

    private final Map<CharArray, char[]> guardStandIns = new ConcurrentHashMap<>();
    private volatile boolean guardAnswers = IncludeGuards.ENABLED;

    /**
     * Whether inclusions are served with their include guard's stand-in, and the main file's collection
     * of significant macros is stopped ({@link IncludeGuards}); on by default (off: CDT's own work, for
     * the tests that compare the two).
     */
    public void setGuardAnswers(boolean on) { guardAnswers = on && IncludeGuards.ENABLED; }

    boolean guardAnswers() { return guardAnswers; }

    /**
     * The include-guard stand-in of a text this cache served ({@link IncludeGuards#standIn}), made the
     * first time it is asked for (texts are kept by identity: one object per header and run).
     */
    char[] guardStandIn(CharArray content, org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor pp) {
        return guardStandIns.computeIfAbsent(content, c -> IncludeGuards.standIn(c, pp));
    }

    private volatile boolean inclusionMemo = InclusionMemo.ENABLED;
    private final ThreadLocal<Map<String, InclusionMemo.Store>> memoStores = ThreadLocal.withInitial(java.util.HashMap::new);

    /** Whether inclusions are recorded and replayed across the units of this source set ({@link InclusionMemo}); on by default. */
    public void setInclusionMemo(boolean on) { inclusionMemo = on && InclusionMemo.ENABLED; }

    /**
     * The calling thread's recorded inclusions for the configuration {@code info} (what header names
     * resolve against: the include search path and the forced includes), or null when not kept.
     */
    InclusionMemo.Store memoStore(org.eclipse.cdt.core.parser.IScannerInfo info) {
        if (!inclusionMemo) return null;
        StringBuilder k = new StringBuilder();
        if (info.getIncludePaths() != null) for (String p : info.getIncludePaths()) k.append(p).append('\0');
        k.append('\1');
        if (info instanceof org.eclipse.cdt.core.parser.IExtendedScannerInfo e) {
            for (String[] ps : new String[][] {e.getLocalIncludePath(), e.getIncludeFiles(), e.getMacroFiles()}) {
                if (ps != null) for (String p : ps) k.append(p).append('\0');
                k.append('\1');
            }
        }
        return memoStores.get().computeIfAbsent(k.toString(), x -> new InclusionMemo.Store());
    }

    public long reads() { return reads.get(); }
    public long hits() { return hits.get(); }
    public long probes() { return probes.get(); }

    public static String abs(Path p) { return p.toAbsolutePath().normalize().toString(); }
}
