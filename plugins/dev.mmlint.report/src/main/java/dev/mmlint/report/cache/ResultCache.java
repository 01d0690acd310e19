package dev.mmlint.report.cache;

import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.frontend.Diagnostic;
import dev.mmlint.frontend.Frontend;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.IncludeFact;
import dev.mmlint.frontend.KernelConfig;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.ParsedUnit;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A persistent cache of per-file analysis results outside the analysed tree ({@code ~/.cache/mmlint/results},
 * or {@code $MMLINT_CACHE/results}), as ccache and clangd's index keep theirs.
 *
 * <p>An entry is found by a key over everything known before parsing: the analysing code
 * ({@link ToolFingerprint}), the run's settings (rules' content, enabled rules, severities, front-end
 * options: {@code runKey}), the front end and its kernel context (version, Kconfig values), the file's
 * path and content, and the Kbuild Makefiles from the file's directory up to the tree root (they decide
 * whether the file is built). The entry lists every header the parse read with the sha256 of its
 * content; it is used only when each of them still has that content, so the full key is sha256 over
 * the file, its headers, the config, the rules and the code. A header edited makes exactly the files
 * that included it miss.
 *
 * <p>Entries are versioned and end with a sha256 of their bytes: a truncated, corrupt or foreign entry
 * (another format, another build, another key) is ignored, reported as a note, and rebuilt; it is never
 * trusted. Writes go through a temporary file and an atomic rename, so concurrent runs never see half an
 * entry. Results that depend on timing (a budget ran out) are not stored. The cache refuses to live
 * inside an analysed tree. Thread-safe.
 *
 * <p>Limitation (as ccache's direct mode): a header created where the preprocessor would now find it
 * ahead of the one it read before (a new file earlier on the include path) is not noticed.
 */
public final class ResultCache {
    static final byte[] MAGIC = "mmlint-result-cache\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int FORMAT = 2;

    /** What a unit's analysis left that a report needs: its display name, findings, coverage and problems. */
    public record Entry(String displayPath, UnitAnalyzer.Result result, List<Diagnostic> problems) {}

    /** A lookup: the key known before parsing, and the cached entry when it is still valid. */
    public static final class Lookup {
        final String base;
        final Path entryFile;
        final Path file;
        final Frontend frontend;
        public final Entry hit;

        Lookup(String base, Path entryFile, Path file, Frontend frontend, Entry hit) {
            this.base = base;
            this.entryFile = entryFile;
            this.file = file;
            this.frontend = frontend;
            this.hit = hit;
        }
    }

    private final Path dir;
    private final String runKey;
    private final String tool;
    private final List<Path> forbidden;
    private final State state;

    /** What instances keyed from one another share: hashes of this run, notes and counts. */
    private static final class State {
        /** Path (a directory's with a trailing '/') -> sha256 of its content (a directory's: its header names), ABSENT when unreadable. */
        final Map<String, byte[]> hashes = new ConcurrentHashMap<>();
        /** Front end -> the hash of its kernel context (version, every Kconfig value), once per run. */
        final Map<Frontend, String> contexts = new ConcurrentHashMap<>();
        /** Directory -> the kernel tree at exactly it, once per run. */
        final Map<Path, Optional<KernelTree>> trees = new ConcurrentHashMap<>();
        /** Files' digests by their stat, kept beside the entries (read when first needed). */
        volatile FileStamps stamps;
        final List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger hits = new AtomicInteger(), misses = new AtomicInteger(), stored = new AtomicInteger();
        volatile boolean writable = true;
    }

    /**
     * @param dir       where entries live
     * @param runKey    the run's settings that change results (see {@link #runKey})
     * @param tool      the analysing code's fingerprint ({@link ToolFingerprint#current()})
     * @param forbidden directories the cache must not be inside (the analysed paths)
     */
    public ResultCache(Path dir, String runKey, String tool, List<Path> forbidden) {
        this(dir.toAbsolutePath().normalize(), runKey, tool, forbidden.stream().map(p -> p.toAbsolutePath().normalize()).toList(), new State());
    }

    private ResultCache(Path dir, String runKey, String tool, List<Path> forbidden, State state) {
        this.dir = dir;
        this.runKey = runKey;
        this.tool = tool;
        this.forbidden = forbidden;
        this.state = state;
    }

    /** This cache with more of the run's settings in its key (counts, notes and hashes shared with this one). */
    public ResultCache keyedBy(List<String> parts) {
        List<String> all = new ArrayList<>();
        all.add(runKey);
        all.addAll(parts);
        return new ResultCache(dir, runKey(all), tool, forbidden, state);
    }

    /** The directory entries live in. */
    public Path dir() { return dir; }

    /** The default place: {@code results/} under {@code $MMLINT_CACHE} or {@code ~/.cache/mmlint}. */
    public static Path defaultDir() {
        return dev.mmlint.frontend.internal.GeneratedTree.defaultCacheBase().resolve("results");
    }

    /** A run key from its parts (any strings; order matters). */
    public static String runKey(List<String> parts) {
        ToolFingerprint.Hasher h = new ToolFingerprint.Hasher();
        h.text("parts:" + parts.size());
        for (String p : parts) h.text(p);
        return h.hex();
    }

    /** The rules' content: the shipped rule sources, or the rule files named (sorted by path). */
    public static String rulesFingerprint(List<Path> ruleFiles) throws IOException {
        ToolFingerprint.Hasher h = new ToolFingerprint.Hasher();
        if (ruleFiles == null) {
            h.text("shipped");
            // the shipped rules are resources beside the rule loader's classes, whose bytes the tool fingerprint
            // holds: their content need not be hashed again (when they come from anywhere else, it is)
            List<String> resources = new ArrayList<>(List.of(dev.mmlint.dsl.RuleSetLoader.INDEX));
            for (String n : dev.mmlint.dsl.RuleSetLoader.shippedIndex()) resources.add(dev.mmlint.dsl.RuleSetLoader.CLASSPATH_DIR + n);
            if (!ToolFingerprint.holdsResources(dev.mmlint.dsl.RuleSetLoader.class, resources))
                for (dev.mmlint.dsl.RuleSource s : dev.mmlint.dsl.RuleSetLoader.shippedSources()) h.text(s.name()).text(s.text());
        } else {
            for (Path p : new TreeSet<>(ruleFiles.stream().map(x -> x.toAbsolutePath().normalize()).toList())) h.text(p.toString()).file(p);
        }
        return h.hex();
    }

    public int hits() { return state.hits.get(); }

    public int misses() { return state.misses.get(); }

    public int stored() { return state.stored.get(); }

    /** Notes about entries ignored (corrupt, foreign) or a cache that could not be written, in order. */
    public List<String> notes() {
        synchronized (state.notes) {
            return List.copyOf(state.notes);
        }
    }

    /** Looks {@code file} up; a miss (or an unusable entry, noted) returns a lookup without a hit. */
    public Lookup lookup(Path file, Frontend frontend) { return lookup(file, frontend, c -> ""); }

    /**
     * As {@link #lookup(Path, Frontend)}, keyed also on what the engine derives from the file's context
     * ({@code derived}, {@link dev.mmlint.engine.Engine#derivedFacts}: the file system's large-folio verdict).
     */
    public Lookup lookup(Path file, Frontend frontend, java.util.function.Function<KernelContext, String> derived) {
        Path abs = file.toAbsolutePath().normalize();
        String base;
        try {
            KernelContext fileCtx = frontend.contextOf(abs);
            base = baseKey(abs, frontend, fileCtx.filesystem() == null ? "" : fileCtx.filesystem() + "\n" + derived.apply(fileCtx));
        } catch (IOException e) {
            state.misses.incrementAndGet();
            return new Lookup(null, null, abs, frontend, null); // unreadable: the analysis reports it
        }
        Path entryFile = dir.resolve(base.substring(0, 2)).resolve(base);
        Entry hit = null;
        try {
            byte[] data = Files.readAllBytes(entryFile);
            Object v = EntryFile.read(data, base, tool, this::currentHash);
            if (!(v instanceof Entry e) || e.result() == null || e.displayPath() == null || e.problems() == null)
                throw new IOException("not a unit's result");
            hit = e;
        } catch (NoSuchFileException e) {
            // a miss
        } catch (EntryFile.Stale e) {
            // a header changed: a miss
        } catch (IOException | RuntimeException e) {
            note("result cache entry " + entryFile + " for " + frontend.displayPath(abs) + " ignored and rebuilt: " + e.getMessage());
        }
        if (hit != null) state.hits.incrementAndGet();
        else state.misses.incrementAndGet();
        return new Lookup(base, entryFile, abs, frontend, hit);
    }

    /** Stores the analysis of a missed lookup (nothing when its result depends on timing or the key is unknown). */
    public void store(Lookup l, ParsedUnit unit, Entry e) {
        if (l.base == null || !state.writable || !cacheable(e)) return;
        for (Path f : forbidden) {
            if (Files.isDirectory(f) && dir.startsWith(f)) {
                state.writable = false;
                note("result cache " + dir + " is inside the analysed " + f + ": not written (set MMLINT_CACHE elsewhere)");
                return;
            }
        }
        Optional<KernelTree> tree = KernelTree.enclosing(l.file, state.trees);
        if (tree.isPresent() && dir.startsWith(tree.get().root())) {
            state.writable = false;
            note("result cache " + dir + " is inside the analysed tree " + tree.get().root() + ": not written (set MMLINT_CACHE elsewhere)");
            return;
        }
        Map<String, byte[]> headers = new TreeMap<>();
        List<Path> search;
        try {
            search = l.frontend.includeSearchPath(l.file);
        } catch (RuntimeException x) {
            return; // the include path is unknown: what the parse could have read cannot be checked
        }
        for (ParsedUnit u : units(unit)) {
            for (IncludeFact inc : dev.mmlint.frontend.CdtFrontend.includes(u.ast())) {
                Path hp = null;
                if (inc.resolved()) {
                    String p = inc.path();
                    if (p != null && !p.isEmpty()) {
                        hp = Path.of(p).toAbsolutePath().normalize();
                        if (!hp.equals(l.file)) {
                            byte[] h = currentHash(hp.toString());
                            if (h == ABSENT && Files.exists(hp)) return; // an unreadable header: do not store what cannot be checked
                            headers.put(hp.toString(), h); // ABSENT: not on disk (the front end's own built-in header), part of the tool
                        }
                    }
                }
                if (!lookedUpBefore(inc, hp, search, headers)) return;
            }
        }
        byte[] data = EntryFile.write(l.base, tool, headers, RecordCodec.encode(e));
        try {
            write(l.entryFile, data);
            state.stored.incrementAndGet();
        } catch (IOException | RuntimeException x) {
            state.writable = false;
            note("result cache " + dir + " cannot be written (" + x + "): results not cached in this run");
        }
    }

    /**
     * Adds to {@code deps} where the preprocessor looked for {@code inc}'s header before it found {@code found}
     * (null: nowhere), so that a header appearing there later makes the entry miss: for a {@code .h} name,
     * each directory it was looked for in (its header and subdirectory names, see {@link #listing}); for
     * another name, each path it was looked for at (absent). False when the directive's name is unusable.
     */
    private boolean lookedUpBefore(IncludeFact inc, Path found, List<Path> search, Map<String, byte[]> deps) {
        String name = inc.name();
        Path rel;
        try {
            rel = Path.of(name);
        } catch (java.nio.file.InvalidPathException x) {
            return false;
        }
        if (name.isEmpty() || rel.isAbsolute()) return true; // no search: the path itself is the header (listed when read)
        List<Path> bases = new ArrayList<>();
        String including = inc.includer();
        if (!inc.system() && including != null && !including.isEmpty()) {
            Path parent = Path.of(including).toAbsolutePath().normalize().getParent();
            if (parent != null) bases.add(parent);
        }
        bases.addAll(search);
        boolean header = name.endsWith(".h");
        for (Path b : bases) {
            Path candidate = b.resolve(rel).normalize();
            if (candidate.equals(found)) break;
            Path dir = candidate.getParent();
            if (header && dir != null) {
                String d = dir.toString() + "/";
                deps.computeIfAbsent(d, this::currentHash);
            } else {
                deps.computeIfAbsent(candidate.toString(), this::currentHash);
            }
        }
        return true;
    }

    private static List<ParsedUnit> units(ParsedUnit u) {
        List<ParsedUnit> all = new ArrayList<>();
        all.add(u);
        for (ParsedUnit.Variant v : u.variants()) all.add(v.unit());
        return all;
    }

    private static boolean cacheable(Entry e) {
        for (FunctionCoverage fc : e.result().functions())
            for (String why : fc.reasons()) if (why.contains("budget exceeded")) return false;
        return true;
    }

    private void note(String s) { state.notes.add(s); }

    /** What {@link #currentHash} gives for a path that cannot be read (or a directory that does not exist). */
    static final byte[] ABSENT = new byte[0];

    /**
     * The sha256 of a file's current content, or for a path ending in '/' of the directory's {@link #listing},
     * once per run ({@link #ABSENT} when it cannot be read).
     */
    byte[] currentHash(String path) {
        return state.hashes.computeIfAbsent(path, p -> {
            try {
                if (p.endsWith("/")) return listing(Path.of(p));
                return java.util.HexFormat.of().parseHex(stamps().digest(Path.of(p), f -> new ToolFingerprint.Hasher().file(f).hex()));
            } catch (IOException | RuntimeException e) {
                return ABSENT;
            }
        });
    }

    private FileStamps stamps() {
        FileStamps s = state.stamps;
        if (s == null) {
            synchronized (state) {
                if (state.stamps == null) state.stamps = FileStamps.read(dir.resolve("stamps"));
                s = state.stamps;
            }
        }
        return s;
    }

    /** Keeps the stat of the files read in this run beside the entries, so that the next run need not read them. */
    public void saveStamps() {
        FileStamps s = state.stamps;
        if (s != null && state.writable && !insideForbidden()) s.write();
    }

    private boolean insideForbidden() {
        for (Path f : forbidden) if (dir.startsWith(f)) return true;
        return false;
    }

    /**
     * A directory on an include path as the preprocessor can see it: the sha256 of the sorted names in it that end
     * in {@code .h} or have no dot (subdirectories). A header added or removed there changes it; an editor's swap
     * file, an object file or a renamed-over save does not.
     */
    static byte[] listing(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.endsWith(".h") || n.indexOf('.') < 0) names.add(n);
            }
        }
        java.util.Collections.sort(names);
        ToolFingerprint.Hasher h = new ToolFingerprint.Hasher().text("dir");
        for (String n : names) h.text(n);
        return h.digest();
    }

    private String baseKey(Path abs, Frontend fe, String derived) throws IOException {
        ToolFingerprint.Hasher h = new ToolFingerprint.Hasher();
        if (!derived.isEmpty()) h.text("derived").text(derived);
        h.text("mmlint-result-cache/" + FORMAT).text(tool).text(runKey);
        h.text(fe.getClass().getName());
        h.text(state.contexts.computeIfAbsent(fe, f -> {
            ToolFingerprint.Hasher ch = new ToolFingerprint.Hasher();
            KernelContext ctx = f.context();
            ch.text(ctx.version() == null ? null : ctx.version().toString()).text(ctx.versionSource());
            KernelConfig c = ctx.config();
            ch.text(c.source()).text(Boolean.toString(c.partial()));
            for (Map.Entry<String, String> v : c.values().entrySet()) ch.text(v.getKey()).text(v.getValue());
            return ch.hex();
        }));
        h.text(abs.toString()).text(fe.displayPath(abs));
        byte[] content = currentHash(abs.toString());
        if (content == ABSENT) throw new IOException("cannot read " + abs);
        h.bytes(content);
        Optional<KernelTree> tree = KernelTree.enclosing(abs, state.trees);
        if (tree.isPresent()) {
            Path root = tree.get().root().toAbsolutePath().normalize();
            for (Path d = abs.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
                for (String name : new String[] {"Kbuild", "Makefile"}) {
                    Path mk = d.resolve(name);
                    byte[] mh = currentHash(mk.toString());
                    h.text(mk.toString()).text(mh == ABSENT ? null : java.util.HexFormat.of().formatHex(mh));
                }
            }
        }
        return h.hex();
    }

    /**
     * A value computed from the run's settings alone (no file), kept beside the entries: read when an intact one
     * is there, else computed and stored. A corrupt or foreign one is ignored (noted) and rewritten.
     */
    public <T> T memo(String name, Class<T> type, java.util.function.Supplier<T> compute) {
        ToolFingerprint.Hasher h = new ToolFingerprint.Hasher();
        h.text("mmlint-result-cache-memo/" + FORMAT).text(tool).text(runKey).text(name);
        String key = h.hex();
        Path f = dir.resolve("memo").resolve(key);
        try {
            Object v = EntryFile.read(Files.readAllBytes(f), key, tool, p -> ABSENT);
            if (type.isInstance(v)) return type.cast(v);
            note("result cache memo " + f + " ignored and rebuilt: not a " + type.getSimpleName());
        } catch (NoSuchFileException e) {
            // computed below
        } catch (IOException | RuntimeException e) {
            note("result cache memo " + f + " ignored and rebuilt: " + e.getMessage());
        }
        T v = compute.get();
        if (state.writable) {
            try {
                write(f, EntryFile.write(key, tool, Map.of(), RecordCodec.encode(v)));
            } catch (IOException | RuntimeException x) {
                // a value not written is computed again next time
            }
        }
        return v;
    }

    /** Writes {@code target} whole or not at all: a temporary file beside it, moved over it. */
    static void write(Path target, byte[] data) throws IOException {
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        Path tmp = Files.createTempFile(target.getParent(), name.substring(0, Math.min(8, name.length())), ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException x) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The entry file's layout: magic, format, key, tool, the paths read (sorted, each written as the length of the
     * prefix it shares with the one before and the rest) with the raw sha256 of what was read (none: absent), the
     * value, a sha256 of all that.
     */
    static final class EntryFile {
        /** An intact entry whose headers changed since it was written. */
        static final class Stale extends IOException {
            Stale(String m) { super(m); }
        }

        interface Hashes {
            byte[] of(String path);
        }

        static byte[] write(String base, String tool, Map<String, byte[]> headers, byte[] value) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.write(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(base);
                out.writeUTF(tool);
                out.writeInt(headers.size());
                String prev = "";
                for (Map.Entry<String, byte[]> e : new TreeMap<>(headers).entrySet()) {
                    String path = e.getKey();
                    int shared = 0, max = Math.min(Math.min(prev.length(), path.length()), 0xffff);
                    while (shared < max && prev.charAt(shared) == path.charAt(shared)) shared++;
                    if (shared > 0 && Character.isLowSurrogate(path.charAt(shared))) shared--;
                    out.writeShort(shared);
                    out.writeUTF(path.substring(shared));
                    out.writeByte(e.getValue().length);
                    out.write(e.getValue());
                    prev = path;
                }
                out.writeInt(value.length);
                out.write(value);
                out.flush();
                byte[] body = bytes.toByteArray();
                out.write(sha256(body, body.length));
                out.flush();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The entry's value, when it is intact, written for {@code base} by {@code tool}, and nothing it read changed. */
        static Object read(byte[] data, String base, String tool, Hashes current) throws IOException {
            if (data.length < MAGIC.length + 32 || !java.util.Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length))
                throw new IOException("not a result cache entry");
            int bodyLength = data.length - 32;
            if (!java.util.Arrays.equals(sha256(data, bodyLength), 0, 32, data, bodyLength, data.length))
                throw new IOException("checksum mismatch (corrupt or truncated)");
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data, MAGIC.length, bodyLength - MAGIC.length));
            int format = in.readInt();
            if (format != FORMAT) throw new IOException("format " + format + ", this mmlint reads " + FORMAT);
            if (!base.equals(in.readUTF())) throw new IOException("written for another key");
            if (!tool.equals(in.readUTF())) throw new IOException("written by another mmlint build");
            int n = in.readInt();
            if (n < 0 || n > bodyLength) throw new IOException("bad header count");
            String prev = "";
            byte[] hash = new byte[32];
            for (int i = 0; i < n; i++) {
                int shared = in.readUnsignedShort();
                if (shared > prev.length()) throw new IOException("bad path prefix");
                String path = prev.substring(0, shared) + in.readUTF();
                int len = in.readUnsignedByte();
                if (len != 0 && len != 32) throw new IOException("bad hash length");
                in.readFully(hash, 0, len);
                byte[] now = current.of(path);
                if (now.length != len || !java.util.Arrays.equals(now, 0, len, hash, 0, len)) throw new Stale(path + " changed");
                prev = path;
            }
            int len = in.readInt();
            if (len < 0 || len != in.available()) throw new IOException("bad value length");
            return RecordCodec.decode(in.readNBytes(len));
        }

        private static byte[] sha256(byte[] b, int len) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                md.update(b, 0, len);
                return md.digest();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
