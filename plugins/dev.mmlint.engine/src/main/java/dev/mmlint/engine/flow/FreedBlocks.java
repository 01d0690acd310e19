package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.frontend.SourceText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * The page variables a function frees as one buddy block (a call whose model effect on them is
 * {@code frees_block}: {@code __free_pages(page, order)}), and that hold one value in the whole
 * function: a parameter never written, or a local defined once and never stepped. Such a variable
 * starts a naturally aligned block of at most MAX_ORDER pages wherever it is used, before the free as
 * after it, so the contiguity model gives it that extent from its definition on: {@code page + i}
 * inside the block never crosses a memory section. A variable that is stepped ({@code page++}),
 * re-assigned or whose address is taken may hold other values than the one freed: it gets nothing;
 * nor does one the function also hands to a helper for pages of hugetlb folios (model
 * {@code in_hugetlb_folio}): it frees a gigantic page on another path ({@code free_gigantic_page()}).
 */
final class FreedBlocks {
    private FreedBlocks() {}

    /** page variable -> the extent of the block a call frees it as; empty when there is none. */
    static Map<String, Bound> of(IASTFunctionDefinition fn, Transfer.FunctionFacts facts, ApiKnowledge kb, SourceText text) {
        if (fn == null || fn.getBody() == null || facts.pageVars().isEmpty()) return Map.of();
        Map<String, Bound> freed = new HashMap<>();
        Map<String, Integer> defs = new HashMap<>();
        Set<String> stepped = new HashSet<>();
        // handed to a helper for pages of hugetlb folios too: freed as a buddy block on one path only (a gigantic page on another)
        Set<String> hugetlb = new HashSet<>();
        fn.getBody().accept(new ASTVisitor(true) {
            { shouldVisitExpressions = true; shouldVisitDeclarators = true; }

            @Override public int visit(IASTDeclarator d) {
                if (d.getInitializer() instanceof IASTEqualsInitializer) defs.merge(d.getName().toString(), 1, Integer::sum);
                return PROCESS_CONTINUE;
            }

            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && Ast.isAssignment(b.getOperator())) {
                    String n = Ast.name(b.getOperand1());
                    if (n != null) {
                        if (b.getOperator() == IASTBinaryExpression.op_assign) defs.merge(n, 1, Integer::sum);
                        else stepped.add(n);
                    }
                } else if (e instanceof IASTUnaryExpression u && isStep(u.getOperator())) {
                    String n = Ast.name(u.getOperand());
                    if (n != null) stepped.add(n);
                } else if (e instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id) {
                    String callee = id.getName().toString();
                    Optional<ApiEffect> ef = kb.call(callee);
                    if (ef.isEmpty()) return PROCESS_CONTINUE;
                    IASTInitializerClause[] args = call.getArguments();
                    for (ArgEffect a : ef.get().args()) {
                        if (a.kind() == ArgEffect.Kind.IN_HUGETLB && a.index() < args.length && args[a.index()] instanceof IASTExpression hx
                                && Ast.name(hx) != null && (a.clause() == null || a.clause().applies())) hugetlb.add(Ast.name(hx));
                        if (a.kind() != ArgEffect.Kind.FREE_BLOCK || a.index() >= args.length || !(args[a.index()] instanceof IASTExpression ax)) continue;
                        String n = Ast.name(ax);
                        if (n != null && facts.pageVars().contains(n))
                            freed.putIfAbsent(n, new Bound(true, "the buddy block " + callee + "() frees", a.clause(),
                                    text.line(call.getFileLocation().getNodeOffset())));
                    }
                }
                return PROCESS_CONTINUE;
            }
        });
        freed.keySet().removeIf(n -> stepped.contains(n) || hugetlb.contains(n)
                || defs.getOrDefault(n, 0) != (facts.params().containsKey(n) ? 0 : 1));
        return freed.isEmpty() ? Map.of() : Map.copyOf(freed);
    }


    /** ++, -- or & (the address taken: written through a pointer, out of sight). */
    private static boolean isStep(int op) {
        return op == IASTUnaryExpression.op_prefixIncr || op == IASTUnaryExpression.op_prefixDecr
                || op == IASTUnaryExpression.op_postFixIncr || op == IASTUnaryExpression.op_postFixDecr
                || op == IASTUnaryExpression.op_amper;
    }
}
