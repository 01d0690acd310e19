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

    /**
     * The variable of {@code cond} (the condition of the loop around a release, {@code i < nr_pages}) that may
     * still hold a negative GUP count of {@code array} and that the test compares as a huge unsigned number:
     * a variable of an unsigned type (assigned the errno, it wrapped), or one the usual arithmetic
     * conversions turn unsigned (compared with an unsigned operand of at least its rank); null when none.
     */
    static String unsignedBound(IASTExpression cond, String array, GupFacts g) {
        if (!(strip(cond) instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b)) return null;
        switch (b.getOperator()) {
            case org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_lessThan, org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_lessEqual,
                 org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_greaterThan, org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_greaterEqual,
                 org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_notequals -> { }
            default -> { return null; }
        }
        IASTExpression[] ops = {b.getOperand1(), b.getOperand2()};
        for (int k = 0; k < 2; k++) {
            String n = name(ops[k]);
            if (n == null || !g.shorts().mayBeNegative(n) || !array.equals(g.mayCount(n))) continue;
            int[] self = intType(ops[k]), other = intType(ops[1 - k]);
            if (self == null) continue;
            if (self[0] == 1 || other != null && other[0] == 1 && other[1] >= self[1]) return n;
        }
        return null;
    }

    /**
     * {@code e} is a plain variable declared with an unsigned integer type of at least int's rank: a negative
     * errno stored in it is a huge number, whatever it is compared with.
     */
    static boolean unsignedVariable(IASTExpression e) {
        if (e == null || name(e) == null) return false;
        int[] t = intType(e);
        return t != null && t[0] == 1;
    }

    /** {unsigned (1) or signed (0), rank after integer promotion (int 1, long 2, long long 3)} of an integer operand, or null when not known. */
    private static int[] intType(IASTExpression e) {
        IType t = null;
        try { t = CTypes.strip(e.getExpressionType()); } catch (RuntimeException x) { /* as written below */ }
        if (t instanceof IBasicType bt) {
            IBasicType.Kind k = bt.getKind();
            boolean integer = k == IBasicType.Kind.eInt || k == IBasicType.Kind.eChar || k == IBasicType.Kind.eBoolean
                    || k == IBasicType.Kind.eUnspecified && (bt.isUnsigned() || bt.isSigned() || bt.isLong() || bt.isLongLong() || bt.isShort());
            if (integer) {
                int rank = bt.isLongLong() ? 3 : bt.isLong() ? 2 : 1;
                boolean promoted = k == IBasicType.Kind.eChar || k == IBasicType.Kind.eBoolean || bt.isShort();
                return new int[] {bt.isUnsigned() && !promoted ? 1 : 0, rank};
            }
        }
        // a typedef the parser could not resolve (a fragment without headers): the declaration as written
        String written = declaredType(e);
        if (written == null) return null;
        return switch (written) {
            case "u64", "__u64", "uint64_t", "size_t", "ulong", "pgoff_t", "unsigned long", "unsigned long int", "unsigned long long" -> new int[] {1, 2};
            case "u32", "__u32", "uint32_t", "uint", "unsigned", "unsigned int" -> new int[] {1, 1};
            case "s64", "__s64", "int64_t", "ssize_t", "loff_t", "long", "long int", "long long", "signed long" -> new int[] {0, 2};
            case "int", "s32", "__s32", "int32_t", "signed", "signed int", "u8", "u16", "__u8", "__u16", "short", "char" -> new int[] {0, 1};
            default -> null;
        };
    }

    /** The type variable {@code e} is declared with in its function, as written (qualifiers dropped), or null. */
    private static String declaredType(IASTExpression e) {
        String n = name(e);
        if (n == null) return null;
        IASTNode f = e;
        while (f != null && !(f instanceof IASTFunctionDefinition)) f = f.getParent();
        if (f == null) return null;
        String[] out = {null};
        int[] seen = {0};
        f.accept(new ASTVisitor(true) {
            { shouldVisitDeclarations = true; shouldVisitParameterDeclarations = true; }
            @Override public int visit(org.eclipse.cdt.core.dom.ast.IASTDeclaration d) {
                if (d instanceof org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration sd)
                    for (org.eclipse.cdt.core.dom.ast.IASTDeclarator dc : sd.getDeclarators())
                        if (dc.getName().toString().equals(n) && dc.getPointerOperators().length == 0) { out[0] = text(sd.getDeclSpecifier()); seen[0]++; }
                return PROCESS_CONTINUE;
            }
            @Override public int visit(IASTParameterDeclaration p) {
                if (p.getDeclarator().getName().toString().equals(n) && p.getDeclarator().getPointerOperators().length == 0) { out[0] = text(p.getDeclSpecifier()); seen[0]++; }
                return PROCESS_CONTINUE;
            }
        });
        return seen[0] == 1 ? out[0] : null;
    }

    private static String text(IASTDeclSpecifier ds) {
        return ds == null ? null : ds.getRawSignature().replaceAll("\\b(const|volatile|register|static)\\b", "").replaceAll("\\s+", " ").trim();
    }

    private static boolean unsigned(IType t) {
        IType s = CTypes.strip(t);
        return s instanceof IBasicType bt && bt.isUnsigned();
    }
}
