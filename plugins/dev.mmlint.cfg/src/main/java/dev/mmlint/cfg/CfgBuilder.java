package dev.mmlint.cfg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTAttribute;
import org.eclipse.cdt.core.dom.ast.IASTAttributeList;
import org.eclipse.cdt.core.dom.ast.IASTAttributeOwner;
import org.eclipse.cdt.core.dom.ast.IASTAttributeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTBreakStatement;
import org.eclipse.cdt.core.dom.ast.IASTCaseStatement;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTContinueStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDefaultStatement;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTNullStatement;
import org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTProblemStatement;
import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTSwitchStatement;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IASTTypeId;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTGotoStatement;

import dev.mmlint.cfg.CfgEdge.EdgeKind;
import dev.mmlint.cfg.CfgNode.Kind;

/**
 * Builds the {@link Cfg} of a C function definition as CDT parses it, with or without problem nodes. It does not
 * throw on any tree CDT produces: what it cannot model becomes a PROBLEM node recorded in {@link Cfg#unsupported()}
 * (a RuntimeException while building one statement also does, as "internal error"). Thread-safe: one builder per
 * call; the per-translation-unit noreturn index is shared under a lock.
 *
 * <p>Approximations (listed in {@code unsupported()} when met, except the first two, which are by design):
 * <ul>
 * <li>Statement expressions {@code ({ ... })} in expressions are lowered: their statements become nodes before
 * the node of the enclosing statement or condition, operands evaluated left to right, innermost first; only
 * {@code ?:} arms and right operands of {@code &&} / {@code ||} are lowered conditionally (through CONDITION nodes
 * on the guard); all other evaluation order (function arguments, a later declarator referring to an earlier one
 * of the same declaration) is approximated. Operands of {@code sizeof}, {@code typeof}, {@code _Alignof},
 * {@code __builtin_constant_p} and {@code __builtin_types_compatible_p} are not evaluated and not lowered; of
 * {@code __builtin_choose_expr} only the chosen operand when its constant folds, else both in sequence.</li>
 * <li>A call to a never-returning function ends the path only when the call is unconditionally evaluated by an
 * expression statement, a declaration initializer or a comma operand of a condition; names are matched, not
 * bindings.</li>
 * <li>{@code goto *p}: edges to every label whose address is taken with {@code &&label}.</li>
 * <li>Jumps to nowhere (goto to an undefined label, break/continue outside loop or switch): a PROBLEM node with an
 * EXCEPTIONAL_NONE edge to EXIT (the path is abandoned); a case label outside a switch is ignored. Without
 * includes CDT's error recovery sometimes drops a label (next to an unexpanded iterator macro), so gotos to it
 * are abandoned.</li>
 * <li>{@code __attribute__((cleanup(f)))} variables (the kernel's guard()/scoped_guard()): the call at scope exit
 * is not modelled.</li>
 * <li>Unexpanded iterator macros (no includes): see {@link CfgOptions#iteratorMacroHeuristic()}.</li>
 * <li>Labels declared with GNU {@code __label__} are scoped to their block; a label defined twice otherwise takes
 * gotos to the nearest definition before them.</li>
 * </ul>
 */
public final class CfgBuilder {

    /** Callees whose arguments are not evaluated. */
    private static final Set<String> NOT_EVALUATED = Set.of("__builtin_constant_p", "__builtin_types_compatible_p",
            "__builtin_offsetof", "offsetof");

    /** A pending edge source; {@code order} ranks the out-edges of a SWITCH node by label position. */
    private record Port(CfgNode node, EdgeKind kind, IASTNode label, int order) {
        Port(CfgNode node, EdgeKind kind, IASTNode label) {
            this(node, kind, label, -1);
        }
    }

    private record Branches(List<Port> t, List<Port> f) {
    }

    private static final class Target {
        final CfgNode switchNode; // null for loops
        CfgNode continueNode; // loops: where continue goes, or null if it is created after the body
        boolean hasDefault;
        int labels; // case and default labels met so far
        final List<Port> breaks = new ArrayList<>();
        final List<Port> continues = new ArrayList<>();

        Target(CfgNode switchNode) {
            this.switchNode = switchNode;
        }
    }

    private static final class Lowering {
        final IGNUASTCompoundStatementExpression se;
        IASTExpression value;
        CfgNode valueNode;
        CfgNode consumer;

        Lowering(IGNUASTCompoundStatementExpression se) {
            this.se = se;
        }
    }

    private final IASTFunctionDefinition fn;
    private final CfgOptions options;
    private final List<CfgNode> nodes = new ArrayList<>();
    private final CfgNode exit;
    private List<Port> frontier = new ArrayList<>();
    private final ArrayDeque<Target> targets = new ArrayDeque<>();
    private final Map<String, CfgNode> labels = new HashMap<>();
    private final Map<String, List<Port>> pendingGotos = new LinkedHashMap<>();
    private final Map<String, IASTStatement> pendingGotoStatement = new HashMap<>();
    private final List<Port> computedGotoPorts = new ArrayList<>();
    private final List<IASTStatement> computedGotos = new ArrayList<>();
    private final Set<String> addressTakenLabels = new LinkedHashSet<>();
    private final Set<IASTNode> seAncestors = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> unsupported = new ArrayList<>();
    private final Map<IGNUASTCompoundStatementExpression, Lowering> lowered = new IdentityHashMap<>();
    private final List<Lowering> loweredOrder = new ArrayList<>();
    private NoreturnIndex noreturnDeclared;
    private final Map<CfgEdge, Integer> switchEdgeOrder = new IdentityHashMap<>();
    private IASTStatement current;

    private CfgBuilder(IASTFunctionDefinition fn, CfgOptions options) {
        this.fn = fn;
        this.options = options;
        CfgNode entry = newNode(Kind.ENTRY, null, null);
        this.exit = newNode(Kind.EXIT, null, null);
        frontier.add(new Port(entry, EdgeKind.NORMAL, null));
    }

    public static Cfg build(IASTFunctionDefinition fn) {
        return build(fn, CfgOptions.DEFAULT);
    }

    public static Cfg build(IASTFunctionDefinition fn, CfgOptions options) {
        if (fn == null) {
            throw new IllegalArgumentException("no function definition");
        }
        return new CfgBuilder(fn, options == null ? CfgOptions.DEFAULT : options).run();
    }

    private Cfg run() {
        IASTStatement body = fn.getBody();
        if (body != null) {
            prescan(body);
            stmt(body);
        } else {
            note(fn, "function definition without body");
        }
        connect(take(), exit, null);
        for (Map.Entry<String, List<Port>> e : pendingGotos.entrySet()) {
            IASTStatement g = pendingGotoStatement.get(e.getKey());
            frontier = e.getValue();
            abandon(g, "goto to label `" + e.getKey() + "` not defined in the function (path abandoned)");
        }
        pendingGotos.clear();
        resolveComputedGotos();
        for (CfgNode n : nodes) {
            if (n.kind() == Kind.SWITCH) {
                // source order of the case / default labels, whatever order the edges were made in
                n.succ.sort((a, b) -> Integer.compare(switchEdgeOrder.getOrDefault(a, Integer.MAX_VALUE),
                        switchEdgeOrder.getOrDefault(b, Integer.MAX_VALUE)));
            }
        }
        Map<IGNUASTCompoundStatementExpression, LoweredStatementExpression> low = new LinkedHashMap<>();
        for (Lowering l : loweredOrder) {
            low.put(l.se, new LoweredStatementExpression(l.se, l.value, l.valueNode, l.consumer));
        }
        return new Cfg(fn, nodes, unsupported, low);
    }

    private void prescan(IASTStatement body) {
        body.accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression e) {
                if (e instanceof IGNUASTCompoundStatementExpression) {
                    for (IASTNode n = e; n != null && n != fn && seAncestors.add(n); n = n.getParent()) {
                        // mark e and its ancestors up to the function
                    }
                } else if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_labelReference
                        && u.getOperand() instanceof IASTIdExpression id) {
                    addressTakenLabels.add(id.getName().toString());
                }
                return PROCESS_CONTINUE;
            }
        });
    }

    // ---------------------------------------------------------------- graph primitives

    private CfgNode newNode(Kind kind, IASTNode ast, IASTStatement origin) {
        CfgNode n = new CfgNode(nodes.size(), kind, ast, origin);
        nodes.add(n);
        return n;
    }

    private static void addEdge(CfgNode from, CfgNode to, EdgeKind kind, IASTNode label) {
        CfgEdge e = new CfgEdge(from, to, kind, label);
        from.succ.add(e);
        to.pred.add(e);
    }

    private void addEdge(Port p, CfgNode to, EdgeKind kind) {
        addEdge(p.node(), to, kind, p.label());
        if (p.order() >= 0) {
            switchEdgeOrder.put(p.node().succ.get(p.node().succ.size() - 1), p.order());
        }
    }

    /** Edges from all ports to {@code to}; a NORMAL port becomes {@code normalAs} when that is not null. */
    private void connect(List<Port> ports, CfgNode to, EdgeKind normalAs) {
        for (Port p : ports) {
            addEdge(p, to, p.kind() == EdgeKind.NORMAL && normalAs != null ? normalAs : p.kind());
        }
    }

    /** Returns the frontier and leaves it empty. */
    private List<Port> take() {
        List<Port> f = frontier;
        frontier = new ArrayList<>();
        return f;
    }

    private static List<Port> concat(List<Port> a, List<Port> b) {
        List<Port> r = new ArrayList<>(a.size() + b.size());
        r.addAll(a);
        r.addAll(b);
        return r;
    }

    /** New node reached from the frontier, which becomes its NORMAL out-port. */
    private CfgNode emit(Kind kind, IASTNode ast, IASTStatement origin) {
        CfgNode n = newNode(kind, ast, origin);
        connect(take(), n, null);
        frontier.add(new Port(n, EdgeKind.NORMAL, null));
        return n;
    }

    private void endsPath(CfgNode n) {
        addEdge(n, exit, EdgeKind.EXCEPTIONAL_NONE, null);
        frontier = new ArrayList<>();
    }

    /** A PROBLEM node reached from the frontier whose only way out is an EXCEPTIONAL_NONE edge to EXIT. */
    private void abandon(IASTNode ast, String why) {
        CfgNode p = newNode(Kind.PROBLEM, ast, ast instanceof IASTStatement s ? s : current);
        connect(take(), p, null);
        addEdge(p, exit, EdgeKind.EXCEPTIONAL_NONE, null);
        note(ast, why);
    }

    private void note(IASTNode at, String what) {
        unsupported.add("line " + (at == null ? 0 : CfgNode.lineOf(at)) + ": " + what);
    }

    private void setPre(CfgNode n, List<IASTExpression> pre) {
        if (pre.isEmpty()) {
            return;
        }
        n.preEvaluated = List.copyOf(pre);
        for (IASTExpression x : pre) {
            if (x instanceof IGNUASTCompoundStatementExpression se) {
                Lowering l = lowered.get(se);
                if (l != null && l.consumer == null) {
                    l.consumer = n;
                }
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private void stmt(IASTStatement s) {
        if (s == null) {
            return;
        }
        IASTStatement saved = current;
        current = s;
        try {
            dispatch(s);
        } catch (RuntimeException e) {
            // never crash on odd trees: keep what was built, make the statement opaque
            emit(Kind.PROBLEM, s, s);
            note(s, "internal error, statement kept opaque: " + e);
        } finally {
            current = saved;
        }
    }

    private void dispatch(IASTStatement s) {
        if (s instanceof IASTCompoundStatement cs) {
            IASTStatement[] st = cs.getStatements();
            LabelScope scope = openLabelScope(st);
            block(st, false);
            closeLabelScope(scope);
        } else if (s instanceof IASTExpressionStatement es) {
            exprStmt(es);
        } else if (s instanceof IASTDeclarationStatement ds) {
            declStmt(ds);
        } else if (s instanceof IASTIfStatement is) {
            ifStmt(is);
        } else if (s instanceof IASTWhileStatement ws) {
            whileStmt(ws);
        } else if (s instanceof IASTDoStatement ds) {
            doStmt(ds);
        } else if (s instanceof IASTForStatement fs) {
            forStmt(fs);
        } else if (s instanceof IASTSwitchStatement ss) {
            switchStmt(ss);
        } else if (s instanceof IASTCaseStatement cs) {
            caseStmt(cs, cs.getExpression());
        } else if (s instanceof IASTDefaultStatement ds) {
            caseStmt(ds, null);
        } else if (s instanceof IASTBreakStatement) {
            breakStmt(s);
        } else if (s instanceof IASTContinueStatement) {
            continueStmt(s);
        } else if (s instanceof IASTGotoStatement gs) {
            gotoStmt(gs);
        } else if (s instanceof IGNUASTGotoStatement gs) {
            computedGoto(gs);
        } else if (s instanceof IASTLabelStatement ls) {
            label(ls);
            stmt(ls.getNestedStatement());
        } else if (s instanceof IASTReturnStatement rs) {
            returnStmt(rs);
        } else if (s instanceof IASTNullStatement) {
            // nothing
        } else if (s instanceof IASTProblemStatement ps) {
            emit(Kind.PROBLEM, ps, ps);
            note(ps, "problem statement `" + shortText(ps) + "` kept opaque");
        } else {
            emit(Kind.PROBLEM, s, s);
            note(s, "statement kind " + s.getClass().getSimpleName() + " kept opaque");
        }
    }

    /**
     * Statements of a block. With {@code stopBeforeLast}, returns the index of the last statement left for the
     * caller (or the length when an iterator-macro triple consumed it).
     */
    private int block(IASTStatement[] st, boolean stopBeforeLast) {
        int n = st.length;
        int i = 0;
        while (i < n) {
            if (options.iteratorMacroHeuristic() && i + 2 < n && st[i + 1] instanceof IASTProblemStatement ps
                    && isUnterminatedMacroCall(st[i])) {
                IASTStatement saved = current;
                current = st[i];
                try {
                    iteratorLoop(st[i], ps, st[i + 2]);
                } finally {
                    current = saved;
                }
                i += 3;
                continue;
            }
            if (stopBeforeLast && i == n - 1) {
                return i;
            }
            stmt(st[i]);
            i++;
        }
        return n;
    }

    /** Labels declared local to a block with GNU {@code __label__}, shadowing same-named labels outside. */
    private record LabelScope(List<String> names, Map<String, CfgNode> savedLabels,
            Map<String, List<Port>> savedPending, Map<String, IASTStatement> savedPendingStatement) {
    }

    static List<String> localLabels(IASTStatement s) {
        if (s instanceof IASTDeclarationStatement ds && ds.getDeclaration() instanceof IASTSimpleDeclaration sd
                && sd.getDeclSpecifier() instanceof IASTNamedTypeSpecifier nt && nt.getName() != null
                && "__label__".equals(nt.getName().toString())) {
            List<String> r = new ArrayList<>();
            for (IASTDeclarator d : sd.getDeclarators()) {
                while (d.getNestedDeclarator() != null) {
                    d = d.getNestedDeclarator();
                }
                if (d.getName() != null) {
                    r.add(d.getName().toString());
                }
            }
            return r;
        }
        return null;
    }

    private LabelScope openLabelScope(IASTStatement[] st) {
        List<String> names = null;
        for (IASTStatement s : st) {
            List<String> l = localLabels(s);
            if (l != null) {
                if (names == null) {
                    names = new ArrayList<>();
                }
                names.addAll(l);
            }
        }
        if (names == null) {
            return null;
        }
        LabelScope scope = new LabelScope(names, new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (String n : names) {
            CfgNode l = labels.remove(n);
            if (l != null) {
                scope.savedLabels().put(n, l);
            }
            List<Port> p = pendingGotos.remove(n);
            if (p != null) {
                scope.savedPending().put(n, p);
                scope.savedPendingStatement().put(n, pendingGotoStatement.remove(n));
            }
        }
        return scope;
    }

    private void closeLabelScope(LabelScope scope) {
        if (scope == null) {
            return;
        }
        for (String n : scope.names()) {
            List<Port> unresolved = pendingGotos.remove(n);
            IASTStatement g = pendingGotoStatement.remove(n);
            if (unresolved != null) {
                List<Port> saved = frontier;
                frontier = unresolved;
                abandon(g, "goto to local label `" + n + "` not defined in its block (path abandoned)");
                frontier = saved;
            }
            labels.remove(n);
            if (scope.savedLabels().containsKey(n)) {
                labels.put(n, scope.savedLabels().get(n));
            }
            if (scope.savedPending().containsKey(n)) {
                pendingGotos.put(n, scope.savedPending().get(n));
                pendingGotoStatement.put(n, scope.savedPendingStatement().get(n));
            }
        }
    }

    private static boolean isUnterminatedMacroCall(IASTStatement s) {
        if (s instanceof IASTExpressionStatement es && es.getExpression() instanceof IASTFunctionCallExpression) {
            return !endsWithSemicolon(s);
        }
        // `for_each_online_node(nid)` parses as a declaration of `(nid)` with the macro as typedef name
        if (s instanceof IASTDeclarationStatement ds && ds.getDeclaration() instanceof IASTSimpleDeclaration sd
                && sd.getDeclarators().length == 1 && sd.getDeclSpecifier() instanceof IASTNamedTypeSpecifier
                && (sd.getDeclarators()[0].getNestedDeclarator() != null
                        || sd.getDeclarators()[0] instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator)) {
            return !endsWithSemicolon(s);
        }
        return false;
    }

    private static boolean endsWithSemicolon(IASTNode n) {
        String raw = n.getRawSignature();
        for (int i = raw.length() - 1; i >= 0; i--) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == ';';
            }
        }
        return false;
    }

    /** {@code list_for_each_entry(p, h, m) body} parsed without the macro: a loop with an opaque head. */
    private void iteratorLoop(IASTStatement call, IASTProblemStatement problem, IASTStatement body) {
        String what = call instanceof IASTExpressionStatement es
                && es.getExpression() instanceof IASTFunctionCallExpression fc && calleeName(fc) != null
                        ? calleeName(fc) : shortText(call);
        note(problem, "unexpanded macro `" + what + "` followed by a statement: modelled as an iterator loop"
                + " with an opaque PROBLEM head");
        CfgNode head = emit(Kind.PROBLEM, call, call);
        Target t = new Target(null);
        t.continueNode = head;
        targets.push(t);
        try {
            stmt(body);
        } finally {
            targets.pop();
        }
        connect(take(), head, EdgeKind.BACK);
        frontier.add(new Port(head, EdgeKind.NORMAL, null));
        frontier.addAll(t.breaks);
    }

    /** Emits the node of an expression statement; returns it, or null when none was needed. */
    private CfgNode exprStmt(IASTExpressionStatement es) {
        IASTExpression e = es.getExpression();
        if (e == null) {
            return null;
        }
        if (stripParensAndVoid(e) instanceof IASTExpressionList list && list.getExpressions().length > 1) {
            // `a = f(), b = g(a)`: one node per operand, in order, so what a statement expression in a
            // later operand reads (list_for_each_entry_safe's list_next_entry(pos, ...)) sees the earlier ones
            return exprNodes(list, es);
        }
        List<IASTExpression> pre = lowerValue(e);
        if (stripParensAndVoid(e) instanceof IGNUASTCompoundStatementExpression se && lowered.containsKey(se)) {
            return null; // `({ ... });`: the statements are the nodes, the discarded value needs none
        }
        CfgNode n = emit(Kind.STATEMENT, es, es);
        setPre(n, pre);
        if (callsNoreturn(e)) {
            endsPath(n);
        }
        return n;
    }

    /** One statement node per operand of a comma expression, each with its own lowered statement expressions. */
    private CfgNode exprNodes(IASTExpressionList list, IASTStatement origin) {
        CfgNode last = null;
        for (IASTExpression x : list.getExpressions()) {
            List<IASTExpression> pre = lowerValue(x);
            if (stripParensAndVoid(x) instanceof IGNUASTCompoundStatementExpression se && lowered.containsKey(se)) {
                continue;
            }
            CfgNode n = emit(Kind.STATEMENT, x, origin);
            setPre(n, pre);
            last = n;
            if (callsNoreturn(x)) {
                endsPath(n);
                break;
            }
        }
        return last;
    }

    private void declStmt(IASTDeclarationStatement ds) {
        if (localLabels(ds) != null) {
            return; // `__label__ l;` only scopes the label (see openLabelScope)
        }
        IASTDeclaration d = ds.getDeclaration();
        if (d instanceof IASTProblemDeclaration || d == null) {
            emit(Kind.PROBLEM, ds, ds);
            note(ds, "problem declaration `" + shortText(ds) + "` kept opaque");
            return;
        }
        List<IASTExpression> pre = List.of();
        boolean noreturn = false;
        if (d instanceof IASTSimpleDeclaration sd) {
            IASTDeclarator[] dcls = sd.getDeclarators();
            if (seAncestors.contains(ds)) {
                pre = new ArrayList<>();
                for (IASTDeclarator dcl : dcls) {
                    lowerInto(dcl.getInitializer(), pre);
                }
            }
            checkCleanup(sd.getDeclSpecifier(), ds);
            for (IASTDeclarator dcl : dcls) {
                checkCleanup(dcl, ds);
                if (dcl.getInitializer() instanceof IASTEqualsInitializer ei
                        && ei.getInitializerClause() instanceof IASTExpression x && callsNoreturn(x)) {
                    noreturn = true;
                }
            }
        }
        CfgNode n = emit(Kind.STATEMENT, ds, ds);
        setPre(n, pre);
        if (noreturn) {
            endsPath(n);
        }
    }

    private void checkCleanup(IASTAttributeOwner owner, IASTDeclarationStatement ds) {
        if (owner == null) {
            return;
        }
        for (IASTAttributeSpecifier spec : owner.getAttributeSpecifiers()) {
            if (spec instanceof IASTAttributeList list) {
                for (IASTAttribute a : list.getAttributes()) {
                    String name = new String(a.getName());
                    if (name.equals("cleanup") || name.equals("__cleanup__")) {
                        note(ds, "cleanup attribute: the call at scope exit is not modelled");
                        return;
                    }
                }
            }
        }
    }

    private void ifStmt(IASTIfStatement is) {
        Branches b = cond(is.getConditionExpression(), is);
        frontier = b.t();
        stmt(is.getThenClause());
        List<Port> thenEnd = take();
        frontier = b.f();
        stmt(is.getElseClause());
        frontier = concat(thenEnd, frontier);
    }

    /**
     * Evaluates a loop condition at the current frontier. Returns the branches and, in {@code head[0]}, the first
     * node created (the loop head); a constant-true condition yields a JOIN head, constant false no head.
     */
    private Branches loopCondition(IASTExpression c, IASTStatement loop, CfgNode[] head) {
        Long k = c == null ? Long.valueOf(1) : truth(c);
        if (k != null) {
            if (k != 0) {
                head[0] = emit(Kind.JOIN, null, loop);
                return new Branches(take(), new ArrayList<>());
            }
            head[0] = null;
            return new Branches(new ArrayList<>(), take());
        }
        int mark = nodes.size();
        Branches b = cond(c, loop);
        if (nodes.size() > mark) {
            head[0] = nodes.get(mark);
        } else if (b.f().isEmpty()) { // folded to true through wrappers the constant check did not see
            frontier = b.t();
            head[0] = emit(Kind.JOIN, null, loop);
            b = new Branches(take(), b.f());
        } else {
            head[0] = null;
        }
        return b;
    }

    /** The constant truth value of a condition (through parentheses, !, expect wrappers), else null. */
    private Long truth(IASTExpression e) {
        IASTExpression x = stripParens(e);
        if (x instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) {
            Long v = truth(u.getOperand());
            return v == null ? null : (v == 0 ? 1L : 0L);
        }
        if (x instanceof IASTFunctionCallExpression fc && fc.getArguments().length >= 1
                && fc.getArguments()[0] instanceof IASTExpression a0 && isExpectWrapper(fc)) {
            return truth(a0);
        }
        return ConstEval.value(x);
    }

    private void whileStmt(IASTWhileStatement ws) {
        CfgNode[] head = new CfgNode[1];
        Branches b = loopCondition(ws.getCondition(), ws, head);
        Target t = new Target(null);
        t.continueNode = head[0];
        loopBody(t, b.t(), ws.getBody());
        List<Port> exits = new ArrayList<>(b.f());
        closeLoop(head[0], exits, t.continues);
        closeLoop(head[0], exits, take());
        exits.addAll(t.breaks);
        frontier = exits;
    }

    private void loopBody(Target t, List<Port> in, IASTStatement body) {
        frontier = in;
        targets.push(t);
        try {
            stmt(body);
        } finally {
            targets.pop();
        }
    }

    /** Back edges to the head, or, when the loop condition is constantly false, more ways out of the loop. */
    private void closeLoop(CfgNode head, List<Port> exits, List<Port> ports) {
        if (head != null) {
            connect(ports, head, EdgeKind.BACK);
        } else {
            exits.addAll(ports);
        }
    }

    private void doStmt(IASTDoStatement ds) {
        IASTExpression c = ds.getCondition();
        Long k = c == null ? Long.valueOf(0) : truth(c);
        CfgNode head = (k == null || k != 0) ? emit(Kind.JOIN, null, ds) : null;
        Target t = new Target(null);
        loopBody(t, take(), ds.getBody());
        frontier.addAll(t.continues);
        List<Port> exits;
        if (k == null) {
            Branches b = cond(c, ds);
            connect(b.t(), head, EdgeKind.BACK);
            exits = new ArrayList<>(b.f());
        } else if (k != 0) {
            connect(take(), head, EdgeKind.BACK);
            exits = new ArrayList<>();
        } else {
            exits = take();
        }
        exits.addAll(t.breaks);
        frontier = exits;
    }

    private void forStmt(IASTForStatement fs) {
        stmt(fs.getInitializerStatement());
        CfgNode[] head = new CfgNode[1];
        Branches b = loopCondition(fs.getConditionExpression(), fs, head);
        IASTExpression incr = fs.getIterationExpression();
        Target t = new Target(null);
        t.continueNode = incr == null ? head[0] : null;
        loopBody(t, b.t(), fs.getBody());
        List<Port> exits = new ArrayList<>(b.f());
        frontier.addAll(t.continues);
        if (incr != null && stripParensAndVoid(incr) instanceof IASTExpressionList list && list.getExpressions().length > 1) {
            exprNodes(list, fs);
        } else if (incr != null) {
            List<IASTExpression> pre = lowerValue(incr);
            CfgNode n = emit(Kind.STATEMENT, incr, fs);
            setPre(n, pre);
        }
        closeLoop(head[0], exits, take());
        exits.addAll(t.breaks);
        frontier = exits;
    }

    private void switchStmt(IASTSwitchStatement ss) {
        IASTExpression ctrl = ss.getControllerExpression();
        List<IASTExpression> pre = lowerValue(ctrl);
        CfgNode sw = newNode(Kind.SWITCH, ctrl, ss);
        connect(take(), sw, null);
        setPre(sw, pre);
        if (ctrl == null) {
            note(ss, "switch without controlling expression");
        }
        Target t = new Target(sw);
        targets.push(t);
        try {
            stmt(ss.getBody());
        } finally {
            targets.pop();
        }
        List<Port> out = take();
        out.addAll(t.breaks);
        if (!t.hasDefault) {
            out.add(new Port(sw, EdgeKind.DEFAULT, null, t.labels++));
        }
        frontier = out;
    }

    private void caseStmt(IASTStatement s, IASTExpression caseExpr) {
        Target sw = null;
        for (Target t : targets) {
            if (t.switchNode != null) {
                sw = t;
                break;
            }
        }
        if (sw == null) {
            note(s, (caseExpr == null ? "default" : "case") + " label outside a switch ignored");
            return;
        }
        if (caseExpr == null) {
            if (sw.hasDefault) {
                note(s, "second default label ignored");
                return;
            }
            sw.hasDefault = true;
            frontier.add(new Port(sw.switchNode, EdgeKind.DEFAULT, null, sw.labels++));
        } else {
            frontier.add(new Port(sw.switchNode, EdgeKind.CASE, caseExpr, sw.labels++));
        }
    }

    private void breakStmt(IASTStatement s) {
        Target t = targets.peek();
        if (t == null) {
            abandon(s, "break outside loop or switch (path abandoned)");
            return;
        }
        t.breaks.addAll(take());
    }

    private void continueStmt(IASTStatement s) {
        Target loop = null;
        for (Target t : targets) {
            if (t.switchNode == null) {
                loop = t;
                break;
            }
        }
        if (loop == null) {
            abandon(s, "continue outside loop (path abandoned)");
            return;
        }
        if (loop.continueNode != null) {
            connect(take(), loop.continueNode, EdgeKind.BACK);
        } else {
            loop.continues.addAll(take());
        }
    }

    private void gotoStmt(IASTGotoStatement gs) {
        IASTName n = gs.getName();
        String name = n == null ? "" : n.toString();
        CfgNode target = labels.get(name);
        if (target != null) {
            connect(take(), target, EdgeKind.GOTO);
        } else {
            pendingGotos.computeIfAbsent(name, k -> new ArrayList<>()).addAll(take());
            pendingGotoStatement.putIfAbsent(name, gs);
        }
    }

    private void computedGoto(IGNUASTGotoStatement gs) {
        List<IASTExpression> pre = lowerValue(gs.getLabelNameExpression());
        if (!pre.isEmpty()) {
            note(gs, "statement expression in computed goto target lowered without a consumer node");
        }
        computedGotos.add(gs);
        computedGotoPorts.addAll(take());
    }

    private void resolveComputedGotos() {
        if (computedGotos.isEmpty()) {
            return;
        }
        List<CfgNode> targetNodes = new ArrayList<>();
        for (String l : addressTakenLabels) {
            CfgNode t = labels.get(l);
            if (t != null) {
                targetNodes.add(t);
            }
        }
        for (IASTStatement g : computedGotos) {
            note(g, "computed goto approximated by edges to all " + targetNodes.size() + " address-taken labels");
        }
        if (targetNodes.isEmpty()) {
            frontier = new ArrayList<>(computedGotoPorts);
            abandon(computedGotos.get(0), "computed goto without address-taken labels (path abandoned)");
            return;
        }
        for (Port p : computedGotoPorts) {
            for (CfgNode t : targetNodes) {
                addEdge(p, t, p.kind() == EdgeKind.NORMAL ? EdgeKind.GOTO : p.kind());
            }
        }
    }

    private void label(IASTLabelStatement ls) {
        String name = ls.getName() == null ? "" : ls.getName().toString();
        CfgNode j = newNode(Kind.JOIN, null, ls);
        if (labels.containsKey(name)) {
            note(ls, "label `" + name + "` defined twice (local __label__?): gotos go to the nearest definition"
                    + " before them, else the next one");
        }
        labels.put(name, j);
        connect(take(), j, null);
        List<Port> pending = pendingGotos.remove(name);
        if (pending != null) {
            connect(pending, j, EdgeKind.GOTO);
        }
        frontier.add(new Port(j, EdgeKind.NORMAL, null));
    }

    private void returnStmt(IASTReturnStatement rs) {
        List<IASTExpression> pre = lowerValue(rs.getReturnValue());
        CfgNode n = emit(Kind.RETURN, rs, rs);
        setPre(n, pre);
        addEdge(n, exit, EdgeKind.NORMAL, null);
        frontier = new ArrayList<>();
    }

    // ---------------------------------------------------------------- conditions

    private static IASTExpression stripParens(IASTExpression e) {
        while (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary
                && u.getOperand() != null) {
            e = u.getOperand();
        }
        return e;
    }

    private static IASTExpression stripParensAndVoid(IASTExpression e) {
        while (true) {
            e = stripParens(e);
            if (e instanceof IASTCastExpression c && c.getOperand() != null && c.getTypeId() != null
                    && "void".equals(c.getTypeId().getRawSignature().trim())) {
                e = c.getOperand();
            } else {
                return e;
            }
        }
    }

    /**
     * Splits a condition evaluated at the current frontier into CONDITION nodes; returns the ports taken when it is
     * true / false. The frontier is empty afterwards.
     */
    private Branches cond(IASTExpression e, IASTStatement origin) {
        if (e == null) {
            CfgNode p = newNode(Kind.PROBLEM, origin, origin);
            connect(take(), p, null);
            note(origin, "missing condition: both branches assumed possible");
            return new Branches(new ArrayList<>(List.of(new Port(p, EdgeKind.NORMAL, null))),
                    new ArrayList<>(List.of(new Port(p, EdgeKind.NORMAL, null))));
        }
        IASTExpression x = stripParens(e);
        Long k = ConstEval.value(x);
        if (k != null) {
            List<Port> all = take();
            return k != 0 ? new Branches(all, new ArrayList<>()) : new Branches(new ArrayList<>(), all);
        }
        if (x instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not
                && u.getOperand() != null) {
            Branches b = cond(u.getOperand(), origin);
            return new Branches(b.f(), b.t());
        }
        if (x instanceof IASTBinaryExpression be && be.getOperand1() != null && be.getOperand2() != null) {
            IASTExpression op2 = be.getOperand2();
            if (be.getOperator() == IASTBinaryExpression.op_logicalAnd) {
                Branches a = cond(be.getOperand1(), origin);
                frontier = a.t();
                Branches b = cond(op2, origin);
                return new Branches(b.t(), concat(a.f(), b.f()));
            }
            if (be.getOperator() == IASTBinaryExpression.op_logicalOr) {
                Branches a = cond(be.getOperand1(), origin);
                frontier = a.f();
                Branches b = cond(op2, origin);
                return new Branches(concat(a.t(), b.t()), b.f());
            }
        }
        if (x instanceof IASTConditionalExpression ce && ce.getLogicalConditionExpression() != null
                && ce.getNegativeResultExpression() != null) {
            Branches c = cond(ce.getLogicalConditionExpression(), origin);
            if (ce.getPositiveResultExpression() == null) { // GNU c ?: y, true when c or y is
                frontier = c.f();
                Branches y = cond(ce.getNegativeResultExpression(), origin);
                return new Branches(concat(c.t(), y.t()), y.f());
            }
            frontier = c.t();
            Branches p = cond(ce.getPositiveResultExpression(), origin);
            frontier = c.f();
            Branches n = cond(ce.getNegativeResultExpression(), origin);
            return new Branches(concat(p.t(), n.t()), concat(p.f(), n.f()));
        }
        if (x instanceof IASTExpressionList list && list.getExpressions().length > 0) {
            IASTExpression[] xs = list.getExpressions();
            for (int i = 0; i < xs.length - 1; i++) {
                List<IASTExpression> pre = lowerValue(xs[i]);
                CfgNode s = emit(Kind.STATEMENT, xs[i], origin);
                setPre(s, pre);
                if (callsNoreturn(xs[i])) {
                    endsPath(s);
                }
            }
            return cond(xs[xs.length - 1], origin);
        }
        if (x instanceof IASTFunctionCallExpression fc && fc.getArguments().length >= 1
                && fc.getArguments()[0] instanceof IASTExpression a0 && isExpectWrapper(fc)) {
            return cond(a0, origin);
        }
        if (x instanceof IGNUASTCompoundStatementExpression se) {
            return condStatementExpression(se, origin);
        }
        List<IASTExpression> pre = lowerValue(x);
        CfgNode n = newNode(Kind.CONDITION, x, origin);
        connect(take(), n, null);
        setPre(n, pre);
        return new Branches(new ArrayList<>(List.of(new Port(n, EdgeKind.TRUE, null))),
                new ArrayList<>(List.of(new Port(n, EdgeKind.FALSE, null))));
    }

    private boolean isExpectWrapper(IASTFunctionCallExpression fc) {
        String name = calleeName(fc);
        return name != null && options.expectWrappers().contains(name);
    }

    /** A statement expression used as a condition: its statements, then its value expression as the condition. */
    private Branches condStatementExpression(IGNUASTCompoundStatementExpression se, IASTStatement origin) {
        Lowering l = new Lowering(se);
        lowered.put(se, l);
        Branches b = condStatementExpression(se, l, origin);
        loweredOrder.add(l); // after the statement expressions nested in it
        return b;
    }

    private Branches condStatementExpression(IGNUASTCompoundStatementExpression se, Lowering l,
            IASTStatement origin) {
        IASTCompoundStatement cs = se.getCompoundStatement();
        IASTStatement[] st = cs == null ? new IASTStatement[0] : cs.getStatements();
        LabelScope scope = openLabelScope(st);
        try {
            return condStatementExpressionBody(se, l, st, origin);
        } finally {
            closeLabelScope(scope);
        }
    }

    private Branches condStatementExpressionBody(IGNUASTCompoundStatementExpression se, Lowering l,
            IASTStatement[] st, IASTStatement origin) {
        int last = block(st, true);
        if (last < st.length) {
            IASTStatement s = unwrapLabels(st[last]);
            if (s instanceof IASTExpressionStatement es && es.getExpression() != null) {
                int mark = nodes.size();
                Branches b = cond(es.getExpression(), origin);
                l.value = es.getExpression();
                l.valueNode = firstConditionWithin(mark, l.value);
                return b;
            }
            stmt(s);
        }
        // no value: an opaque test of the whole statement expression
        note(se, "statement expression without value used as a condition");
        CfgNode n = newNode(Kind.CONDITION, se, origin);
        connect(take(), n, null);
        setPre(n, List.of(se));
        return new Branches(new ArrayList<>(List.of(new Port(n, EdgeKind.TRUE, null))),
                new ArrayList<>(List.of(new Port(n, EdgeKind.FALSE, null))));
    }

    /** The first CONDITION node created since {@code mark} that tests a part of {@code value}. */
    private CfgNode firstConditionWithin(int mark, IASTNode value) {
        for (int i = mark; i < nodes.size(); i++) {
            CfgNode n = nodes.get(i);
            if (n.kind() == Kind.CONDITION) {
                for (IASTNode p = n.ast(); p != null; p = p.getParent()) {
                    if (p == value) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    /** Emits the JOINs of labels around a statement and returns the innermost statement. */
    private IASTStatement unwrapLabels(IASTStatement s) {
        while (s instanceof IASTLabelStatement ls) {
            label(ls);
            s = ls.getNestedStatement();
        }
        return s;
    }

    // ---------------------------------------------------------------- statement-expression lowering

    private List<IASTExpression> lowerValue(IASTNode n) {
        if (n == null || !seAncestors.contains(n)) {
            return List.of();
        }
        List<IASTExpression> pre = new ArrayList<>();
        lowerInto(n, pre);
        return pre;
    }

    /**
     * Emits the statements of the statement expressions inside {@code n} (an expression or initializer evaluated
     * at the current frontier), in evaluation order; adds to {@code pre} the sub-expressions so evaluated.
     */
    private void lowerInto(IASTNode n, List<IASTExpression> pre) {
        if (n == null || !seAncestors.contains(n)) {
            return;
        }
        if (n instanceof IGNUASTCompoundStatementExpression se) {
            lowerStatementExpression(se);
            pre.add(se);
            return;
        }
        if (n instanceof IASTConditionalExpression ce && ce.getLogicalConditionExpression() != null
                && (seAncestors.contains(ce.getPositiveResultExpression())
                        || seAncestors.contains(ce.getNegativeResultExpression()))) {
            IASTExpression c = ce.getLogicalConditionExpression();
            Branches b = cond(c, current);
            pre.add(c);
            frontier = b.t();
            lowerInto(ce.getPositiveResultExpression(), pre);
            List<Port> tEnd = take();
            frontier = b.f();
            lowerInto(ce.getNegativeResultExpression(), pre);
            frontier = concat(tEnd, frontier);
            return;
        }
        if (n instanceof IASTBinaryExpression be && be.getOperand1() != null
                && (be.getOperator() == IASTBinaryExpression.op_logicalAnd
                        || be.getOperator() == IASTBinaryExpression.op_logicalOr)
                && seAncestors.contains(be.getOperand2())) {
            boolean and = be.getOperator() == IASTBinaryExpression.op_logicalAnd;
            Branches b = cond(be.getOperand1(), current);
            pre.add(be.getOperand1());
            List<Port> skip = and ? b.f() : b.t();
            frontier = and ? b.t() : b.f();
            lowerInto(be.getOperand2(), pre);
            frontier = concat(frontier, skip);
            return;
        }
        if (n instanceof IASTUnaryExpression u && (u.getOperator() == IASTUnaryExpression.op_sizeof
                || u.getOperator() == IASTUnaryExpression.op_typeof
                || u.getOperator() == IASTUnaryExpression.op_alignOf)) {
            return;
        }
        if (n instanceof IASTTypeIdExpression || n instanceof IASTTypeId || n instanceof IASTDeclSpecifier) {
            return;
        }
        if (n instanceof IASTFunctionCallExpression fc) {
            String name = calleeName(fc);
            if (name != null && NOT_EVALUATED.contains(name)) {
                return;
            }
            IASTInitializerClause[] args = fc.getArguments();
            if ("__builtin_choose_expr".equals(name) && args.length == 3) {
                // only one operand is evaluated: the chosen one when the constant folds here, else both
                // are lowered one after the other (min()/max() have statement expressions in one arm only)
                lowerInto(args[0], pre);
                Long k = args[0] instanceof IASTExpression c ? ConstEval.value(c) : null;
                if (k != null) {
                    lowerInto(k != 0 ? args[1] : args[2], pre);
                    return;
                }
                if (seAncestors.contains(args[1]) && seAncestors.contains(args[2])) {
                    note(fc, "__builtin_choose_expr: statement expressions of both operands lowered in sequence");
                }
                lowerInto(args[1], pre);
                lowerInto(args[2], pre);
                return;
            }
        }
        for (IASTNode c : n.getChildren()) {
            lowerInto(c, pre);
        }
    }

    private Lowering lowerStatementExpression(IGNUASTCompoundStatementExpression se) {
        Lowering l = new Lowering(se);
        lowered.put(se, l);
        IASTCompoundStatement cs = se.getCompoundStatement();
        IASTStatement[] st = cs == null ? new IASTStatement[0] : cs.getStatements();
        LabelScope scope = openLabelScope(st);
        int last = block(st, true);
        if (last < st.length) {
            IASTStatement saved = current;
            current = st[last];
            try {
                IASTStatement s = unwrapLabels(st[last]);
                if (s instanceof IASTExpressionStatement es && es.getExpression() != null) {
                    current = es;
                    CfgNode node = exprStmt(es);
                    if (stripParens(es.getExpression()) instanceof IGNUASTCompoundStatementExpression inner
                            && lowered.get(inner) != null && node == null) {
                        Lowering il = lowered.get(inner);
                        l.value = il.value;
                        l.valueNode = il.valueNode;
                    } else if (node == null) {
                        l.value = null; // `(void)({ ... })`
                    } else {
                        l.value = es.getExpression();
                        l.valueNode = node;
                    }
                } else {
                    stmt(s);
                }
            } catch (RuntimeException e) {
                emit(Kind.PROBLEM, st[last], st[last]);
                note(st[last], "internal error, statement kept opaque: " + e);
            } finally {
                current = saved;
            }
        }
        closeLabelScope(scope);
        loweredOrder.add(l); // after the statement expressions nested in it
        return l;
    }

    // ---------------------------------------------------------------- calls

    private static String calleeName(IASTFunctionCallExpression fc) {
        IASTExpression f = stripParens(fc.getFunctionNameExpression());
        if (f instanceof IASTIdExpression id && id.getName() != null) {
            return id.getName().toString();
        }
        return null;
    }

    /** Whether evaluating {@code e} surely calls a never-returning function (statement-level operands only). */
    private boolean callsNoreturn(IASTExpression e) {
        e = stripParens(e);
        if (e instanceof IASTCastExpression c) {
            return c.getOperand() != null && callsNoreturn(c.getOperand());
        }
        if (e instanceof IASTFunctionCallExpression fc) {
            String name = calleeName(fc);
            if (name != null) {
                if (NOT_EVALUATED.contains(name)) {
                    return false;
                }
                if (options.noreturnFunctions().contains(name)) {
                    return true;
                }
                if (options.noreturnAttribute() && declaredNoreturn(name)) {
                    return true;
                }
            }
            for (IASTInitializerClause a : fc.getArguments()) {
                if (a instanceof IASTExpression ax && callsNoreturn(ax)) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof IASTExpressionList list) {
            for (IASTExpression x : list.getExpressions()) {
                if (callsNoreturn(x)) {
                    return true;
                }
            }
            return false;
        }
        if (e instanceof IASTBinaryExpression be) {
            if (be.getOperand1() != null && callsNoreturn(be.getOperand1())) {
                return true;
            }
            int op = be.getOperator();
            return op != IASTBinaryExpression.op_logicalAnd && op != IASTBinaryExpression.op_logicalOr
                    && be.getOperand2() != null && callsNoreturn(be.getOperand2());
        }
        if (e instanceof IASTUnaryExpression u) {
            int op = u.getOperator();
            return op != IASTUnaryExpression.op_sizeof && op != IASTUnaryExpression.op_typeof
                    && op != IASTUnaryExpression.op_alignOf && u.getOperand() != null
                    && callsNoreturn(u.getOperand());
        }
        if (e instanceof IASTConditionalExpression ce) {
            if (ce.getLogicalConditionExpression() != null && callsNoreturn(ce.getLogicalConditionExpression())) {
                return true;
            }
            return ce.getPositiveResultExpression() != null && ce.getNegativeResultExpression() != null
                    && callsNoreturn(ce.getPositiveResultExpression())
                    && callsNoreturn(ce.getNegativeResultExpression());
        }
        return false;
    }

    /** The callee is declared at file scope of this translation unit with the noreturn attribute. */
    private boolean declaredNoreturn(String name) {
        IASTTranslationUnit tu = fn.getTranslationUnit();
        if (tu == null) {
            return false;
        }
        if (noreturnDeclared == null) {
            noreturnDeclared = NoreturnIndex.of(tu);
        }
        return noreturnDeclared.isNoreturn(tu, name);
    }

    private static String shortText(IASTNode n) {
        String t = CfgNode.text(n);
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    // ---------------------------------------------------------------- constants

    /** Integer constant expressions of literals, as far as conditions need them. */
    static final class ConstEval {
        private ConstEval() {
        }

        static Long value(IASTExpression e) {
            if (e == null) {
                return null;
            }
            if (e instanceof IASTLiteralExpression lit) {
                return lit.getKind() == IASTLiteralExpression.lk_integer_constant ? parse(lit.getValue()) : null;
            }
            if (e instanceof IASTIdExpression id) {
                // the kernel defines true and false as 1 and 0 (include/linux/stddef.h, stdbool)
                String s = id.getName() == null ? "" : id.getName().toString();
                return s.equals("true") ? Long.valueOf(1) : s.equals("false") ? Long.valueOf(0) : null;
            }
            if (e instanceof IASTUnaryExpression u) {
                Long v = value(u.getOperand());
                if (v == null) {
                    return null;
                }
                return switch (u.getOperator()) {
                    case IASTUnaryExpression.op_bracketedPrimary, IASTUnaryExpression.op_plus -> v;
                    case IASTUnaryExpression.op_not -> v == 0 ? 1L : 0L;
                    case IASTUnaryExpression.op_minus -> -v;
                    case IASTUnaryExpression.op_tilde -> ~v;
                    default -> null;
                };
            }
            if (e instanceof IASTBinaryExpression b && b.getOperand2() != null) {
                IASTExpression o2 = b.getOperand2();
                Long l = value(b.getOperand1());
                int op = b.getOperator();
                if (op == IASTBinaryExpression.op_logicalAnd) {
                    if (l != null && l == 0) {
                        return 0L;
                    }
                    Long r = value(o2);
                    return l == null || r == null ? null : (r != 0 ? 1L : 0L);
                }
                if (op == IASTBinaryExpression.op_logicalOr) {
                    if (l != null && l != 0) {
                        return 1L;
                    }
                    Long r = value(o2);
                    return l == null || r == null ? null : (r != 0 ? 1L : 0L);
                }
                if (l == null) {
                    return null;
                }
                Long r = value(o2);
                if (r == null) {
                    return null;
                }
                long a = l;
                long c = r;
                return switch (op) {
                    case IASTBinaryExpression.op_plus -> a + c;
                    case IASTBinaryExpression.op_minus -> a - c;
                    case IASTBinaryExpression.op_multiply -> a * c;
                    case IASTBinaryExpression.op_divide -> c == 0 ? null : a / c;
                    case IASTBinaryExpression.op_modulo -> c == 0 ? null : a % c;
                    case IASTBinaryExpression.op_shiftLeft -> c < 0 || c > 63 ? null : a << c;
                    case IASTBinaryExpression.op_shiftRight -> c < 0 || c > 63 ? null : a >> c;
                    case IASTBinaryExpression.op_binaryAnd -> a & c;
                    case IASTBinaryExpression.op_binaryOr -> a | c;
                    case IASTBinaryExpression.op_binaryXor -> a ^ c;
                    case IASTBinaryExpression.op_lessThan -> a < c ? 1L : 0L;
                    case IASTBinaryExpression.op_greaterThan -> a > c ? 1L : 0L;
                    case IASTBinaryExpression.op_lessEqual -> a <= c ? 1L : 0L;
                    case IASTBinaryExpression.op_greaterEqual -> a >= c ? 1L : 0L;
                    case IASTBinaryExpression.op_equals -> a == c ? 1L : 0L;
                    case IASTBinaryExpression.op_notequals -> a != c ? 1L : 0L;
                    default -> null;
                };
            }
            if (e instanceof IASTConditionalExpression ce) {
                Long c = value(ce.getLogicalConditionExpression());
                if (c == null) {
                    return null;
                }
                if (c != 0) {
                    return ce.getPositiveResultExpression() == null ? c : value(ce.getPositiveResultExpression());
                }
                return value(ce.getNegativeResultExpression());
            }
            return null;
        }

        static Long parse(char[] chars) {
            String s = new String(chars).replace("'", "");
            int end = s.length();
            while (end > 0 && "uUlL".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            s = s.substring(0, end);
            try {
                if (s.startsWith("0x") || s.startsWith("0X")) {
                    return Long.parseUnsignedLong(s.substring(2), 16);
                }
                if (s.startsWith("0b") || s.startsWith("0B")) {
                    return Long.parseUnsignedLong(s.substring(2), 2);
                }
                if (s.length() > 1 && s.startsWith("0")) {
                    return Long.parseUnsignedLong(s.substring(1), 8);
                }
                return Long.parseUnsignedLong(s);
            } catch (NumberFormatException ex) {
                return null;
            }
        }
    }
}
