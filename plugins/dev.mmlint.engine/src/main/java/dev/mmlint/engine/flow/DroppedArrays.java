package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArrayDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTNode;
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
        // arrays whose pages the function or its callers got from a source known to hand out no tails: not a user batch
        candidates.removeIf(a -> filledWithHeads(fn, a, facts, kb) || callersFillWithHeads(fn, a, facts, kb));
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

    /**
     * Whether {@code fn} stores pages in array {@code a} itself ({@code a[i] = ...}) and every page it stores is one
     * the model says is no tail: a page cache lookup in a mapping of the file's own file system that never holds
     * large folios ({@link Results#ownCacheLookup}), or a call returning a head.
     */
    private static boolean filledWithHeads(IASTFunctionDefinition fn, String a, Transfer.FunctionFacts facts, ApiKnowledge kb) {
        List<IASTExpression> stored = new ArrayList<>();
        boolean[] other = {false};
        fn.getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign
                        && strip(b.getOperand1()) instanceof IASTArraySubscriptExpression s && a.equals(name(s.getArrayExpression())))
                    stored.add(b.getOperand2());
                else if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign && a.equals(name(b.getOperand1())))
                    other[0] = true; // the array pointer itself re-pointed
                return PROCESS_CONTINUE;
            }
        });
        if (stored.isEmpty() || other[0]) return false;
        for (IASTExpression v : stored) if (!headSource(v, facts, kb)) return false;
        return true;
    }

    /** Whether {@code v} is a call whose page the model says is no tail here. */
    private static boolean headSource(IASTExpression v, Transfer.FunctionFacts facts, ApiKnowledge kb) {
        if (!(strip(v) instanceof IASTFunctionCallExpression call) || !(call.getFunctionNameExpression() instanceof IASTIdExpression id)) return false;
        Optional<ApiEffect> ef = kb.call(id.getName().toString());
        if (ef.isEmpty()) return false;
        if (ef.get().result() == ApiEffect.Result.HEAD) return true;
        if (kb.smallFolioFilesystem().isEmpty()) return false;
        IASTInitializerClause[] args = call.getArguments();
        for (ArgEffect x : ef.get().args())
            if (x.kind() == ArgEffect.Kind.CACHE_LOOKUP && x.index() < args.length && args[x.index()] instanceof IASTExpression m)
                return OwnMappings.own(m, m, facts);
        return false;
    }

    /**
     * Whether {@code fn} is {@code static}, called in its unit only (its name used for nothing else), and every
     * call passes as array parameter {@code a} a local array of the caller that a call fills with heads only
     * (model {@code p[]: head}, __readahead_batch()) and the caller stores nothing else in.
     */
    private static boolean callersFillWithHeads(IASTFunctionDefinition fn, String a, Transfer.FunctionFacts facts, ApiKnowledge kb) {
        Integer index = facts.params().get(a);
        if (index == null || fn.getDeclSpecifier().getStorageClass() != IASTDeclSpecifier.sc_static || fn.getTranslationUnit() == null) return false;
        String self = fn.getDeclarator().getName().toString();
        boolean[] bad = {false};
        int[] sites = {0};
        fn.getTranslationUnit().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (bad[0] || !(e instanceof IASTIdExpression id) || !self.equals(id.getName().toString())) return PROCESS_CONTINUE;
                if (!(id.getParent() instanceof IASTFunctionCallExpression call) || call.getFunctionNameExpression() != id) { bad[0] = true; return PROCESS_ABORT; }
                IASTInitializerClause[] args = call.getArguments();
                IASTFunctionDefinition caller = Ast.enclosingFunction(call);
                if (index >= args.length || !(args[index] instanceof IASTExpression x) || caller == null || !headFilledLocal(caller, name(x), kb)) {
                    bad[0] = true;
                    return PROCESS_ABORT;
                }
                sites[0]++;
                return PROCESS_CONTINUE;
            }
        });
        return !bad[0] && sites[0] > 0;
    }

    /** Whether {@code arr} is a local array of {@code caller} filled by a head-filling call and written by nothing else. */
    private static boolean headFilledLocal(IASTFunctionDefinition caller, String arr, ApiKnowledge kb) {
        if (arr == null || caller.getBody() == null) return false;
        boolean[] local = {false}, filled = {false}, written = {false};
        caller.getBody().accept(new ASTVisitor(true) {
            { shouldVisitDeclarators = true; }

            @Override public int visit(IASTDeclarator d) {
                if (d instanceof IASTArrayDeclarator && arr.equals(d.getName().toString())) local[0] = true;
                return PROCESS_CONTINUE;
            }

            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign
                        && strip(b.getOperand1()) instanceof IASTArraySubscriptExpression s && arr.equals(name(s.getArrayExpression())))
                    written[0] = true;
                if (e instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id) {
                    Optional<ApiEffect> ef = kb.call(id.getName().toString());
                    IASTInitializerClause[] args = call.getArguments();
                    if (ef.isPresent())
                        for (ArgEffect x : ef.get().args())
                            if (x.kind() == ArgEffect.Kind.HEAD_ARRAY && x.index() < args.length && args[x.index()] instanceof IASTExpression ax
                                    && arr.equals(name(ax)))
                                filled[0] = true;
                }
                return PROCESS_CONTINUE;
            }
        });
        return local[0] && filled[0] && !written[0];
    }


    /** The candidate array {@code e} is an element of ({@code pages[i]}), or null. */
    private static String arrayOf(IASTExpression e, Set<String> candidates) {
        if (!(strip(e) instanceof IASTArraySubscriptExpression s)) return null;
        String n = name(s.getArrayExpression());
        return n != null && candidates.contains(n) ? n : null;
    }
}
