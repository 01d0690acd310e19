package dev.mmlint.frontend.internal;

import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.parser.c.GCCParserExtensionConfiguration;
import org.eclipse.cdt.core.index.IIndex;
import org.eclipse.cdt.core.parser.EndOfFileException;
import org.eclipse.cdt.core.parser.IParserLogService;
import org.eclipse.cdt.core.parser.IScanner;
import org.eclipse.cdt.core.parser.IToken;
import org.eclipse.cdt.core.parser.ParserMode;
import org.eclipse.cdt.internal.core.dom.parser.BacktrackException;
import org.eclipse.cdt.internal.core.dom.parser.c.GNUCSourceParser;

/**
 * CDT's GNU C parser plus C11 {@code _Generic}, which CDT does not know. A generic selection is
 * parsed (controlling expression and every association; type names are skipped) and represented by
 * one association, in parentheses spanning the whole selection: the {@code default} association
 * when there is one, else the last. That is what the kernel's uses mean in practice:
 * {@code __unqual_scalar_typeof(x)} falls to {@code default: (x)}, and {@code page_folio(p)} lists
 * the {@code const} case first and the plain {@code struct folio *} case last. A selection on a
 * const-qualified operand therefore gets the non-const association's type: a qualifier is lost,
 * never a struct type.
 */
public final class KernelCParser extends GNUCSourceParser {
    private static final char[] GENERIC = "_Generic".toCharArray();

    public KernelCParser(IScanner scanner, ParserMode mode, IParserLogService log, IIndex index) {
        super(scanner, mode, log, GCCParserExtensionConfiguration.getInstance(), index);
    }

    private boolean autoTypeMainFileOnly;

    /** Rewrite {@code __auto_type} declarations only in the main file (header bodies are skipped anyway). */
    public void setAutoTypeMainFileOnly(boolean b) { autoTypeMainFileOnly = b; }

    /** After ambiguity resolution, before the AST is frozen: the {@link AutoTypeFixer} pass. */
    @Override
    protected void resolveAmbiguities() {
        super.resolveAmbiguities();
        AutoTypeFixer.fix(getTranslationUnit(), autoTypeMainFileOnly);
    }

    @Override
    protected IASTExpression primaryExpression(CastExprCtx ctx, ITemplateIdStrategy strat)
            throws EndOfFileException, BacktrackException {
        if (LT(1) == IToken.tIDENTIFIER && LT(2) == IToken.tLPAREN
                && java.util.Arrays.equals(LA(1).getCharImage(), GENERIC)) {
            return genericSelection();
        }
        return super.primaryExpression(ctx, strat);
    }

    /**
     * GNU statement expressions, always parsed in full when active. CDT's SELECTION_PARSE branch
     * parses the compound statement but drops it (the node then has a null body and
     * getExpressionType() throws); statement expressions inside skipped header function bodies
     * never reach here, so parsing the rest in full costs little.
     */
    @Override
    protected IASTExpression compoundStatementExpression() throws EndOfFileException, BacktrackException {
        if (!isActiveCode()) return super.compoundStatementExpression();
        int start = consume().getOffset(); // (
        org.eclipse.cdt.core.dom.ast.IASTCompoundStatement body = compoundStatement();
        int end = consume(IToken.tRPAREN).getEndOffset();
        IASTExpression e = getNodeFactory().newGNUCompoundStatementExpression(body);
        return setRange(e, start, end);
    }

    /**
     * Skips an association's type name up to its ':' (CDT's typeId() rejects the ':' as a bit-field).
     * The type is not needed: the association is chosen by position, not by type.
     */
    private void skipTypeName() throws EndOfFileException, BacktrackException {
        int depth = 0;
        int start = LA(1).getOffset();
        while (depth > 0 || LT(1) != IToken.tCOLON) {
            switch (LT(1)) {
                case IToken.tLPAREN, IToken.tLBRACKET, IToken.tLBRACE -> depth++;
                case IToken.tRPAREN, IToken.tRBRACKET, IToken.tRBRACE -> {
                    if (--depth < 0) throwBacktrack(start, LA(1).getEndOffset() - start);
                }
                case IToken.tEOC, IToken.tSEMI -> throwBacktrack(start, LA(1).getEndOffset() - start);
                default -> { }
            }
            consume();
        }
    }

    private IASTExpression genericSelection() throws EndOfFileException, BacktrackException {
        int start = consume().getOffset(); // _Generic
        consume(IToken.tLPAREN);
        constantExpression(); // controlling expression: not evaluated
        IASTExpression chosenDefault = null, last = null;
        while (LT(1) == IToken.tCOMMA) {
            consume();
            boolean isDefault = LT(1) == IToken.t_default;
            if (isDefault) consume(); else skipTypeName();
            consume(IToken.tCOLON);
            IASTExpression e = constantExpression();
            if (isDefault) chosenDefault = e; else last = e;
        }
        int end = consume(IToken.tRPAREN).getEndOffset();
        IASTExpression chosen = chosenDefault != null ? chosenDefault : last;
        if (chosen == null) throwBacktrack(start, end - start);
        IASTUnaryExpression paren = getNodeFactory().newUnaryExpression(IASTUnaryExpression.op_bracketedPrimary, chosen);
        return setRange(paren, start, end);
    }
}
