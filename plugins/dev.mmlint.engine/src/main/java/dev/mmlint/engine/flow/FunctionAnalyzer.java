package dev.mmlint.engine.flow;

import dev.mmlint.cfg.Cfg;
import dev.mmlint.cfg.CfgEdge;
import dev.mmlint.cfg.CfgNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArrayDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTElaboratedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;

/**
 * Runs the page-state dataflow over one function's CFG to a fixpoint, then replays every reachable
 * node once with its fixpoint state so that each fact is reported exactly once.
 */
public final class FunctionAnalyzer {
    /** A fixpoint that has not settled after this many sweeps is abandoned (and said so). */
    private static final int MAX_SWEEPS = 30;
    /** Sweeps after which states are accumulated (joined with the previous state of the node). */
    private static final int WIDEN_AFTER = 6;
    /**
     * A sweep runs a node again only when its input state differs from the one of its last run: the
     * transfer of a node is a function of the node and its input state while the fixpoint is sought
     * (no sink: nothing is reported or learned), so the output would be the same. Same sweeps, same
     * states, same results as running every node in every sweep, with less work (a fifth of
     * mm/memory.c's analysis). {@code -Dmmlint.checkSkippedNodes=true} (on in every module's surefire
     * tests, the checks module's running every fixture) runs a skipped node all the same and fails (an
     * error no analysis catches) when its output differs.
     */
    static final boolean CHECK_SKIPPED = Boolean.getBoolean("mmlint.checkSkippedNodes");

    public record Outcome(boolean converged, int sweeps) {}

    private FunctionAnalyzer() {}

    public static Outcome run(Cfg cfg, Transfer t, Transfer.Sink sink) {
        List<CfgNode> order = cfg.reversePostOrder();
        Map<Integer, FlowState> out = new HashMap<>();
        Map<Integer, FlowState> in = new HashMap<>();
        FlowState entry = t.entryState();
        boolean changed = true;
        int sweeps = 0;
        while (changed && sweeps < MAX_SWEEPS) {
            changed = false;
            sweeps++;
            for (CfgNode n : order) {
                dev.mmlint.frontend.Budget.checkCurrent(); // the file's and the function's time budgets
                FlowState s = n == cfg.entry() ? entry : inState(n, out, t);
                if (s == null) continue; // not reached yet
                // widening: after a few sweeps a node's state only grows, so loops settle
                if (sweeps > WIDEN_AFTER && in.containsKey(n.id())) s = in.get(n.id()).join(s);
                FlowState before = in.put(n.id(), s);
                if (before != null && out.containsKey(n.id()) && before.equals(s)) {
                    // the node's input is what it was at its last run: so is its output
                    if (CHECK_SKIPPED && !t.node(n, s).equals(out.get(n.id())))
                        throw new AssertionError("node " + n.id() + " of " + cfg.function().getDeclarator().getName()
                                + " gave another output for the same input");
                    continue;
                }
                FlowState o = t.node(n, s);
                if (!o.equals(out.get(n.id()))) {
                    out.put(n.id(), o);
                    changed = true;
                }
            }
        }
        t.setSink(sink);
        try {
            for (CfgNode n : order) {
                dev.mmlint.frontend.Budget.checkCurrent();
                FlowState s = in.get(n.id());
                if (s == null) continue;
                if (n == cfg.exit()) {
                    // falling off the end of the function (not through a return statement)
                    FlowState fall = null;
                    for (CfgEdge e : n.predecessors()) {
                        if (e.kind() == CfgEdge.EdgeKind.EXCEPTIONAL_NONE || e.from().kind() == CfgNode.Kind.RETURN) continue;
                        FlowState o = out.get(e.from().id());
                        if (o != null) fall = fall == null ? t.edge(e, o) : fall.join(t.edge(e, o));
                    }
                    if (fall != null) t.leaks(cfg.function().getBody() == null ? cfg.function() : lastChild(cfg.function()), null, fall);
                    continue;
                }
                t.node(n, s);
            }
            t.finish();
        } finally {
            t.setSink(null);
        }
        return new Outcome(!changed, sweeps);
    }

    private static org.eclipse.cdt.core.dom.ast.IASTNode lastChild(IASTFunctionDefinition f) {
        var body = f.getBody();
        var kids = body.getChildren();
        return kids.length == 0 ? body : kids[kids.length - 1];
    }

    private static FlowState inState(CfgNode n, Map<Integer, FlowState> out, Transfer t) {
        FlowState acc = null;
        for (CfgEdge e : n.predecessors()) {
            FlowState o = out.get(e.from().id());
            if (o == null) continue;
            FlowState r = t.edge(e, o);
            acc = acc == null ? r : acc.join(r);
        }
        return acc;
    }

    // ------------------------------------------------------------------ declarations

    /** Which names of a function are pages, folios, page arrays and locals, from their declarations. */
    public static Transfer.FunctionFacts facts(IASTFunctionDefinition fn) {
        Map<String, Integer> params = new HashMap<>();
        Set<String> pages = new HashSet<>(), folios = new HashSet<>(), arrays = new HashSet<>(), localArrays = new HashSet<>(),
                locals = new HashSet<>(), entries = new HashSet<>(), flags = new HashSet<>();
        if (fn.getDeclarator() instanceof IASTStandardFunctionDeclarator fd) {
            IASTParameterDeclaration[] ps = fd.getParameters();
            for (int i = 0; i < ps.length; i++) {
                IASTDeclarator d = ps[i].getDeclarator();
                String name = innermost(d).getName().toString();
                if (name.isEmpty()) continue;
                params.put(name, i);
                classify(ps[i].getDeclSpecifier(), d, name, pages, folios, arrays);
                if (isBool(ps[i].getDeclSpecifier(), d)) flags.add(name);
                if (isEntry(ps[i].getDeclSpecifier(), d)) entries.add(name);
            }
        }
        fn.getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTDeclaration decl) {
                if (decl instanceof IASTSimpleDeclaration sd) {
                    for (IASTDeclarator d : sd.getDeclarators()) {
                        String name = innermost(d).getName().toString();
                        locals.add(name);
                        params.remove(name); // a local shadowing a parameter
                        flags.remove(name);
                        String kind = classify(sd.getDeclSpecifier(), d, name, pages, folios, arrays);
                        if (isEntry(sd.getDeclSpecifier(), d)) entries.add(name);
                        if ("array".equals(kind) && (d instanceof IASTArrayDeclarator
                                || d.getInitializer() instanceof IASTEqualsInitializer ei && ei.getInitializerClause() instanceof IASTFunctionCallExpression))
                            localArrays.add(name);
                    }
                }
                return PROCESS_CONTINUE;
            }
        });
        // a local array of pages given memory of its own in the body (pages = kmalloc_array(...), or
        // (struct page **)__get_free_page(...)): its entries are this function's as much as a declared array's
        fn.getBody().accept(new ASTVisitor(true) {
            { shouldVisitExpressions = true; }
            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTExpression e) {
                if (e instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b
                        && b.getOperator() == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_assign
                        && b.getOperand1() instanceof org.eclipse.cdt.core.dom.ast.IASTIdExpression id
                        && Ast.strip(b.getOperand2()) instanceof IASTFunctionCallExpression) {
                    String name = id.getName().toString();
                    if (arrays.contains(name) && locals.contains(name) && !params.containsKey(name)) localArrays.add(name);
                }
                return PROCESS_CONTINUE;
            }
        });
        return new Transfer.FunctionFacts(params, pages, folios, arrays, localArrays, locals, entries, flags);
    }

    /** A truth value: declared bool or _Bool (not a pointer to one). */
    private static boolean isBool(IASTDeclSpecifier spec, IASTDeclarator d) {
        for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) if (x.getPointerOperators().length > 0) return false;
        if (spec instanceof org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier nt) return nt.getName().toString().equals("bool");
        return spec instanceof org.eclipse.cdt.core.dom.ast.IASTSimpleDeclSpecifier s
                && s.getType() == org.eclipse.cdt.core.dom.ast.IASTSimpleDeclSpecifier.t_bool;
    }

    /** A page-table entry value: declared pte_t, pmd_t or pud_t (not a pointer to one). */
    private static boolean isEntry(IASTDeclSpecifier spec, IASTDeclarator d) {
        if (!(spec instanceof org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier nt)) return false;
        String t = nt.getName().toString();
        if (!t.equals("pte_t") && !t.equals("pmd_t") && !t.equals("pud_t")) return false;
        for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) if (x.getPointerOperators().length > 0) return false;
        return true;
    }

    private static IASTDeclarator innermost(IASTDeclarator d) {
        while (d.getNestedDeclarator() != null) d = d.getNestedDeclarator();
        return d;
    }

    /** @return "page", "folio", "array" or null */
    private static String classify(IASTDeclSpecifier spec, IASTDeclarator d, String name, Set<String> pages, Set<String> folios,
                                   Set<String> arrays) {
        if (!(spec instanceof IASTElaboratedTypeSpecifier et) || et.getKind() != IASTElaboratedTypeSpecifier.k_struct) return null;
        String tag = et.getName().toString();
        int ptrs = 0;
        boolean array = false;
        for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) {
            ptrs += x.getPointerOperators().length;
            array |= x instanceof IASTArrayDeclarator;
        }
        if (tag.equals("page")) {
            if (ptrs == 1 && !array) { pages.add(name); return "page"; }
            if ((ptrs == 2 && !array) || (ptrs == 1 && array)) { arrays.add(name); return "array"; }
        } else if (tag.equals("folio") && ptrs == 1 && !array) {
            folios.add(name);
            return "folio";
        }
        return null;
    }
}
