package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import dev.mmlint.frontend.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * The base pages whose to-be tails a function freezes but which it never freezes itself. A function
 * that freezes pages it reaches from a base page ({@code page_ref_freeze(p, 1)} with {@code p = page + 1},
 * {@code p = mem_map_next(p, page, i)} for an {@code i} that starts at 1) says by doing so that those
 * pages may be held by speculative getters: they came from an allocator that hands them out refcounted
 * (CMA, memblock, a contiguous range) and are reachable by pfn. The base page came from the same place;
 * making it a compound head while its refcount is live lets a getter take a reference on a compound
 * page under construction. A page variable counts as a to-be tail only when every value assigned to it
 * is the base plus an offset of at least one (a constant, or a variable every assignment of which is a
 * constant of at least one, stepped upwards only); any other freeze in the function (of the base, of a
 * page that may be the base, of something else) leaves the function out.
 */
final class FrozenTails {
    private FrozenTails() {}

    /** base page variable -> line of the first freeze of one of its to-be tails; empty when there is none. */
    static Map<String, Integer> of(IASTFunctionDefinition fn, Transfer.FunctionFacts facts, ApiKnowledge kb, SourceText text) {
        if (fn == null || fn.getBody() == null || facts.pageVars().isEmpty()) return Map.of();
        Map<String, List<IASTExpression>> pageDefs = new HashMap<>();
        Map<String, List<IASTExpression>> intDefs = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        List<Object[]> freezes = new ArrayList<>();
        fn.getBody().accept(new ASTVisitor(true) {
            { shouldVisitExpressions = true; shouldVisitDeclarators = true; }

            @Override public int visit(IASTDeclarator d) {
                if (d.getInitializer() instanceof IASTEqualsInitializer ei && ei.getInitializerClause() instanceof IASTExpression x)
                    define(d.getName().toString(), x);
                return PROCESS_CONTINUE;
            }

            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b) {
                    String n = Ast.name(b.getOperand1());
                    if (n == null) return PROCESS_CONTINUE;
                    switch (b.getOperator()) {
                        case IASTBinaryExpression.op_assign -> define(n, b.getOperand2());
                        // stepping upwards keeps a value past its base
                        case IASTBinaryExpression.op_plusAssign -> { if (constant(b.getOperand2()) == null || constant(b.getOperand2()) < 0) unknown.add(n); }
                        case IASTBinaryExpression.op_minusAssign, IASTBinaryExpression.op_multiplyAssign, IASTBinaryExpression.op_divideAssign,
                             IASTBinaryExpression.op_moduloAssign, IASTBinaryExpression.op_shiftLeftAssign, IASTBinaryExpression.op_shiftRightAssign,
                             IASTBinaryExpression.op_binaryAndAssign, IASTBinaryExpression.op_binaryOrAssign, IASTBinaryExpression.op_binaryXorAssign ->
                                unknown.add(n);
                        default -> { }
                    }
                } else if (e instanceof IASTUnaryExpression u) {
                    int op = u.getOperator();
                    String n = Ast.name(u.getOperand());
                    if (n != null && (op == IASTUnaryExpression.op_prefixDecr || op == IASTUnaryExpression.op_postFixDecr
                            || op == IASTUnaryExpression.op_amper)) unknown.add(n);
                } else if (e instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id) {
                    Optional<ApiEffect> ef = kb.call(id.getName().toString());
                    if (ef.isEmpty()) return PROCESS_CONTINUE;
                    IASTInitializerClause[] args = call.getArguments();
                    for (ArgEffect a : ef.get().args())
                        if (a.kind() == ArgEffect.Kind.FREEZE)
                            freezes.add(new Object[] {a.index() < args.length && args[a.index()] instanceof IASTExpression ax ? Ast.name(ax) : null,
                                    text.line(call.getFileLocation().getNodeOffset())});
                }
                return PROCESS_CONTINUE;
            }

            private void define(String n, IASTExpression x) {
                (facts.pageVars().contains(n) ? pageDefs : intDefs).computeIfAbsent(n, k -> new ArrayList<>()).add(x);
            }
        });
        Map<String, Integer> out = new HashMap<>();
        for (Object[] f : freezes) {
            String v = (String) f[0];
            String base = v == null ? null : pastBase(v, pageDefs, intDefs, unknown, facts);
            // a freeze of the base itself, of a page that may be a base, or of one the function does not follow: no judgement
            if (base == null) return Map.of();
            out.merge(base, (Integer) f[1], Math::min);
        }
        out.keySet().removeIf(b -> unknown.contains(b) || !facts.pageVars().contains(b));
        return out.isEmpty() ? Map.of() : Map.copyOf(out);
    }

    /** The base page that every value of page variable {@code v} lies at least one page past, or null. */
    private static String pastBase(String v, Map<String, List<IASTExpression>> pageDefs, Map<String, List<IASTExpression>> intDefs,
                                   Set<String> unknown, Transfer.FunctionFacts facts) {
        List<IASTExpression> defs = pageDefs.get(v);
        if (defs == null || defs.isEmpty() || unknown.contains(v) || facts.params().containsKey(v)) return null;
        String base = null;
        for (IASTExpression d : defs) {
            String b = pastBaseOf(v, Ast.strip(d), intDefs, unknown, facts);
            if (b == null || base != null && !base.equals(b)) return null;
            base = b;
        }
        return base;
    }

    /** {@code base + k}, {@code &base[k]} or a call on {@code base}, the stepped page and one offset {@code k}, with k at least 1. */
    private static String pastBaseOf(String v, IASTExpression d, Map<String, List<IASTExpression>> intDefs, Set<String> unknown,
                                     Transfer.FunctionFacts facts) {
        if (d instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_plus) {
            String base = Ast.name(b.getOperand1());
            return base != null && !base.equals(v) && facts.pageVars().contains(base) && atLeastOne(b.getOperand2(), intDefs, unknown) ? base : null;
        }
        if (d instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper
                && Ast.strip(u.getOperand()) instanceof IASTArraySubscriptExpression s) {
            String base = Ast.name(s.getArrayExpression());
            return base != null && !base.equals(v) && facts.pageVars().contains(base)
                    && s.getArgument() instanceof IASTExpression k && atLeastOne(k, intDefs, unknown) ? base : null;
        }
        if (d instanceof IASTFunctionCallExpression call) {
            // an iterator step (the page itself, its base, the offset): every page argument but the stepped one is the base
            String base = null;
            IASTExpression offset = null;
            for (IASTInitializerClause a : call.getArguments()) {
                if (!(a instanceof IASTExpression x)) return null;
                String n = Ast.name(x);
                if (n != null && facts.pageVars().contains(n)) {
                    if (n.equals(v)) continue;
                    if (base != null) return null;
                    base = n;
                } else {
                    if (offset != null) return null;
                    offset = x;
                }
            }
            return base != null && offset != null && atLeastOne(offset, intDefs, unknown) ? base : null;
        }
        return null;
    }

    /** An integer constant of at least 1, or a variable every assignment of which is one (stepped upwards only). */
    private static boolean atLeastOne(IASTExpression k, Map<String, List<IASTExpression>> intDefs, Set<String> unknown) {
        Long c = constant(k);
        if (c != null) return c >= 1;
        String n = Ast.name(k);
        if (n == null || unknown.contains(n)) return false;
        List<IASTExpression> defs = intDefs.get(n);
        if (defs == null || defs.isEmpty()) return false;
        for (IASTExpression d : defs) {
            Long v = constant(d);
            if (v == null || v < 1) return false;
        }
        return true;
    }

    private static Long constant(IASTExpression e) {
        return e != null && Ast.strip(e) instanceof IASTLiteralExpression l ? Ast.integerValue(l) : null;
    }
}
