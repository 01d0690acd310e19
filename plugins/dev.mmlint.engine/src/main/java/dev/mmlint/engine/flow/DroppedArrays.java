package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;

/**
 * The page-array parameters whose references a function drops (MM004, MM002): {@code put_page(pages[i])},
 * {@code page = pages[i]; put_page_testzero(page)}, {@code release_pages(pages, nr)}, unpinning. Such an
 * array is the release half of a batch of references taken on user-mapped pages (GUP output, pages
 * gathered from page tables when unmapping), and a page a user address maps may be a tail of a THP,
 * hugetlb or other compound page; so its elements are possibly tails (clause
 * {@link ApiKnowledge#DROPPED_ARRAY_ELEMENTS}). Arrays the function only reads, fills or hands on are not.
 */
final class DroppedArrays {
    private DroppedArrays() {}

    /** The parameters of {@code fn} (page arrays per {@code facts}) whose elements' references {@code fn} drops. */
    static Set<String> of(IASTFunctionDefinition fn, Transfer.FunctionFacts facts, ApiKnowledge kb) {
        Set<String> candidates = new HashSet<>();
        for (String a : facts.pageArrays()) if (facts.params().containsKey(a) && !facts.localArrays().contains(a)) candidates.add(a);
        Set<String> dropped = new HashSet<>();
        if (candidates.isEmpty() || fn == null || fn.getBody() == null) return dropped;
        // page variables that hold an element of a candidate array somewhere in the body
        Map<String, String> elementOf = new HashMap<>();
        Ast.forEachDefinition(fn.getBody(), (var, value) -> {
            String arr = arrayOf(value, candidates);
            if (var != null && arr != null && facts.pageVars().contains(var)) elementOf.put(var, arr);
        });
        fn.getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (!(e instanceof IASTFunctionCallExpression call) || !(call.getFunctionNameExpression() instanceof IASTIdExpression id)) return PROCESS_CONTINUE;
                Optional<ApiEffect> ef = kb.call(id.getName().toString());
                if (ef.isEmpty()) return PROCESS_CONTINUE;
                IASTInitializerClause[] args = call.getArguments();
                for (ArgEffect a : ef.get().args()) {
                    if (a.index() >= args.length || !(args[a.index()] instanceof IASTExpression x)) continue;
                    switch (a.kind()) {
                        case PUT, UNPIN -> {
                            String arr = arrayOf(x, candidates);
                            if (arr == null) arr = elementOf.get(name(x));
                            if (arr != null) dropped.add(arr);
                        }
                        case PUT_ARRAY, UNPIN_ARRAY -> { if (candidates.contains(name(x))) dropped.add(name(x)); }
                        default -> { }
                    }
                }
                return PROCESS_CONTINUE;
            }
        });
        return dropped;
    }

    /** The candidate array {@code e} is an element of ({@code pages[i]}), or null. */
    private static String arrayOf(IASTExpression e, Set<String> candidates) {
        if (!(strip(e) instanceof IASTArraySubscriptExpression s)) return null;
        String n = name(s.getArrayExpression());
        return n != null && candidates.contains(n) ? n : null;
    }
}
