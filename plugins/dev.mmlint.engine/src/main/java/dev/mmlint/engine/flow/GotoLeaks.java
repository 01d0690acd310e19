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
            // if (cond) goto out;  /  if (cond) ...; else goto out;
            if (!(from.getParent() instanceof IASTIfStatement is) || is.getConditionExpression() != from) return null;
            IASTStatement arm = e.kind() == CfgEdge.EdgeKind.TRUE ? is.getThenClause() : is.getElseClause();
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
        ((IASTFunctionDefinition) f).getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) {
                if (named[0]) return PROCESS_ABORT;
                if (x instanceof IASTIdExpression id && array.equals(id.getName().toString()) && x.getFileLocation() != null
                        && x.getFileLocation().getNodeOffset() >= from && !freed(id, kb)) named[0] = true;
                return PROCESS_CONTINUE;
            }
        });
        return named[0];
    }

    /** {@code id} is (through casts) the argument of a call that frees the memory it points to. */
    private static boolean freed(IASTIdExpression id, ApiKnowledge kb) {
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
