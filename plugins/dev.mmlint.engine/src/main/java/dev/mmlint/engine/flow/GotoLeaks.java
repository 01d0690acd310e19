package dev.mmlint.engine.flow;

import dev.mmlint.cfg.CfgEdge;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.Map;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTGotoStatement;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * References of a local GUP array that a {@code goto} carries to an exit path that never names the array
 * again (MM007): the kernel's error exits ({@code out:}, {@code free:}) release what they know about, and
 * a batch that jumps there holding pages nobody will release leaks them. The leak is the jump's, not the
 * shared return's: the fix goes before the {@code goto}, so the finding is reported there. Where the exit
 * path names the array (a release, a hand-over) the return judges it as usual; freeing the array's memory
 * ({@code frees_memory}: kfree(pages)) does not release its entries.
 */
final class GotoLeaks {
    private GotoLeaks() { }

    /** The goto statement edge {@code e} implements, or null when it is not a jump to a label. */
    static IASTGotoStatement jump(CfgEdge e) {
        if (!(e.to().origin() instanceof IASTLabelStatement ls)) return null;
        String label = ls.getName().toString();
        IASTNode from = e.from().ast();
        if (from == null) return null;
        if (e.kind() == CfgEdge.EdgeKind.TRUE || e.kind() == CfgEdge.EdgeKind.FALSE) {
            // if (cond) goto out;  /  if (cond) ...; else goto out;  the graph tests x of if (!x) with its edges
            // swapped, so climb the negations (and parentheses) to the condition, each one swapping the arm
            boolean truth = e.kind() == CfgEdge.EdgeKind.TRUE;
            while (from.getParent() instanceof IASTUnaryExpression u
                    && (u.getOperator() == IASTUnaryExpression.op_not || u.getOperator() == IASTUnaryExpression.op_bracketedPrimary)) {
                if (u.getOperator() == IASTUnaryExpression.op_not) truth = !truth;
                from = u;
            }
            if (!(from.getParent() instanceof IASTIfStatement is) || is.getConditionExpression() != from) return null;
            IASTStatement arm = truth ? is.getThenClause() : is.getElseClause();
            // if (cond) { goto out; }
            if (arm instanceof IASTCompoundStatement b && b.getStatements().length > 0) arm = b.getStatements()[0];
            return arm instanceof IASTGotoStatement g && label.equals(g.getName().toString()) ? g : null;
        }
        if (e.kind() != CfgEdge.EdgeKind.GOTO) return null;
        // ...; goto out;  the statement that follows the edge's source in its block
        IASTStatement st = e.from().origin();
        if (st == null || !(st.getParent() instanceof IASTCompoundStatement block)) return null;
        IASTStatement[] ss = block.getStatements();
        for (int i = 0; i + 1 < ss.length; i++)
            if (ss[i] == st) return ss[i + 1] instanceof IASTGotoStatement g && label.equals(g.getName().toString()) ? g : null;
        return null;
    }

    /**
     * Whether the code from label {@code ls} to the end of its function names {@code array} other than as
     * the memory a {@code frees_memory} call frees.
     */
    static boolean exitNames(IASTLabelStatement ls, String array, ApiKnowledge kb) {
        IASTNode f = ls;
        while (f != null && !(f instanceof IASTFunctionDefinition)) f = f.getParent();
        if (f == null) return true;
        int from = ls.getFileLocation() == null ? 0 : ls.getFileLocation().getNodeOffset();
        boolean[] named = {false};
        java.util.Set<String> names = handles(((IASTFunctionDefinition) f).getBody(), array);
        ((IASTFunctionDefinition) f).getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) {
                if (named[0]) return PROCESS_ABORT;
                if (x instanceof IASTIdExpression id && names.contains(id.getName().toString()) && x.getFileLocation() != null
                        && x.getFileLocation().getNodeOffset() >= from && !freed(id, kb)) named[0] = true;
                return PROCESS_CONTINUE;
            }
        });
        return named[0];
    }

    /**
     * {@code array} and the pointer variables the function derives from it: {@code folio = page_folio(page)},
     * {@code head = compound_head(pages[0])}, {@code p = page} (a pointer assigned, or initialised, from the
     * array or from a one-argument call on it or on one of its entries), transitively. An exit path that
     * names such a handle (folio_put(folio) at {@code out:}) releases through it as the return judges it;
     * a scalar derived from the array (a pfn, a count) is no handle.
     */
    static java.util.Set<String> handles(IASTStatement body, String array) {
        java.util.Set<String> names = new java.util.HashSet<>(java.util.List.of(array));
        java.util.List<String[]> pairs = new java.util.ArrayList<>();
        body.accept(new ASTVisitor(true) {
            { shouldVisitDeclarators = true; }
            @Override public int visit(IASTExpression x) {
                if (x instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b
                        && b.getOperator() == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_assign
                        && Ast.strip(b.getOperand1()) instanceof IASTIdExpression lhs && pointer(lhs.getExpressionType())) {
                    String src = source(b.getOperand2());
                    if (src != null) pairs.add(new String[] {lhs.getName().toString(), src});
                }
                return PROCESS_CONTINUE;
            }
            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTDeclarator d) {
                if (d.getInitializer() instanceof org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer eq
                        && eq.getInitializerClause() instanceof IASTExpression init
                        && d.getName().resolveBinding() instanceof org.eclipse.cdt.core.dom.ast.IVariable v && pointer(v.getType())) {
                    String src = source(init);
                    if (src != null) pairs.add(new String[] {d.getName().toString(), src});
                }
                return PROCESS_CONTINUE;
            }
        });
        for (boolean grew = true; grew; ) {
            grew = false;
            for (String[] p : pairs) if (names.contains(p[1]) && names.add(p[0])) grew = true;
        }
        return names;
    }

    private static boolean pointer(org.eclipse.cdt.core.dom.ast.IType t) {
        while (t instanceof org.eclipse.cdt.core.dom.ast.ITypedef td) t = td.getType();
        return t instanceof org.eclipse.cdt.core.dom.ast.IPointerType;
    }

    /** The variable {@code x} is (through casts), an entry or dereference of it, or the one argument of a call on either; else null. */
    private static String source(IASTExpression x) {
        IASTExpression e = Ast.strip(x);
        if (e instanceof IASTFunctionCallExpression call) {
            if (call.getArguments().length != 1 || !(call.getArguments()[0] instanceof IASTExpression a)) return null;
            e = Ast.strip(a);
        }
        if (e instanceof org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression s) e = Ast.strip(s.getArrayExpression());
        else if (e instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression u
                && u.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_star) e = Ast.strip(u.getOperand());
        return e instanceof IASTIdExpression id ? id.getName().toString() : null;
    }

    /**
     * Whether the code from label {@code ls} to the end of its function frees the memory of the array held in
     * field {@code path} ({@code kfree(region->pages)}) and otherwise names neither that field (a store into it
     * aside) nor the structure it is held in as a whole ({@code cleanup(region)}, which may release it; freeing
     * the structure's memory, {@code kfree(region)}, releases nothing it holds). A
     * field outlives the function: where the exit path leaves it alone its references are the structure's
     * owner's business; freed without a release, they leak.
     */
    static boolean exitFreesOnly(IASTLabelStatement ls, String path, ApiKnowledge kb) {
        IASTNode f = ls;
        while (f != null && !(f instanceof IASTFunctionDefinition)) f = f.getParent();
        if (f == null) return false;
        int from = ls.getFileLocation() == null ? 0 : ls.getFileLocation().getNodeOffset();
        String root = Ast.root(path);
        boolean[] freedHere = {false}, named = {false};
        ((IASTFunctionDefinition) f).getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) {
                if (named[0]) return PROCESS_ABORT;
                if (x.getFileLocation() == null || x.getFileLocation().getNodeOffset() < from) return PROCESS_CONTINUE;
                if (x instanceof IASTIdExpression id && id.getName().toString().equals(root) && !(x.getParent() instanceof org.eclipse.cdt.core.dom.ast.IASTFieldReference)
                        && !(x.getParent() instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star)) {
                    // the structure's memory freed whole (kfree(acd)) releases none of the pages its fields hold
                    if (freed(id, kb)) return PROCESS_CONTINUE;
                    named[0] = true; // the structure itself, handed on or reassigned
                    return PROCESS_ABORT;
                }
                if (!(x instanceof org.eclipse.cdt.core.dom.ast.IASTFieldReference || x instanceof IASTUnaryExpression)) return PROCESS_CONTINUE;
                if (!path.equals(Ast.path(x))) return PROCESS_CONTINUE;
                if (freed(x, kb)) freedHere[0] = true;
                else if (!stored(x) && !tested(x)) named[0] = true;
                return PROCESS_SKIP;
            }
        });
        return freedHere[0] && !named[0];
    }

    /** {@code x} is only tested for NULL ({@code if (region->pages)}, {@code !region->pages}, {@code == NULL}). */
    private static boolean tested(IASTExpression x) {
        IASTNode n = x;
        while (n.getParent() instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) n = n.getParent();
        IASTNode p = n.getParent();
        if (p instanceof IASTIfStatement is && is.getConditionExpression() == n) return true;
        if (p instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) return true;
        return Ast.onlyCompared(x);
    }

    /** {@code x} is (through parentheses) the left side of an assignment. */
    private static boolean stored(IASTExpression x) {
        IASTNode n = x;
        while (n.getParent() instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) n = n.getParent();
        return n.getParent() instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b
                && b.getOperator() == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_assign && b.getOperand1() == n;
    }

    /** The arrays of {@code g} held in fields (not this function's own) that hold references here, by name. */
    static Map<String, ArrayHold> heldInFields(GupFacts g) {
        Map<String, ArrayHold> out = new java.util.TreeMap<>();
        for (Map.Entry<String, ArrayHold> a : g.sorted().entrySet())
            if (!a.getValue().local() && a.getValue().holding() && Ast.isFieldPath(a.getKey())) out.put(a.getKey(), a.getValue());
        return out;
    }

    /** {@code id} is (through casts) the argument of a call that frees the memory it points to. */
    static boolean freed(IASTExpression id, ApiKnowledge kb) {
        IASTNode n = id;
        while (n.getParent() instanceof IASTExpression p && Ast.strip(p) == id && !(p instanceof IASTFunctionCallExpression)) n = p;
        if (!(n.getParent() instanceof IASTFunctionCallExpression call)) return false;
        String fn = Ast.name(call.getFunctionNameExpression());
        if (fn == null) return false;
        IASTInitializerClause[] args = call.getArguments();
        int k = -1;
        for (int i = 0; i < args.length; i++) if (args[i] == n) k = i;
        Optional<ApiEffect> ef = kb.call(fn);
        if (k < 0 || ef.isEmpty()) return false;
        for (ArgEffect a : ef.get().args()) if (a.index() == k && a.kind() == ArgEffect.Kind.FREES_MEMORY) return true;
        return false;
    }

    /** The local arrays of {@code g} that hold references here, by name. */
    static Map<String, ArrayHold> held(GupFacts g) {
        Map<String, ArrayHold> out = new java.util.TreeMap<>();
        for (Map.Entry<String, ArrayHold> a : g.sorted().entrySet())
            if (a.getValue().local() && a.getValue().holding()) out.put(a.getKey(), a.getValue());
        return out;
    }
}
