package dev.mmlint.engine.flow;

import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.frontend.SourceText;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;

/**
 * The extents of the file's own pointer variables that its functions fill from an allocation the model says
 * may exceed a buddy block ({@code return: unbounded_range}: memblock_alloc(), alloc_contig_pages()):
 * {@code pool = memblock_alloc(size, align)} in one function, {@code virt_to_page(pool) + i} in another. A
 * name assigned so by any function of the unit, and neither a local nor a parameter there, is a file-scope
 * variable (declared in the file or in a header); every function that reads it without declaring its own
 * starts with it pointing into that range: one store of such a range is enough for it to be there when the
 * function runs (the function that fills it at boot is seldom the one that walks it).
 */
public final class FileRanges {
    private FileRanges() {}

    /** File-scope variable -> the extent of the range some function of the unit stores in it (the first such store). */
    public static Map<String, Bound> scan(ApiKnowledge kb, WrittenView view, SourceText text, Map<String, IASTFunctionDefinition> fns,
                                          Map<String, Transfer.FunctionFacts> facts) {
        Map<String, Bound> out = new HashMap<>();
        fns.forEach((name, f) -> {
            Transfer.FunctionFacts ff = facts.get(name);
            if (ff == null || f.getBody() == null) return;
            f.getBody().accept(new ASTVisitor(true) {
                @Override public int visit(IASTExpression e) {
                    if (!(e instanceof IASTBinaryExpression b) || b.getOperator() != IASTBinaryExpression.op_assign) return PROCESS_CONTINUE;
                    if (!(Ast.strip(b.getOperand1()) instanceof IASTIdExpression id)) return PROCESS_CONTINUE;
                    String var = id.getName().toString();
                    if (ff.locals().contains(var) || ff.params().containsKey(var) || out.containsKey(var)) return PROCESS_CONTINUE;
                    IASTExpression rhs = Ast.strip(b.getOperand2());
                    String callee = callee(view, rhs);
                    if (callee == null) return PROCESS_CONTINUE;
                    kb.unboundedRange(callee).ifPresent(r -> out.put(var, new Bound(false,
                            "the range " + callee + "() returns, stored in '" + var + "' by " + name + "()", r.clause(), text.line(Ast.offset(b)))));
                    return PROCESS_CONTINUE;
                }
            });
        });
        return out;
    }

    /** The function or function-like macro {@code e} calls, as written; null when it is no call. */
    private static String callee(WrittenView view, IASTExpression e) {
        if (e == null) return null;
        WrittenView.Invocation inv = view.rootedAt(e);
        if (inv != null && inv.functionLike()) return inv.name();
        if (e instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id)
            return id.getName().toString();
        return null;
    }
}
