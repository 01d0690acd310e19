package dev.mmlint.cfg;

import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * A directed edge of a {@link Cfg}.
 *
 * <p>The kind says what a dataflow engine may assume when the edge is taken:
 * <ul>
 * <li>{@link EdgeKind#TRUE} / {@link EdgeKind#FALSE}: out of a {@link CfgNode.Kind#CONDITION} node; the node's
 *     {@code ast()} evaluated to non-zero / zero. These kinds are never replaced, even when the edge also
 *     closes a loop or implements a {@code goto}, {@code break} or {@code continue}
 *     ({@code if (!page) continue;} is a FALSE edge from the condition {@code page} to the loop head).</li>
 * <li>{@link EdgeKind#CASE} (label = the case expression, a GNU range {@code lo ... hi} being an
 *     {@code IASTBinaryExpression} with operator {@code op_ellipses}) / {@link EdgeKind#DEFAULT} (label null;
 *     present even when the switch has no {@code default:}, then leading past the switch): out of a
 *     {@link CfgNode.Kind#SWITCH} node.</li>
 * <li>{@link EdgeKind#BACK}: a loop back edge (end of loop body, {@code continue}, for-increment to head)
 *     whose source is an unconditional node. {@link EdgeKind#GOTO}: a {@code goto} edge whose source is an
 *     unconditional node. Both replace only NORMAL: for widening use {@link #isRetreating()} /
 *     {@link CfgNode#isLoopHead()}, which also covers backward gotos and conditional back edges.</li>
 * <li>{@link EdgeKind#EXCEPTIONAL_NONE}: to EXIT from a call that never returns (or from an abandoned path:
 *     a PROBLEM node standing for a jump whose target is unknown); no state flows out normally.</li>
 * </ul>
 */
public record CfgEdge(CfgNode from, CfgNode to, EdgeKind kind, IASTNode label) {

    public enum EdgeKind { NORMAL, TRUE, FALSE, CASE, DEFAULT, BACK /* loop back edge */, GOTO, EXCEPTIONAL_NONE }

    /**
     * True when this edge goes backwards in {@link Cfg#reversePostOrder()} (target not after source): the
     * retreating edges of the depth-first search from ENTRY. Every cycle among reachable nodes contains one,
     * so widening at their targets ({@link CfgNode#isLoopHead()}) makes a fixpoint iteration terminate.
     * Edges out of unreachable nodes into reachable ones are never retreating.
     */
    public boolean isRetreating() {
        if (!from.isReachable() && to.isReachable()) {
            return false;
        }
        return to.rpoIndex() <= from.rpoIndex();
    }

    /** True for TRUE and FALSE edges, the ones that carry a branch refinement. */
    public boolean isBranch() {
        return kind == EdgeKind.TRUE || kind == EdgeKind.FALSE;
    }

    // identity semantics: two edges with equal components are still two edges (records would merge them in sets)
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return from.id() + " -" + kind + (label != null ? "(" + CfgNode.text(label) + ")" : "") + "-> " + to.id();
    }
}
