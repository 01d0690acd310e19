package dev.mmlint.cfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTStatement;

/**
 * A node of a {@link Cfg}. What {@link #ast()} is, by kind:
 * <ul>
 * <li>ENTRY, EXIT, JOIN: {@code null} (a JOIN made for a label or a loop head has the label / loop statement as
 *     {@link #origin()}).</li>
 * <li>STATEMENT: an {@code IASTExpressionStatement}, an {@code IASTDeclarationStatement} (one node per
 *     declaration statement; walk its declarators), or a bare {@code IASTExpression} for a for-loop increment
 *     and for the left operands of a comma operator at the top of a condition ({@code if (x = f(), x)}).</li>
 * <li>CONDITION: the sub-expression whose truth the TRUE / FALSE out-edges decide. Conditions are split at
 *     {@code &&}, {@code ||}, {@code !}, {@code ?:}, the comma operator, parentheses, the transparent wrappers of
 *     {@link CfgOptions#expectWrappers()} ({@code __builtin_expect(e, 0)} tests {@code e}) and statement
 *     expressions (whose value expression is tested); a {@code !} is never the top of a condition node: for
 *     {@code if (!PageTail(p))} the node's ast is {@code PageTail(p)}, its FALSE edge leads to the then-branch.
 *     Integer-constant (sub)conditions get no node ({@code do { } while (0)} is not a loop).</li>
 * <li>SWITCH: the controlling expression. RETURN: the {@code IASTReturnStatement}.</li>
 * <li>PROBLEM: the {@code IASTProblemStatement}, the declaration statement holding an
 *     {@code IASTProblemDeclaration}, the jump whose target is unknown (then its only out-edge is EXCEPTIONAL_NONE),
 *     or, as the head of an unexpanded iterator macro's loop, the macro call statement
 *     ({@code list_for_each_entry(p, h, lru)}, two NORMAL out-edges: body and exit). All recorded in
 *     {@link Cfg#unsupported()}.</li>
 * </ul>
 * {@link #preEvaluated()} lists sub-expressions of {@code ast()} evaluated at earlier nodes (lowered statement
 * expressions, and the guards of lowered {@code ?:}, {@code &&}, {@code ||} around them): a transfer
 * function must not evaluate them again.
 */
public final class CfgNode {

    public enum Kind {
        ENTRY, EXIT,
        /** expression statement, declaration statement, for-increment or comma operand */
        STATEMENT,
        /** ast = the condition expression; out-edges TRUE/FALSE */
        CONDITION,
        /** ast = controller expression; out-edges CASE/DEFAULT */
        SWITCH,
        /** ast = IASTReturnStatement, edge to EXIT */
        RETURN,
        /** empty node at merges/labels/loop heads */
        JOIN,
        /** opaque */
        PROBLEM
    }

    private final int id;
    private final Kind kind;
    private final IASTNode ast;
    private final IASTStatement origin;
    final List<CfgEdge> succ = new ArrayList<>(2);
    final List<CfgEdge> pred = new ArrayList<>(2);
    private List<CfgEdge> succView = Collections.unmodifiableList(succ);
    private List<CfgEdge> predView = Collections.unmodifiableList(pred);
    List<IASTExpression> preEvaluated = List.of();
    private int rpoIndex = -1;
    private boolean reachable;
    private boolean loopHead;
    private Cfg cfg;

    CfgNode(int id, Kind kind, IASTNode ast, IASTStatement origin) {
        this.id = id;
        this.kind = kind;
        this.ast = ast;
        this.origin = origin;
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The statement / declaration / expression evaluated at this node (null for ENTRY, EXIT and JOIN). */
    public IASTNode ast() {
        return ast;
    }

    /**
     * The source statement this node was made for: the if / while / for / do / switch statement for its
     * CONDITION and SWITCH nodes and loop-head JOINs, the label statement for a label's JOIN, the for statement
     * for an increment, the statement itself otherwise; null for ENTRY and EXIT.
     */
    public IASTStatement origin() {
        return origin;
    }

    public List<CfgEdge> successors() {
        return succView;
    }

    public List<CfgEdge> predecessors() {
        return predView;
    }

    /** Sub-expressions of {@link #ast()} whose evaluation (and side effects) happened at earlier nodes. */
    public List<IASTExpression> preEvaluated() {
        return preEvaluated;
    }

    /** Position in {@link Cfg#reversePostOrder()}. */
    public int rpoIndex() {
        return rpoIndex;
    }

    /** Reachable from ENTRY (over all edge kinds). */
    public boolean isReachable() {
        return reachable;
    }

    /** Reachable and the target of a {@linkplain CfgEdge#isRetreating() retreating} edge: a widening point. */
    public boolean isLoopHead() {
        return loopHead;
    }

    public Cfg cfg() {
        return cfg;
    }

    /** First source line of {@link #ast()} (or of {@link #origin()}), 0 when unknown. */
    public int line() {
        IASTNode n = ast != null ? ast : origin;
        return n == null ? 0 : lineOf(n);
    }

    /** The normalized source text of {@link #ast()} ("" when none). */
    public String text() {
        return ast == null ? "" : text(ast);
    }

    void freeze(Cfg owner, int rpo, boolean isReachable) {
        this.cfg = owner;
        this.rpoIndex = rpo;
        this.reachable = isReachable;
    }

    void markLoopHead() {
        loopHead = true;
    }

    void compact() {
        if (succ.isEmpty()) {
            succView = List.of();
        }
        if (pred.isEmpty()) {
            predView = List.of();
        }
    }

    @Override
    public String toString() {
        return id + " " + kind + (ast != null ? " [" + text() + "]" : "");
    }

    static int lineOf(IASTNode n) {
        try {
            IASTFileLocation fl = n.getFileLocation();
            return fl == null ? 0 : fl.getStartingLineNumber();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Source text with runs of white space collapsed to one blank; for code produced by a macro expansion, the
     * expanded code (not the macro invocation).
     */
    static String text(IASTNode n) {
        return AstText.of(n);
    }
}
