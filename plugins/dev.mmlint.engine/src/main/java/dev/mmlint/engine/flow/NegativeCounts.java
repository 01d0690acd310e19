package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.name;
import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.frontend.CTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDoStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTForStatement;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IASTWhileStatement;
import org.eclipse.cdt.core.dom.ast.IBasicType;
import org.eclipse.cdt.core.dom.ast.IBinding;
import org.eclipse.cdt.core.dom.ast.IFunction;
import org.eclipse.cdt.core.dom.ast.IProblemBinding;
import org.eclipse.cdt.core.dom.ast.IType;

/**
 * Releases whose count is unsigned (MM007): {@code unpin_user_pages(pages, unsigned long npages)}, or a
 * function of the unit that walks an array parameter up to an unsigned count parameter and puts or
 * unpins each entry ({@code for (i = 0; i < num_pages; i++) put_page(pages[i]);} with {@code u64
 * num_pages}). Handed a GUP count that may still be a negative errno, such a release converts it into a
 * huge count and walks entries nobody filled. A count parameter of a signed type walks nothing for a
 * negative count and is not one of these.
 */
final class NegativeCounts {
    private NegativeCounts() {}

    /** A release of the entries of argument {@code array} up to argument {@code count}, which is the unsigned parameter {@code param}. */
    record CountedRelease(int array, int count, String param, int line) {}

    /** The kernel's unsigned integer typedefs, for a parameter whose type the parser could not resolve (no headers). */
    private static final Set<String> UNSIGNED_TYPEDEFS = Set.of("u8", "u16", "u32", "u64", "__u8", "__u16", "__u32", "__u64", "size_t",
            "uint", "ulong", "unsigned", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "pgoff_t");

    /** The counted releases a call to {@code fn} (a model API {@code ef}, or a function of the unit when {@code ef} is empty) makes. */
    static List<CountedRelease> of(IASTFunctionCallExpression call, Optional<ApiEffect> ef, ApiKnowledge kb, Map<String, List<CountedRelease>> cache) {
        if (!(call.getFunctionNameExpression() instanceof IASTIdExpression id)) return List.of();
        String fn = id.getName().toString();
        if (ef.isPresent()) {
            int array = -1, count = -1;
            for (ArgEffect a : ef.get().args()) {
                if (a.kind() == ArgEffect.Kind.PUT_ARRAY || a.kind() == ArgEffect.Kind.UNPIN_ARRAY) array = a.index();
                if (a.kind() == ArgEffect.Kind.RELEASE_COUNT) count = a.index();
            }
            if (array < 0 || count < 0) return List.of();
            // the declaration the parser sees (the kernel's header): its count parameter's type decides
            IBinding b = id.getName().resolveBinding();
            if (!(b instanceof IFunction f) || b instanceof IProblemBinding) return List.of();
            IType[] ps;
            try { ps = f.getType().getParameterTypes(); } catch (RuntimeException e) { return List.of(); }
            if (count >= ps.length || !unsigned(ps[count])) return List.of();
            String param = count < f.getParameters().length ? f.getParameters()[count].getName() : "count";
            return List.of(new CountedRelease(array, count, param, 0));
        }
        return cache.computeIfAbsent(fn, k -> unitRelease(id, kb));
    }

    /** The counted releases the definition of the unit's function {@code id} names makes in its body. */
    private static List<CountedRelease> unitRelease(IASTIdExpression id, ApiKnowledge kb) {
        IASTTranslationUnit tu = id.getTranslationUnit();
        IBinding b = id.getName().resolveBinding();
        if (tu == null || b == null || b instanceof IProblemBinding) return List.of();
        IASTFunctionDefinition def = null;
        for (IASTName n : tu.getDefinitionsInAST(b)) {
            IASTNode p = n;
            while (p != null && !(p instanceof IASTFunctionDefinition)) p = p.getParent();
            if (p instanceof IASTFunctionDefinition d) def = d;
        }
        if (def == null || !(def.getDeclarator() instanceof IASTStandardFunctionDeclarator fd) || def.getBody() == null) return List.of();
        IASTParameterDeclaration[] params = fd.getParameters();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < params.length; i++) index.put(params[i].getDeclarator().getName().toString(), i);
        List<CountedRelease> out = new ArrayList<>();
        def.getBody().accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (!(e instanceof IASTFunctionCallExpression c) || !(c.getFunctionNameExpression() instanceof IASTIdExpression cid)) return PROCESS_CONTINUE;
                Optional<ApiEffect> ef = kb.call(cid.getName().toString());
                if (ef.isEmpty()) return PROCESS_CONTINUE;
                IASTInitializerClause[] args = c.getArguments();
                int line = c.getFileLocation() == null ? 0 : c.getFileLocation().getStartingLineNumber();
                for (ArgEffect a : ef.get().args()) {
                    if (a.index() >= args.length || !(args[a.index()] instanceof IASTExpression x)) continue;
                    if (a.kind() == ArgEffect.Kind.PUT || a.kind() == ArgEffect.Kind.UNPIN) {
                        // put_page(pages[i]) in a loop bounded by a parameter
                        if (!(strip(x) instanceof IASTArraySubscriptExpression sub)) continue;
                        Integer arr = index.get(name(sub.getArrayExpression()));
                        if (arr == null) continue;
                        for (String bound : loopBounds(c)) {
                            Integer n = index.get(bound);
                            if (n != null && n != arr.intValue() && unsigned(params[n])) add(out, new CountedRelease(arr, n, bound, line));
                        }
                    } else if (a.kind() == ArgEffect.Kind.PUT_ARRAY || a.kind() == ArgEffect.Kind.UNPIN_ARRAY) {
                        Integer arr = index.get(name(x));
                        if (arr == null) continue;
                        for (ArgEffect r : ef.get().args()) {
                            if (r.kind() != ArgEffect.Kind.RELEASE_COUNT || r.index() >= args.length || !(args[r.index()] instanceof IASTExpression rx)) continue;
                            Integer n = index.get(name(rx));
                            if (n != null && unsigned(params[n])) add(out, new CountedRelease(arr, n, name(rx), line));
                        }
                    }
                }
                return PROCESS_CONTINUE;
            }
        });
        return List.copyOf(out);
    }

    private static void add(List<CountedRelease> out, CountedRelease r) {
        for (CountedRelease o : out) if (o.array() == r.array() && o.count() == r.count()) return;
        out.add(r);
    }

    /** The variables the conditions of the loops around {@code n} read ({@code i < num_pages}). */
    private static Set<String> loopBounds(IASTNode n) {
        Set<String> out = new java.util.HashSet<>();
        for (IASTNode p = n; p != null && !(p instanceof IASTFunctionDefinition); p = p.getParent()) {
            if (p instanceof IASTForStatement f) out.addAll(GupModel.names(f.getConditionExpression()));
            if (p instanceof IASTWhileStatement w) out.addAll(GupModel.names(w.getCondition()));
            if (p instanceof IASTDoStatement d) out.addAll(GupModel.names(d.getCondition()));
        }
        return out;
    }

    /** The parameter is of an unsigned integer type: as the parser resolved it, or as written when it could not. */
    private static boolean unsigned(IASTParameterDeclaration p) {
        IBinding b = p.getDeclarator().getName().resolveBinding();
        if (b instanceof org.eclipse.cdt.core.dom.ast.IVariable v) {
            try {
                IType t = CTypes.strip(v.getType());
                if (t instanceof IBasicType bt && bt.getKind() != IBasicType.Kind.eUnspecified) return bt.isUnsigned();
            } catch (RuntimeException e) { /* fall back to the text */ }
        }
        IASTDeclSpecifier ds = p.getDeclSpecifier();
        if (ds == null || p.getDeclarator().getPointerOperators().length > 0) return false;
        String t = ds.getRawSignature().replaceAll("\\b(const|volatile|register)\\b", "").trim();
        return t.startsWith("unsigned") || UNSIGNED_TYPEDEFS.contains(t);
    }

    private static boolean unsigned(IType t) {
        IType s = CTypes.strip(t);
        return s instanceof IBasicType bt && bt.isUnsigned();
    }
}
