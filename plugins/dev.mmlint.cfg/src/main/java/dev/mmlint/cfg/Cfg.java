package dev.mmlint.cfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

/**
 * The control-flow graph of one function definition, built by {@link CfgBuilder}. Immutable once built.
 * ENTRY is node 0, EXIT node 1; the other ids follow creation order, which follows source order.
 */
public final class Cfg {

    private final IASTFunctionDefinition function;
    private final List<CfgNode> nodes;
    private final List<CfgNode> rpo;
    private final List<String> unsupported;
    private final Map<IGNUASTCompoundStatementExpression, LoweredStatementExpression> lowered;
    private final Map<IASTNode, CfgNode> byAst;
    private final Map<IASTNode, Boolean> preEvaluated;

    Cfg(IASTFunctionDefinition function, List<CfgNode> nodes, List<String> unsupported,
            Map<IGNUASTCompoundStatementExpression, LoweredStatementExpression> lowered) {
        this.function = function;
        this.nodes = Collections.unmodifiableList(new ArrayList<>(nodes));
        this.unsupported = List.copyOf(unsupported);
        this.lowered = Collections.unmodifiableMap(new LinkedHashMap<>(lowered));
        for (CfgNode n : nodes) {
            if (n.kind() == CfgNode.Kind.CONDITION && n.succ.size() > 1) {
                // TRUE edges first (a stable sort keeps the creation order otherwise)
                n.succ.sort((a, b) -> Boolean.compare(a.kind() != CfgEdge.EdgeKind.TRUE, b.kind() != CfgEdge.EdgeKind.TRUE));
            }
        }
        this.rpo = Collections.unmodifiableList(computeRpo());
        Map<IASTNode, CfgNode> m = new IdentityHashMap<>();
        Map<IASTNode, Boolean> pre = new IdentityHashMap<>();
        for (CfgNode n : nodes) {
            if (n.ast() != null) {
                m.putIfAbsent(n.ast(), n);
            }
            for (IASTNode p : n.preEvaluated()) {
                pre.put(p, Boolean.TRUE);
            }
            n.compact();
        }
        this.byAst = m;
        this.preEvaluated = pre;
    }

    private List<CfgNode> computeRpo() {
        int n = nodes.size();
        boolean[] seen = new boolean[n];
        List<CfgNode> post = new ArrayList<>(n);
        // iterative DFS; successors explored in reverse edge order so that the reverse postorder lists a
        // node's first successor (then-branch, loop body) before its later ones
        int[] stackNode = new int[n];
        int[] stackNext = new int[n];
        int sp = 0;
        CfgNode entry = nodes.get(0);
        seen[entry.id()] = true;
        stackNode[sp] = entry.id();
        stackNext[sp] = entry.succ.size() - 1;
        sp++;
        while (sp > 0) {
            CfgNode cur = nodes.get(stackNode[sp - 1]);
            int next = stackNext[sp - 1];
            if (next >= 0) {
                stackNext[sp - 1] = next - 1;
                CfgNode to = cur.succ.get(next).to();
                if (!seen[to.id()]) {
                    seen[to.id()] = true;
                    stackNode[sp] = to.id();
                    stackNext[sp] = to.succ.size() - 1;
                    sp++;
                }
            } else {
                post.add(cur);
                sp--;
            }
        }
        List<CfgNode> order = new ArrayList<>(n);
        for (int i = post.size() - 1; i >= 0; i--) {
            order.add(post.get(i));
        }
        int reachableCount = order.size();
        for (CfgNode node : nodes) {
            if (!seen[node.id()]) {
                order.add(node);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            order.get(i).freeze(this, i, i < reachableCount);
        }
        for (CfgNode node : order) {
            for (CfgEdge e : node.succ) {
                if (e.to().isReachable() && e.isRetreating()) {
                    e.to().markLoopHead();
                }
            }
        }
        return order;
    }

    public IASTFunctionDefinition function() {
        return function;
    }

    /** The function's name, "" when the declarator has none. */
    public String name() {
        IASTName n = function.getDeclarator() == null ? null : innermostName(function);
        return n == null ? "" : n.toString();
    }

    private static IASTName innermostName(IASTFunctionDefinition fn) {
        org.eclipse.cdt.core.dom.ast.IASTDeclarator d = fn.getDeclarator();
        while (d.getNestedDeclarator() != null && d.getName().toCharArray().length == 0) {
            d = d.getNestedDeclarator();
        }
        return d.getName();
    }

    public CfgNode entry() {
        return nodes.get(0);
    }

    public CfgNode exit() {
        return nodes.get(1);
    }

    /** All nodes, ids 0..n-1 in creation order. */
    public List<CfgNode> nodes() {
        return nodes;
    }

    /** Reverse postorder of a depth-first search from ENTRY; unreachable nodes appended after, in id order. */
    public List<CfgNode> reversePostOrder() {
        return rpo;
    }

    /** Constructs represented approximately, each "line N: what", in the order met. */
    public List<String> unsupported() {
        return unsupported;
    }

    /** Statement expressions lowered into nodes, in lowering order (innermost first). */
    public Map<IGNUASTCompoundStatementExpression, LoweredStatementExpression> loweredStatementExpressions() {
        return lowered;
    }

    /** Whether {@code expr} (a sub-expression of some node's ast) was already evaluated at earlier nodes. */
    public boolean isPreEvaluated(IASTNode expr) {
        return preEvaluated.containsKey(expr);
    }

    /** The first node whose {@code ast()} is {@code ast} (identity). */
    public Optional<CfgNode> nodeOf(IASTNode ast) {
        return Optional.ofNullable(byAst.get(ast));
    }

    /** True when some node is PROBLEM (a problem statement or something not modelled). */
    public boolean hasProblems() {
        for (CfgNode n : nodes) {
            if (n.kind() == CfgNode.Kind.PROBLEM) {
                return true;
            }
        }
        return false;
    }

    /**
     * A compact canonical listing, one line per node in id order: {@code id KIND [text] succ...}, where a successor
     * is {@code ->N} for NORMAL and {@code -T->N}, {@code -F->N}, {@code -case(expr)->N}, {@code -default->N},
     * {@code -back->N}, {@code -goto->N}, {@code -noreturn->N} otherwise. Used by golden tests.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (CfgNode n : nodes) {
            sb.append(n.id()).append(' ').append(n.kind());
            String t = nodeText(n);
            if (!t.isEmpty()) {
                sb.append(" [").append(t).append(']');
            }
            for (CfgEdge e : n.successors()) {
                sb.append(' ').append(edgeText(e)).append(e.to().id());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String nodeText(CfgNode n) {
        if (n.ast() != null) {
            return n.text();
        }
        if (n.kind() == CfgNode.Kind.JOIN && n.origin() instanceof org.eclipse.cdt.core.dom.ast.IASTLabelStatement l) {
            return l.getName() + ":";
        }
        if (n.kind() == CfgNode.Kind.JOIN && n.origin() != null) {
            return "loop";
        }
        return "";
    }

    static String edgeText(CfgEdge e) {
        return switch (e.kind()) {
            case NORMAL -> "->";
            case TRUE -> "-T->";
            case FALSE -> "-F->";
            case CASE -> "-case(" + (e.label() == null ? "" : CfgNode.text(e.label())) + ")->";
            case DEFAULT -> "-default->";
            case BACK -> "-back->";
            case GOTO -> "-goto->";
            case EXCEPTIONAL_NONE -> "-noreturn->";
        };
    }

    /** Graphviz rendering: nodes in id order, edges in successor order; unreachable nodes dashed. */
    public String toDot() {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph \"").append(escape(name())).append("\" {\n");
        sb.append("  node [shape=box, fontname=\"monospace\"];\n");
        for (CfgNode n : nodes) {
            String t = nodeText(n);
            if (t.length() > 80) {
                t = t.substring(0, 77) + "...";
            }
            sb.append("  n").append(n.id()).append(" [label=\"").append(n.id()).append(' ').append(n.kind());
            if (!t.isEmpty()) {
                sb.append("\\n").append(escape(t));
            }
            sb.append('"');
            if (n.kind() == CfgNode.Kind.CONDITION) {
                sb.append(", shape=diamond");
            } else if (n.kind() == CfgNode.Kind.PROBLEM) {
                sb.append(", color=red");
            }
            if (!n.isReachable()) {
                sb.append(", style=dashed");
            }
            sb.append("];\n");
        }
        for (CfgNode n : nodes) {
            for (CfgEdge e : n.successors()) {
                sb.append("  n").append(n.id()).append(" -> n").append(e.to().id());
                if (e.kind() != CfgEdge.EdgeKind.NORMAL) {
                    String l = switch (e.kind()) {
                        case TRUE -> "T";
                        case FALSE -> "F";
                        case CASE -> "case " + (e.label() == null ? "" : CfgNode.text(e.label()));
                        case DEFAULT -> "default";
                        case BACK -> "back";
                        case GOTO -> "goto";
                        case EXCEPTIONAL_NONE -> "noreturn";
                        default -> "";
                    };
                    sb.append(" [label=\"").append(escape(l)).append('"');
                    if (e.kind() == CfgEdge.EdgeKind.EXCEPTIONAL_NONE) {
                        sb.append(", style=dotted");
                    }
                    sb.append(']');
                }
                sb.append(";\n");
            }
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Cfg[" + name() + ", " + nodes.size() + " nodes]";
    }
}
