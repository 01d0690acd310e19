package dev.mmlint.cfg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

import dev.mmlint.cfg.CfgEdge.EdgeKind;
import dev.mmlint.cfg.CfgNode.Kind;

/**
 * Structural properties every CFG must have, checked on every graph the tests build (hand-written snippets and
 * every function of the kernel's mm/). Throws AssertionError naming the function and the broken property.
 */
final class CfgInvariants {

    private CfgInvariants() {
    }

    static void check(Cfg cfg) {
        new Checker(cfg).run();
    }

    private static final class Checker {
        final Cfg cfg;

        Checker(Cfg cfg) {
            this.cfg = cfg;
        }

        void fail(String what) {
            throw new AssertionError(cfg.name() + " (line " + CfgNode.lineOf(cfg.function()) + "): " + what + "\n"
                    + cfg.describe());
        }

        void require(boolean ok, String what) {
            if (!ok) {
                fail(what);
            }
        }

        void run() {
            List<CfgNode> nodes = cfg.nodes();
            require(nodes.size() >= 2, "ENTRY and EXIT");
            for (int i = 0; i < nodes.size(); i++) {
                require(nodes.get(i).id() == i, "ids 0..n-1 in order");
                require(nodes.get(i).cfg() == cfg, "node owned by its graph");
            }
            require(cfg.entry() == nodes.get(0) && cfg.entry().kind() == Kind.ENTRY, "ENTRY is node 0");
            require(cfg.exit() == nodes.get(1) && cfg.exit().kind() == Kind.EXIT, "EXIT is node 1");
            edges(nodes);
            kinds(nodes);
            order(nodes);
            lowering(nodes);
            coverage();
        }

        void edges(List<CfgNode> nodes) {
            int out = 0;
            int in = 0;
            for (CfgNode n : nodes) {
                for (CfgEdge e : n.successors()) {
                    require(e.from() == n, "successor edge starts at its node: " + e);
                    require(containsIdentity(e.to().predecessors(), e), "successor edge listed by its target: " + e);
                    require(e.kind() != EdgeKind.EXCEPTIONAL_NONE || e.to() == cfg.exit(), "noreturn edge to EXIT: " + e);
                    require(e.kind() != EdgeKind.CASE || e.label() != null, "CASE edge has a label: " + e);
                    require(e.kind() == EdgeKind.CASE || e.label() == null, "only CASE edges have labels: " + e);
                    out++;
                }
                for (CfgEdge e : n.predecessors()) {
                    require(e.to() == n, "predecessor edge ends at its node: " + e);
                    require(containsIdentity(e.from().successors(), e), "predecessor edge listed by its source: " + e);
                    in++;
                }
            }
            require(in == out, "as many predecessor as successor entries");
        }

        void kinds(List<CfgNode> nodes) {
            int entries = 0;
            int exits = 0;
            for (CfgNode n : nodes) {
                List<CfgEdge> succ = n.successors();
                switch (n.kind()) {
                    case ENTRY -> {
                        entries++;
                        require(n.predecessors().isEmpty() && succ.size() == 1, "ENTRY: no predecessor, one successor");
                    }
                    case EXIT -> {
                        exits++;
                        require(succ.isEmpty(), "EXIT has no successor");
                    }
                    case CONDITION -> {
                        require(n.ast() instanceof IASTExpression, "CONDITION ast is an expression: " + n);
                        IASTExpression x = (IASTExpression) n.ast();
                        require(!(x instanceof IASTUnaryExpression u
                                && (u.getOperator() == IASTUnaryExpression.op_not
                                        || u.getOperator() == IASTUnaryExpression.op_bracketedPrimary)),
                                "conditions are split through ! and parentheses: " + n);
                        require(!(x instanceof IASTBinaryExpression b
                                && (b.getOperator() == IASTBinaryExpression.op_logicalAnd
                                        || b.getOperator() == IASTBinaryExpression.op_logicalOr)),
                                "conditions are split at && and ||: " + n);
                        require(CfgBuilder.ConstEval.value(x) == null, "no node for a constant condition: " + n);
                        require(count(succ, EdgeKind.TRUE) >= 1 && count(succ, EdgeKind.FALSE) >= 1
                                && count(succ, EdgeKind.TRUE) + count(succ, EdgeKind.FALSE) == succ.size(),
                                "CONDITION has TRUE and FALSE out-edges only: " + n);
                    }
                    case SWITCH -> {
                        require(count(succ, EdgeKind.DEFAULT) >= 1
                                && count(succ, EdgeKind.CASE) + count(succ, EdgeKind.DEFAULT) == succ.size(),
                                "SWITCH has CASE and DEFAULT out-edges only, one DEFAULT at least: " + n);
                    }
                    case RETURN -> {
                        require(n.ast() instanceof IASTReturnStatement, "RETURN ast: " + n);
                        require(succ.size() == 1 && succ.get(0).to() == cfg.exit()
                                && succ.get(0).kind() == EdgeKind.NORMAL, "RETURN: one NORMAL edge to EXIT: " + n);
                    }
                    case STATEMENT -> {
                        require(n.ast() instanceof IASTExpressionStatement || n.ast() instanceof IASTDeclarationStatement
                                || n.ast() instanceof IASTExpression, "STATEMENT ast: " + n);
                        unconditional(n);
                    }
                    case JOIN -> {
                        require(n.ast() == null, "JOIN has no ast: " + n);
                        unconditional(n);
                    }
                    case PROBLEM -> require(n.ast() != null, "PROBLEM keeps its ast: " + n);
                    default -> fail("kind " + n.kind());
                }
                require(n.kind() == Kind.EXIT || !succ.isEmpty(), "no dead end: " + n);
                if (n.ast() != null) {
                    require(isDescendant(n.ast(), cfg.function()), "ast inside the function: " + n);
                }
            }
            require(entries == 1 && exits == 1, "one ENTRY, one EXIT");
        }

        void unconditional(CfgNode n) {
            List<CfgEdge> succ = n.successors();
            if (count(succ, EdgeKind.EXCEPTIONAL_NONE) > 0) {
                require(succ.size() == 1, "a noreturn node has only its EXCEPTIONAL_NONE edge: " + n);
                return;
            }
            for (CfgEdge e : succ) {
                require(e.kind() == EdgeKind.NORMAL || e.kind() == EdgeKind.BACK || e.kind() == EdgeKind.GOTO,
                        "unconditional node has NORMAL/BACK/GOTO out-edges: " + e);
            }
            require(succ.size() == 1 || count(succ, EdgeKind.GOTO) == succ.size(),
                    "one successor unless a computed goto: " + n);
        }

        void order(List<CfgNode> nodes) {
            List<CfgNode> rpo = cfg.reversePostOrder();
            require(rpo.size() == nodes.size(), "RPO lists every node");
            require(rpo.get(0) == cfg.entry(), "RPO starts at ENTRY");
            Set<CfgNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < rpo.size(); i++) {
                require(seen.add(rpo.get(i)), "RPO has no duplicates");
                require(rpo.get(i).rpoIndex() == i, "rpoIndex is the RPO position");
            }
            // reachability by an independent breadth-first search
            Set<CfgNode> reach = Collections.newSetFromMap(new IdentityHashMap<>());
            ArrayDeque<CfgNode> work = new ArrayDeque<>();
            reach.add(cfg.entry());
            work.add(cfg.entry());
            while (!work.isEmpty()) {
                for (CfgEdge e : work.poll().successors()) {
                    if (reach.add(e.to())) {
                        work.add(e.to());
                    }
                }
            }
            int lastReachable = -1;
            int lastId = -1;
            for (CfgNode n : rpo) {
                require(n.isReachable() == reach.contains(n), "reachability flag: " + n);
                if (n.isReachable()) {
                    require(lastId < 0, "reachable nodes first in RPO");
                    lastReachable = n.rpoIndex();
                } else {
                    require(n.id() > lastId, "unreachable nodes in id order");
                    lastId = n.id();
                }
                if (n != cfg.entry() && n.predecessors().isEmpty()) {
                    require(!n.isReachable(), "a node without predecessor is unreachable: " + n);
                }
            }
            require(lastReachable == reach.size() - 1, "reachable prefix");
            for (CfgNode n : nodes) {
                for (CfgEdge e : n.successors()) {
                    if (n.isReachable()) {
                        require(e.isRetreating() == (e.to().rpoIndex() <= n.rpoIndex()), "retreating = backwards in RPO");
                        if (e.isRetreating()) {
                            require(e.to().isLoopHead(), "target of a retreating edge is a loop head: " + e);
                        }
                    }
                    if (e.kind() == EdgeKind.BACK) {
                        // structured loops: the back edge retreats (a goto into a loop body may change the DFS)
                        require(!n.isReachable() || e.isRetreating() || hasLabels(nodes), "BACK edges retreat: " + e);
                    }
                }
                if (n.isLoopHead()) {
                    boolean any = false;
                    for (CfgEdge e : n.predecessors()) {
                        any |= e.from().isReachable() && e.isRetreating();
                    }
                    require(any, "a loop head has a retreating in-edge: " + n);
                }
            }
        }

        static boolean hasLabels(List<CfgNode> nodes) {
            for (CfgNode n : nodes) {
                if (n.kind() == Kind.JOIN && n.origin() instanceof org.eclipse.cdt.core.dom.ast.IASTLabelStatement) {
                    return true;
                }
            }
            return false;
        }

        void lowering(List<CfgNode> nodes) {
            for (CfgNode n : nodes) {
                for (IASTExpression x : n.preEvaluated()) {
                    require(n.ast() != null && isDescendant(x, n.ast()), "pre-evaluated inside the node's ast: " + n);
                    require(cfg.isPreEvaluated(x), "isPreEvaluated agrees with the node list");
                }
            }
            for (LoweredStatementExpression l : cfg.loweredStatementExpressions().values()) {
                if (l.consumer() != null) {
                    require(containsIdentity(l.consumer().preEvaluated(), l.expression()),
                            "consumer lists the statement expression as pre-evaluated");
                }
                if (l.valueNode() != null && l.valueNode().kind() == Kind.STATEMENT) {
                    require(l.valueNode().ast() instanceof IASTExpressionStatement es && es.getExpression() == l.value(),
                            "value node evaluates the value expression");
                } else if (l.valueNode() != null) {
                    require(l.valueNode().kind() == Kind.CONDITION && l.consumer() == null
                            && isDescendant(l.valueNode().ast(), l.value()), "value node tests the value");
                }
                if (l.value() != null) {
                    require(isDescendant(l.value(), l.expression()), "value inside its statement expression");
                }
            }
        }

        /**
         * Every expression, declaration and return statement evaluated by the function has exactly one node,
         * except bare statement-expression statements and the value statement of a statement expression tested as
         * a condition; statements of statement expressions that are not evaluated (sizeof, typeof) have none.
         */
        void coverage() {
            IdentityHashMap<IASTNode, Integer> uses = new IdentityHashMap<>();
            IdentityHashMap<IASTNode, Boolean> operands = new IdentityHashMap<>();
            for (CfgNode n : cfg.nodes()) {
                if (n.ast() instanceof IASTStatement) {
                    uses.merge(n.ast(), 1, Integer::sum);
                } else if (n.ast() != null && n.ast().getParent() instanceof org.eclipse.cdt.core.dom.ast.IASTExpressionList) {
                    operands.put(n.ast(), true);
                }
            }
            for (var e : uses.entrySet()) {
                require(e.getValue() == 1, "statement with one node: " + CfgNode.text(e.getKey()));
            }
            List<IASTStatement> missing = new ArrayList<>();
            if (cfg.function().getBody() == null) {
                return;
            }
            cfg.function().getBody().accept(new ASTVisitor() {
                {
                    shouldVisitStatements = true;
                }

                @Override
                public int visit(IASTStatement s) {
                    if (!(s instanceof IASTExpressionStatement || s instanceof IASTDeclarationStatement
                            || s instanceof IASTReturnStatement)) {
                        return PROCESS_CONTINUE;
                    }
                    if (uses.containsKey(s) || notEvaluated(s) || bareStatementExpression(s) || testedValue(s)
                            || splitCommaList(s, operands)
                            || CfgBuilder.localLabels(s) != null) {
                        return PROCESS_CONTINUE;
                    }
                    missing.add(s);
                    return PROCESS_CONTINUE;
                }
            });
            require(missing.isEmpty(), "statements without a node: " + missing.stream().map(CfgNode::text).toList());
        }

        /** `a = f(), b = g(a);` is evaluated as one node per operand of the comma expression. */
        private static boolean splitCommaList(IASTStatement s, IdentityHashMap<IASTNode, Boolean> operands) {
            if (!(s instanceof IASTExpressionStatement es)) {
                return false;
            }
            org.eclipse.cdt.core.dom.ast.IASTExpression e = es.getExpression();
            while (e instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression u
                    && u.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_bracketedPrimary) {
                e = u.getOperand();
            }
            if (!(e instanceof org.eclipse.cdt.core.dom.ast.IASTExpressionList list)) {
                return false;
            }
            for (org.eclipse.cdt.core.dom.ast.IASTExpression x : list.getExpressions()) {
                if (operands.containsKey(x)) {
                    return true;
                }
            }
            return false;
        }

        boolean notEvaluated(IASTStatement s) {
            for (IASTNode p = s.getParent(); p != null && p != cfg.function(); p = p.getParent()) {
                if (p instanceof IGNUASTCompoundStatementExpression se) {
                    return !cfg.loweredStatementExpressions().containsKey(se) || notEvaluated(se);
                }
            }
            return false;
        }

        boolean notEvaluated(IGNUASTCompoundStatementExpression se) {
            for (IASTNode p = se.getParent(); p != null && p != cfg.function(); p = p.getParent()) {
                if (p instanceof IGNUASTCompoundStatementExpression outer) {
                    return !cfg.loweredStatementExpressions().containsKey(outer) || notEvaluated(outer);
                }
            }
            return false;
        }

        boolean bareStatementExpression(IASTStatement s) {
            if (!(s instanceof IASTExpressionStatement es)) {
                return false;
            }
            IASTExpression x = es.getExpression();
            while (true) {
                if (x instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
                    x = u.getOperand();
                } else if (x instanceof org.eclipse.cdt.core.dom.ast.IASTCastExpression c) {
                    x = c.getOperand();
                } else {
                    break;
                }
            }
            return x instanceof IGNUASTCompoundStatementExpression se
                    && cfg.loweredStatementExpressions().containsKey(se);
        }

        boolean testedValue(IASTStatement s) {
            for (LoweredStatementExpression l : cfg.loweredStatementExpressions().values()) {
                if (l.value() != null && l.value().getParent() == s
                        && (l.valueNode() == null || l.valueNode().kind() != Kind.STATEMENT)) {
                    return true;
                }
            }
            return false;
        }
    }

    static boolean isDescendant(IASTNode n, IASTNode ancestor) {
        for (IASTNode p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    static boolean containsIdentity(List<?> list, Object o) {
        for (Object x : list) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }

    static int count(List<CfgEdge> edges, EdgeKind kind) {
        int c = 0;
        for (CfgEdge e : edges) {
            if (e.kind() == kind) {
                c++;
            }
        }
        return c;
    }
}
