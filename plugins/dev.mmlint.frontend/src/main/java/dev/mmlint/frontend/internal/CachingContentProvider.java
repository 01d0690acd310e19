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
    /** While recording: an existence probe or an inclusion of a file not among the forced includes. */
    private boolean recordingLookedElsewhere;
    private Set<String> forcedIncludes;

    public CachingContentProvider(HeaderCache cache) { this.cache = cache; }

    /** The preprocessor this provider serves, for {@link IncludeGuards} (null: inclusions are served as plain text). */
    private CPreprocessor answerFor;
    /** The inclusion served last, until the preprocessor has run its include-guard detection on it. */
    private IncludeGuards.Answering armed;
    /** Whether the main file's collection of significant macros has been stopped ({@link IncludeGuards#stopRootTracking}). */
    private boolean rootStopped;

    /** Serves inclusions to {@code pp} with their include guard's stand-in ({@link IncludeGuards}), when the cache does. */
    void answerGuards(CPreprocessor pp) { if (cache.guardAnswers()) answerFor = pp; }

    /** The armed inclusion reads its text again, whatever the preprocessor did since it was served. */
    private void disarm() {
        if (armed != null) {
            if (armed.answering()) IncludeGuards.LATE.increment();
            armed.restore();
            armed = null;
        }
    }

    /** Asked by the preprocessor right before it looks for the include guard of the inclusion just served. */
    @Override public boolean shouldIndexAllHeaderVersions(String path) {
        if (memo != null) memo.pushed(path);
        if (armed != null) {
            if (armed.path.equals(path) && !armed.answering()) armed.answer();
            else disarm();
        }
        return super.shouldIndexAllHeaderVersions(path);
    }

    /** Told by the preprocessor right after the detection found the guard of the inclusion just served. */
    @Override public void reportPragmaOnceSemantics(String path, org.eclipse.cdt.core.dom.ast.IFileNomination nomination) {
        if (armed != null && armed.path.equals(path)) armed.restore(); // the expected call: not late
        disarm();
        super.reportPragmaOnceSemantics(path, nomination);
        if (memo != null) memo.marked(path);
    }

    @Override public org.eclipse.cdt.core.dom.ast.IFileNomination isIncludedWithPragmaOnceSemantics(String path) {
        disarm();
        org.eclipse.cdt.core.dom.ast.IFileNomination n = super.isIncludedWithPragmaOnceSemantics(path);
        if (memo != null) memo.asked(path, n != null);
        return n;
    }

    /** Recording and replay of inclusions ({@link InclusionMemo}) for this unit, or null. */
    private InclusionMemo.Session memo;

    /**
     * Records and replays inclusions ({@link InclusionMemo}) for the unit {@code pp} preprocesses with
     * {@code info}, when the cache keeps them; set before {@code pp} delivers anything.
     */
    InclusionMemo.Session startMemo(CPreprocessor pp, org.eclipse.cdt.core.parser.IScannerInfo info) {
        memo = InclusionMemo.start(pp, this, cache.memoStore(info));
        return memo;
    }

    InclusionMemo.Session memo() { return memo; }

    /** Whether {@code path} is included with pragma-once semantics (its guard detected) in this unit so far. */
    boolean includedBefore(String path) { return super.isIncludedWithPragmaOnceSemantics(path) != null; }

    /** Marks {@code path} as included with its guard, as a replayed inclusion had it. */
    void markIncluded(String path) { super.reportPragmaOnceSemantics(path, REPLAYED); }

    /** The nomination of a header a replayed inclusion included: pragma-once semantics, no significant macros. */
    private static final org.eclipse.cdt.core.dom.ast.IFileNomination REPLAYED = new org.eclipse.cdt.core.dom.ast.IFileNomination() {
        @Override public org.eclipse.cdt.core.parser.ISignificantMacros getSignificantMacros() {
            return org.eclipse.cdt.core.parser.ISignificantMacros.NONE;
        }

        @Override public boolean hasPragmaOnceSemantics() { return true; }
    };

    @Override public java.util.List<org.eclipse.cdt.core.parser.ISignificantMacros> getLoadedVersions(String path) {
        disarm();
        return super.getLoadedVersions(path);
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
        if (replay != null && replayed < replay.includes().size())
            throw new ReplayScanner.NotReplayable("preamble included " + replayed + " of " + replay.includes().size() + " files");
        replay = null;
        replayInto = null;
        Recorded r = recording == null ? null : new Recorded(List.copyOf(recording), Set.copyOf(recordingAll));
        recording = null;
        recordingAll = null;
        recordFrom = null;
        forcedIncludes = null;
        return r;
    }

    /**
     * Records the files the forced includes {@code forced} serve (a {@link Preludes prelude}): as
     * {@link #recordPreamble}, also noting whether anything else was looked up.
     */
    void recordPrelude(CPreprocessor pp, String tuPath, Set<String> forced) {
        recordPreamble(pp, tuPath);
        forcedIncludes = forced;
        recordingLookedElsewhere = false;
    }

    /** Whether the prelude being recorded probed or included a file that is not a forced include (its tokens then depend on the include path). */
    boolean lookedElsewhere() { return recordingLookedElsewhere; }

    @Override public boolean getInclusionExists(String path) {
        disarm();
        if (forcedIncludes != null && !forcedIncludes.contains(path)) recordingLookedElsewhere = true;
        return cache.exists(path);
    }

    @Override public InternalFileContent getContentForInclusion(String filePath, IMacroDictionary macroDictionary) {
        disarm();
        if (answerFor != null && !rootStopped) rootStopped = IncludeGuards.stopRootTracking(answerFor);
        CharArray text = cache.content(filePath);
        if (text == null) return null;
        if (replay != null) return replayed(filePath);
        if (memo != null) {
            InternalFileContent c = memo.include(filePath, text);
            if (c != null) {
                if (recording != null) {
                    // a preamble being recorded: the replayed inclusion and the headers it included
                    recordingAll.add(filePath);
                    recordingAll.addAll(memo.lastReplayedIncluded());
                    if (recordPath.equals(((LocationMap) recordFrom.getLocationResolver()).getCurrentFilePath())) recording.add(filePath);
                }
                return c;
            }
        }
        if (forcedIncludes != null && !forcedIncludes.contains(filePath)) recordingLookedElsewhere = true;
        included++;
        if (recording != null) {
            recordingAll.add(filePath);
            // the includer is the context the preprocessor is in (the forced includes' context counts as the main file)
            if (recordPath.equals(((LocationMap) recordFrom.getLocationResolver()).getCurrentFilePath())) recording.add(filePath);
        }
        if (answerFor != null) {
            char[] standIn = cache.guardStandIn(text, answerFor);
            if (standIn != IncludeGuards.NONE) return new InternalFileContent(filePath, armed = new IncludeGuards.Answering(filePath, text, standIn),
                    org.eclipse.cdt.core.parser.FileContent.NULL_TIMESTAMP, org.eclipse.cdt.core.parser.FileContent.NULL_FILE_SIZE, 0);
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
            if (replay.prelude() && replayed == expected.size()) {
                // a prelude ends with the forced includes: the main file's own inclusions are served as source
                replay = null;
                replayInto = null;
            }
            return new InternalFileContent(filePath, content, 0, 0, 0);
        }
        // included again where the recorded parse skipped it for its include guard (every file the
        // recorded preamble included is in included(), the ones replayed so far too)
        if (replay.included().contains(filePath)) return new InternalFileContent(filePath, InternalFileContent.InclusionKind.SKIP_FILE);
        throw new ReplayScanner.NotReplayable("preamble includes " + filePath + " where "
                + (replayed < expected.size() ? expected.get(replayed) : "the main file") + " was recorded");
    }

    @Override public InternalFileContent getContentForInclusion(IIndexFileLocation ifl, String astPath) {
        return getContentForInclusion(astPath, null);
    }

    /** Number of header inclusions served as source to this translation unit. */
    public int included() { return included; }
}
