package dev.mmlint.frontend.internal;

import java.util.Map;
import org.eclipse.cdt.core.dom.ast.IMacroBinding;
import org.eclipse.cdt.core.parser.EndOfFileException;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.internal.core.parser.scanner.CPreprocessor;
import org.eclipse.cdt.internal.core.parser.scanner.ILocationResolver;

/**
 * Stands between CDT's preprocessor and the parser: on the parser's first request it runs the
 * preprocessor to the end of the translation unit, records every token (with whether it came
 * from the main file), lets {@link HeaderPruner} choose the ones the parser needs, and hands out
 * those. The parser has created the translation-unit node by then, so the preprocessor attaches
 * its macro expansions, definitions, includes and problems to it and sets its extent at the end
 * of input, as in a direct parse. The tokens keep their sequence numbers, so every AST node is
 * located by the complete location map exactly as in a direct parse. {@link #isOnTopContext()}
 * answers for the token handed out last, which is what the parser asks about (is the function
 * body it is looking at in the main file?).
 */
final class ReplayScanner implements IScanner {
    /** The preprocessor delivered something a replay cannot reproduce (inactive-code markers). */
    static final class NotReplayable extends RuntimeException {
        NotReplayable(String why) { super(why, null, false, false); }
    }

    private final CPreprocessor pp;
    private final String path;
    private final char[] text;
    private final CachingContentProvider provider;
    private final boolean recordPreamble;
    private final Preambles.Preamble reuse;
    /** Hand out every token (a full parse re-using a preamble), not what {@link HeaderPruner} keeps. */
    private final boolean keepAll;
    private Preambles.Preamble recorded;
    private IToken[] tokens;
    private boolean[] top;
    private int eofOffset;
    private int next;
    private boolean lastTop = true;
    private HeaderPruner.Stats stats;
    private HeaderPruner.Dropped dropped = HeaderPruner.Dropped.NONE;

    ReplayScanner(CPreprocessor pp) {
        this(pp, null, null, null, false, null);
    }

    /**
     * @param recordPreamble record the preamble at the first main-file token ({@link #recorded()})
     * @param reuse          a preamble whose header tokens come first; {@code provider} replays its inclusions
     */
    ReplayScanner(CPreprocessor pp, String path, char[] text, CachingContentProvider provider, boolean recordPreamble,
                  Preambles.Preamble reuse) {
        this(pp, path, text, provider, recordPreamble, reuse, false);
    }

    /** @param keepAll hand the parser every token: a full parse whose preamble's headers are not preprocessed again */
    ReplayScanner(CPreprocessor pp, String path, char[] text, CachingContentProvider provider, boolean recordPreamble,
                  Preambles.Preamble reuse, boolean keepAll) {
        this.keepAll = keepAll;
        this.pp = pp;
        this.path = path;
        this.text = text;
        this.provider = provider;
        this.recordPreamble = recordPreamble;
        this.reuse = reuse;
    }

    private InclusionMemo.Session memo;
    private java.util.function.Supplier<CPreprocessor> fresh;

    /**
     * Takes the tokens of the inclusions {@code memo} replays where their paddings lie; with {@code fresh}
     * (a preprocessor of the same unit from scratch), compares the stream with its ({@link InclusionMemo#CHECK}).
     */
    ReplayScanner memo(InclusionMemo.Session memo, java.util.function.Supplier<CPreprocessor> fresh) {
        this.memo = memo;
        this.fresh = fresh;
        return this;
    }

    /**
     * Adds to {@code toks} the tokens of the replayed inclusions that come before a token at {@code [offset, end)};
     * returns {@code top}, grown to hold them (their entries false: header tokens).
     */
    private boolean[] splice(java.util.List<IToken> toks, boolean[] top, int offset, int end) {
        IToken[] sp;
        while ((sp = memo.before(offset, end)) != null) {
            if (toks.size() + sp.length >= top.length) top = java.util.Arrays.copyOf(top, Math.max(top.length * 2, toks.size() + sp.length + 1));
            toks.addAll(java.util.Arrays.asList(sp));
        }
        return top;
    }

    /** What pruning kept (null before the first token was asked for). */
    HeaderPruner.Stats stats() { return stats; }

    /** What pruning left out (nothing when every token was handed out). */
    HeaderPruner.Dropped dropped() { return dropped; }

    /** The preamble recorded by this parse, or null (not asked for, or nothing to re-use). */
    Preambles.Preamble recorded() { return recorded; }

    private void record() {
        java.util.List<IToken> toks = new java.util.ArrayList<>(reuse != null ? reuse.tokens().length + (1 << 14) : 1 << 16);
        boolean[] t = new boolean[Math.max(1 << 16, reuse != null ? reuse.tokens().length + (1 << 14) : 0)];
        if (reuse != null) toks.addAll(java.util.Arrays.asList(reuse.tokens())); // t[i] = false: header tokens
        boolean seenMain = false;
        try {
            while (true) {
                IToken tok = pp.nextToken();
                int ty = tok.getType();
                if (ty == IToken.tINACTIVE_CODE_START || ty == IToken.tINACTIVE_CODE_SEPARATOR
                        || ty == IToken.tINACTIVE_CODE_END || ty == IToken.tCOMPLETION || ty == IToken.tEOC)
                    throw new NotReplayable("token type " + ty);
                boolean top = pp.isOnTopContext();
                if (memo != null) {
                    memo.delivered(tok);
                    if (memo.pending()) t = splice(toks, t, tok.getOffset(), tok.getEndOffset());
                }
                if (top && !seenMain) {
                    seenMain = true;
                    firstMainToken(toks, tok);
                }
                if (toks.size() == t.length) t = java.util.Arrays.copyOf(t, t.length * 2);
                t[toks.size()] = top;
                toks.add(tok);
            }
        } catch (EndOfFileException e) {
            eofOffset = e.getEndOffset();
        }
        if (memo != null) t = splice(toks, t, Integer.MAX_VALUE, Integer.MAX_VALUE);
        if (!seenMain && reuse != null) provider.endOfPreamble();
        // the preprocessor linked each token to the next one it delivered; the parser links them itself
        for (IToken tok : toks) tok.setNext(null);
        if (memo != null) {
            if (InclusionMemo.CHECK && fresh != null && memo.replayed())
                InclusionMemo.check(pp.getLocationResolver().getTranslationUnitPath(), toks, t, memo.dictionary(), fresh.get());
            memo.finish(toks, pp);
        }
        if (keepAll) {
            tokens = toks.toArray(new IToken[0]);
            top = java.util.Arrays.copyOf(t, tokens.length);
            return;
        }
        HeaderPruner.Prefix prefix = reuse != null ? reuse.pruning() : null;
        if (prefix != null) Preambles.PRUNING_RESUMED.increment();
        HeaderPruner.Result r = HeaderPruner.prune(toks, t, prefix);
        tokens = r.kept();
        top = r.keptTop();
        stats = r.stats();
        dropped = r.dropped();
    }

    /** At the first main-file token: the preamble ends (everything before came from headers). */
    private void firstMainToken(java.util.List<IToken> toks, IToken tok) {
        if (reuse != null) provider.endOfPreamble();
        if (!recordPreamble) return;
        CachingContentProvider.Recorded includes = provider.endOfPreamble();
        org.eclipse.cdt.core.dom.ast.IASTFileLocation loc =
                pp.getLocationResolver().getMappedFileLocation(tok.getOffset(), Math.max(1, tok.getLength()));
        int offset = loc != null && path.equals(loc.getFileName()) ? loc.getNodeOffset() : -1;
        recorded = Preambles.record(pp, text, toks, includes, tok, offset);
    }

    @Override public IToken nextToken() throws EndOfFileException {
        if (tokens == null) record();
        if (next >= tokens.length) {
            lastTop = true;
            throw new EndOfFileException(eofOffset);
        }
        lastTop = top[next];
        return tokens[next++];
    }

    @Override public boolean isOnTopContext() { return lastTop; }

    @Override public Map<String, IMacroBinding> getMacroDefinitions() { return pp.getMacroDefinitions(); }

    @Override public void cancel() { pp.cancel(); }

    @Override public ILocationResolver getLocationResolver() { return pp.getLocationResolver(); }

    @Override public void setContentAssistMode(int offset) { }

    @Override public void setSplitShiftROperator(boolean val) { }

    @Override public void setComputeImageLocations(boolean val) { }

    @Override public void setTrackIncludeExport(org.eclipse.cdt.core.parser.IncludeExportPatterns patterns) { }

    @Override public void setProcessInactiveCode(boolean val) { }

    @Override public void skipInactiveCode() { }

    @Override public int getCodeBranchNesting() { return 0; }

    @Override public char[] getAdditionalNumericLiteralSuffixes() { return pp.getAdditionalNumericLiteralSuffixes(); }
}
