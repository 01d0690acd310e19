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
    private IToken[] tokens;
    private boolean[] top;
    private int eofOffset;
    private int next;
    private boolean lastTop = true;
    private HeaderPruner.Stats stats;

    ReplayScanner(CPreprocessor pp) {
        this.pp = pp;
    }

    /** What pruning kept (null before the first token was asked for). */
    HeaderPruner.Stats stats() { return stats; }

    private void record() {
        java.util.List<IToken> toks = new java.util.ArrayList<>(1 << 16);
        boolean[] t = new boolean[1 << 16];
        try {
            while (true) {
                IToken tok = pp.nextToken();
                int ty = tok.getType();
                if (ty == IToken.tINACTIVE_CODE_START || ty == IToken.tINACTIVE_CODE_SEPARATOR
                        || ty == IToken.tINACTIVE_CODE_END || ty == IToken.tCOMPLETION || ty == IToken.tEOC)
                    throw new NotReplayable("token type " + ty);
                if (toks.size() == t.length) t = java.util.Arrays.copyOf(t, t.length * 2);
                t[toks.size()] = pp.isOnTopContext();
                toks.add(tok);
            }
        } catch (EndOfFileException e) {
            eofOffset = e.getEndOffset();
        }
        // the preprocessor linked each token to the next one it delivered; the parser links them itself
        for (IToken tok : toks) tok.setNext(null);
        HeaderPruner.Result r = HeaderPruner.prune(toks, t);
        tokens = r.kept();
        top = r.keptTop();
        stats = r.stats();
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
