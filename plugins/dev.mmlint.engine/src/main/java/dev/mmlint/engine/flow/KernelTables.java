package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * The page-table pointers a function uses as pointers into the kernel's own page tables: those it hands,
 * as the entry pointer of a call the model says updates the page tables of an mm ({@code ptep: mapped_by
 * of mm}: set_pte_at(), pte_clear()), together with the kernel's mm, {@code &init_mm}. The kernel maps
 * there what it allocated for itself, page by page (the vmemmap's backing pages, page tables, vmalloc
 * areas, which are split, never compound), so an entry read through such a pointer maps no tail. A fact
 * for the whole function, like the page variables it frees as one block ({@link FreedBlocks}); the one
 * kernel name here is the kernel's mm itself.
 */
final class KernelTables {
    private KernelTables() {}

    /** The kernel's own mm_struct: its page tables are the kernel mappings (init_mm in every kernel). */
    static final String KERNEL_MM = "init_mm";

    static Set<String> of(IASTFunctionDefinition fn, ApiKnowledge kb) {
        Set<String> out = new HashSet<>();
        if (fn == null || fn.getBody() == null) return Set.of();
        fn.getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (!(e instanceof IASTFunctionCallExpression call) || !(call.getFunctionNameExpression() instanceof IASTIdExpression id))
                    return PROCESS_CONTINUE;
                Optional<ApiEffect> ef = kb.call(id.getName().toString());
                if (ef.isEmpty()) return PROCESS_CONTINUE;
                IASTInitializerClause[] args = call.getArguments();
                boolean kernel = false;
                for (ArgEffect a : ef.get().args())
                    if (a.kind() == ArgEffect.Kind.MM && a.index() < args.length && args[a.index()] instanceof IASTExpression m
                            && (a.clause() == null || a.clause().applies()) && isKernelMm(m)) kernel = true;
                if (!kernel) return PROCESS_CONTINUE;
                for (ArgEffect a : ef.get().args())
                    if (a.kind() == ArgEffect.Kind.MAPPED_BY && a.index() < args.length && args[a.index()] instanceof IASTExpression p) {
                        String n = Ast.entryBase(p);
                        if (n != null) out.add(n);
                    }
                return PROCESS_CONTINUE;
            }
        });
        return Set.copyOf(out);
    }

    /** {@code &init_mm}. */
    private static boolean isKernelMm(IASTExpression m) {
        IASTExpression s = Ast.strip(m);
        return s instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper && KERNEL_MM.equals(Ast.name(u.getOperand()));
    }
}
