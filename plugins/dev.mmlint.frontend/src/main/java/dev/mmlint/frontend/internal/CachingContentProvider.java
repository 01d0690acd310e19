package dev.mmlint.frontend.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.AbstractCharArray;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.CharArray;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;
import org.eclipse.cdt.internal.core.parser.scanner.LocationMap;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.core.parser.util.CharArrayMap;
import org.eclipse.cdt.internal.core.parser.scanner.CounterMacro;
import org.eclipse.cdt.internal.core.parser.scanner.DynamicMacro;
import org.eclipse.cdt.internal.core.parser.scanner.PreprocessorMacro;

/**
 * One per translation unit (CDT keeps per-TU pragma-once state in the provider); texts and existence
 * answers come from the shared {@link HeaderCache}. Headers are always handed to the preprocessor
 * as source ({@code USE_SOURCE}): their declarations must be in this translation unit's AST, since
 * without an index a skipped header's declarations would be lost (see {@code docs} in the report).
 *
 * <p>For {@link Preambles}: it can record the files included before the main file's first token, or
 * replay a recorded preamble (its first inclusion becomes the padding that carries the recorded header
 * tokens and puts the recorded macros in effect, the others are served empty and must come in the
 * recorded order).
 */
public final class CachingContentProvider extends InternalFileContentProvider {
    private final HeaderCache cache;
    private int included;
    private List<String> recording;
    private Set<String> recordingAll;
    private CPreprocessor recordFrom;
    private String recordPath;
    private Preambles.Preamble replay;
    private CPreprocessor replayInto;
    private int replayed;
    // SharedPrefixes: recording snapshots at cuts, or replaying one up to its cut
    private SharedPrefixes shared;
    private SharedPrefixes.Prefix sharedPrefix;
    private String sharedPath;
    private char[] sharedText;
    private CPreprocessor sharedFrom;
    private java.util.Map<String, String> flagDefines;
    private java.util.IdentityHashMap<Object, Boolean> initialMacros;
    private List<String> sharedTop;
    private Set<String> sharedAll;
    private List<IToken> delivered;
    private final List<Pending> pendingSnapshots = new ArrayList<>();
    private int sharedCut = -1;

    public CachingContentProvider(HeaderCache cache) { this.cache = cache; }

    private static final boolean DEBUG = Boolean.getBoolean("mmlint.debugShare");

    /** A snapshot taken at a cut, waiting for the end of the token stream to copy its tokens. */
    private record Pending(String key, int length, int sequenceEnd, char[][] names, PreprocessorMacro[] macros, boolean[] fromFlags,
                           java.util.Map<String, Long> counters, List<String> includes, Set<String> included) {}

    /** Records snapshots at the cuts of {@code prefix} that {@code shared} wants (see {@link SharedPrefixes}). */
    void recordShared(CPreprocessor pp, String tuPath, char[] text, SharedPrefixes.Prefix prefix, SharedPrefixes shared,
                      java.util.Map<String, String> defines) {
        recordShared(pp, tuPath, text, prefix, shared, defines, List.of(), Set.of());
    }

    private void recordShared(CPreprocessor pp, String tuPath, char[] text, SharedPrefixes.Prefix prefix, SharedPrefixes shared,
                              java.util.Map<String, String> defines, List<String> top, Set<String> all) {
        this.sharedText = text;
        this.shared = shared;
        this.sharedPrefix = prefix;
        this.sharedPath = tuPath;
        this.sharedFrom = pp;
        this.flagDefines = defines;
        this.sharedTop = new ArrayList<>(top);
        this.sharedAll = new HashSet<>(all);
        // the command line's macros: the preprocessor defined them when it was made
        initialMacros = new java.util.IdentityHashMap<>();
        CharArrayMap<PreprocessorMacro> dict = Preambles.dictionary(pp);
        for (char[] k : dict.keys()) initialMacros.put(dict.get(k), Boolean.TRUE);
    }

    /** The token list the preprocessor's tokens are delivered into (its size is what a snapshot holds). */
    void delivering(List<IToken> toks) { delivered = toks; }

    /** Replays the snapshot {@code p} up to cut {@code cut} of {@code prefix}, from where the file is preprocessed as usual. */
    void replayShared(Preambles.Preamble p, SharedPrefixes.Prefix prefix, int cut, CPreprocessor pp, String tuPath, char[] text,
                      SharedPrefixes shared, java.util.Map<String, String> defines) {
        // the later cuts other files need are recorded on from the replayed state
        if (shared.wantsAny(prefix)) recordShared(pp, tuPath, text, prefix, shared, defines, p.includes(), p.included());
        sharedText = text;
        replay(p, pp);
        sharedPrefix = prefix;
        sharedCut = cut;
        sharedPath = tuPath;
    }

    /**
     * Records the files served until {@link #endOfPreamble()}: those the main file (or its forced
     * includes) included, in order, and every file included at all.
     */
    void recordPreamble(CPreprocessor pp, String tuPath) {
        recording = new ArrayList<>();
        recordingAll = new HashSet<>();
        recordFrom = pp;
        recordPath = tuPath;
    }

    /** The files recorded: the main file's inclusions in order, and every file included. */
    record Recorded(List<String> top, Set<String> all) {}

    /** Replays {@code p}'s inclusions into {@code pp} until {@link #endOfPreamble()}. */
    void replay(Preambles.Preamble p, CPreprocessor pp) {
        replay = p;
        replayInto = pp;
    }

    /**
     * The main file's first token was delivered: returns the files recorded up to now (or null when
     * not recording) and serves every later inclusion as source. A replay that has not consumed all
     * the recorded inclusions by then was not the same preamble.
     */
    Recorded endOfPreamble() {
        if (replay != null && sharedCut >= 0) throw new ReplayScanner.NotReplayable("the cut's inclusion was not opened");
        if (replay != null && replayed < replay.includes().size())
            throw new ReplayScanner.NotReplayable("preamble included " + replayed + " of " + replay.includes().size() + " files");
        replay = null;
        replayInto = null;
        Recorded r = recording == null ? null : new Recorded(List.copyOf(recording), Set.copyOf(recordingAll));
        recording = null;
        recordingAll = null;
        recordFrom = null;
        return r;
    }

    @Override public boolean getInclusionExists(String path) { return cache.exists(path); }

    @Override public InternalFileContent getContentForInclusion(String filePath, IMacroDictionary macroDictionary) {
        CharArray text = cache.content(filePath);
        if (text == null) return null;
        if (replay != null) {
            if (sharedCut < 0 || replayed < replay.includes().size()) return replayed(filePath);
            endSharedReplay();
        }
        if (shared != null) sharedInclusion(filePath);
        included++;
        if (recording != null) {
            recordingAll.add(filePath);
            // the includer is the context the preprocessor is in (the forced includes' context counts as the main file)
            if (recordPath.equals(((LocationMap) recordFrom.getLocationResolver()).getCurrentFilePath())) recording.add(filePath);
        }
        return new InternalFileContent(filePath, text);
    }

    private InternalFileContent replayed(String filePath) {
        List<String> expected = replay.includes();
        if (replayed < expected.size() && filePath.equals(expected.get(replayed))) {
            AbstractCharArray content;
            if (replayed++ == 0) {
                Preambles.installMacros(replayInto, replay);
                content = Preambles.padding(replay.sequenceEnd());
            } else content = Preambles.padding(0);
            return new InternalFileContent(filePath, content, 0, 0, 0);
        }
        // included again where the recorded parse skipped it for its include guard (every file the
        // recorded preamble included is in included(), the ones replayed so far too)
        if (replay.included().contains(filePath)) return new InternalFileContent(filePath, InternalFileContent.InclusionKind.SKIP_FILE);
        throw new ReplayScanner.NotReplayable("preamble includes " + filePath + " where "
                + (replayed < expected.size() ? expected.get(replayed) : "the main file") + " was recorded");
    }

    /** A top-level inclusion while recording snapshots: at a wanted cut, the state is kept. */
    private void sharedInclusion(String filePath) {
        CPreprocessor pp = sharedFrom;
        LocationMap map = (LocationMap) pp.getLocationResolver();
        boolean top = sharedPath.equals(map.getCurrentFilePath());
        if (top) {
            int j = sharedPrefix.cutAt(SharedPrefixes.mainOffset(pp, sharedText));
            if (DEBUG) System.err.println("mmlint: " + sharedPath + " top inclusion " + filePath + " at " + SharedPrefixes.mainOffset(pp, sharedText) + " cut " + j
                    + (j >= 0 ? " wanted " + shared.wanted(sharedPrefix.keys()[j]) + " quiescent " + SharedPrefixes.quiescent(pp, this) : ""));
            if (j >= 0 && shared.wanted(sharedPrefix.keys()[j]) && delivered != null && SharedPrefixes.quiescent(pp, this)) {
                int seq = SharedPrefixes.sequenceNumber(map, sharedPrefix.directives().get(j).start());
                if (seq >= 0) snapshot(sharedPrefix.keys()[j], seq);
            }
            sharedTop.add(filePath);
        }
        sharedAll.add(filePath);
    }

    private void snapshot(String key, int sequenceEnd) {
        CharArrayMap<PreprocessorMacro> dict = Preambles.dictionary(sharedFrom);
        List<char[]> names = new ArrayList<>(dict.size());
        List<PreprocessorMacro> macros = new ArrayList<>(dict.size());
        java.util.Map<String, Long> counters = new java.util.HashMap<>();
        for (char[] k : dict.keys()) {
            PreprocessorMacro m = dict.get(k);
            if (m instanceof CounterMacro c) counters.put(new String(k), Preambles.counter(c, null));
            if (m instanceof DynamicMacro) continue;
            names.add(k);
            macros.add(m);
        }
        boolean[] fromFlags = new boolean[macros.size()];
        for (int i = 0; i < fromFlags.length; i++) fromFlags[i] = initialMacros.containsKey(macros.get(i));
        pendingSnapshots.add(new Pending(key, delivered.size(), sequenceEnd, names.toArray(new char[0][]),
                macros.toArray(new PreprocessorMacro[0]), fromFlags, java.util.Map.copyOf(counters), List.copyOf(sharedTop),
                Set.copyOf(sharedAll)));
    }

    /**
     * The token stream is complete: the snapshots whose tokens all lie before their cut (and no token
     * before it was still held back by the preprocessor) are handed to the run's store.
     */
    void publishShared(List<IToken> toks) {
        if (shared == null || pendingSnapshots.isEmpty()) return;
        int max = 0;
        List<Pending> ok = new ArrayList<>();
        for (Pending p : pendingSnapshots) {
            boolean valid = p.length() > 0;
            for (int i = 0; valid && i < p.length(); i++) if (toks.get(i).getEndOffset() > p.sequenceEnd()) valid = false;
            if (valid && p.length() < toks.size() && toks.get(p.length()).getOffset() < p.sequenceEnd()) valid = false;
            if (valid) {
                ok.add(p);
                max = Math.max(max, p.length());
            }
        }
        if (DEBUG) System.err.println("mmlint: " + sharedPath + " snapshots " + pendingSnapshots.size() + " valid " + ok.size());
        pendingSnapshots.clear();
        if (ok.isEmpty()) return;
        IToken[] base = SharedPrefixes.detached(toks, max);
        java.util.Map<String, String> strings = new java.util.HashMap<>();
        flagDefines.forEach((k, v) -> { if (SharedPrefixes.stringLiteral(v)) strings.put(k, v); });
        for (Pending p : ok)
            shared.put(p.key(), new SharedPrefixes.Snapshot(base, p.length(), p.names(), p.macros(), p.fromFlags(), p.counters(),
                    p.includes(), p.included(), p.sequenceEnd(), java.util.Map.copyOf(strings),
                    new java.util.concurrent.atomic.AtomicReference<>()));
    }

    /**
     * The replayed snapshot's inclusions are all served and the cut's own inclusion opens: it must come
     * from the cut's directive, and the {@code #define}s before the cut, executed again by this parse,
     * must have left the definitions the snapshot holds.
     */
    private void endSharedReplay() {
        CPreprocessor pp = replayInto;
        if (!sharedPath.equals(((LocationMap) pp.getLocationResolver()).getCurrentFilePath())
                || sharedPrefix.cutAt(SharedPrefixes.mainOffset(pp, sharedText)) != sharedCut)
            throw new ReplayScanner.NotReplayable(sharedPath + ": the cut's inclusion does not come from the cut's directive (" + SharedPrefixes.mainOffset(pp, sharedText) + ", cut " + sharedCut + ")");
        CharArrayMap<PreprocessorMacro> dict = Preambles.dictionary(pp);
        for (int j = 0; j < sharedCut; j++) {
            String name = sharedPrefix.directives().get(j).defines();
            if (name == null) continue;
            char[] n = name.toCharArray();
            PreprocessorMacro mine = dict.get(n), recorded = null;
            for (int i = 0; i < replay.macroNames().length; i++) {
                if (java.util.Arrays.equals(replay.macroNames()[i], n)) { recorded = replay.macros()[i]; break; }
            }
            if (!SharedPrefixes.sameDefinition(mine, recorded))
                throw new ReplayScanner.NotReplayable("#define " + name + " before the cut is not the snapshot's definition");
        }
        replay = null;
        replayInto = null;
        sharedCut = -1;
    }

    @Override public InternalFileContent getContentForInclusion(IIndexFileLocation ifl, String astPath) {
        return getContentForInclusion(astPath, null);
    }

    /** Number of header inclusions served as source to this translation unit. */
    public int included() { return included; }
}
