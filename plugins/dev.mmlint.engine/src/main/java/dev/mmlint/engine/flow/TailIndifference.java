package dev.mmlint.engine.flow;

import static dev.mmlint.engine.flow.Ast.strip;

import dev.mmlint.engine.ast.WrittenView;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiKnowledge;
import java.util.List;
import java.util.Optional;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpressionStatement;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * Reads of a head-only field whose value no tail page can act on (the shape model's precision, MM002):
 * <ul>
 * <li><b>rejected anyway</b>: the read only feeds an operand of a short-circuit chain in which a later
 *     operand tests the same page and, for any tail, fixes the chain's outcome ({@code !page->mapping ||
 *     PageTransCompound(page)}: a tail makes the chain true whatever the read gave; dually
 *     {@code page->mapping && !PageCompound(page)} is false for any tail);</li>
 * <li><b>keyhole</b>: the read is only compared for equality with a non-null object pointer
 *     ({@code page->mapping == mapping}, {@code READ_ONCE(page->mapping) != expected}): a tail's word
 *     there holds compound metadata or the TAIL_MAPPING poison, never the address of an object, so no
 *     tail passes the test; where it holds, the page is not a tail.</li>
 * </ul>
 * Both are judged on the syntax of the condition and the model's page tests; nothing here names a
 * kernel function.
 */
final class TailIndifference {
    private final ApiKnowledge kb;
    private final WrittenView view;

    TailIndifference(ApiKnowledge kb, WrittenView view) {
        this.kb = kb;
        this.view = view;
    }

    /** Does the read {@code f} of a field of page variable {@code var} feed only a test no tail outcome depends on? */
    boolean indifferent(IASTFieldReference f, String var) {
        return var != null && (rejectedAnyway(f, var) || keyholeOperand(f) != null);
    }

    /**
     * The page variable whose head-only field comparison {@code cmp} is a keyhole test, or null: one
     * operand is the read, the other a non-null object pointer.
     */
    String keyhole(IASTBinaryExpression cmp) {
        int op = cmp.getOperator();
        if (op != IASTBinaryExpression.op_equals && op != IASTBinaryExpression.op_notequals) return null;
        String v = keyholeSide(cmp.getOperand1(), cmp.getOperand2());
        return v != null ? v : keyholeSide(cmp.getOperand2(), cmp.getOperand1());
    }

    private String keyholeSide(IASTExpression read, IASTExpression other) {
        IASTFieldReference f = accessed(read);
        if (f == null || !f.isPointerDereference() || !(strip(f.getFieldOwner()) instanceof IASTIdExpression owner)) return null;
        if (!objectPointer(other) || !pointerTyped(f)) return null;
        return owner.getName().toString();
    }

    /** The comparison a keyhole read {@code f} feeds, or null. */
    private IASTBinaryExpression keyholeOperand(IASTFieldReference f) {
        IASTNode n = f;
        for (IASTNode up = sameValue(n); up != null; up = sameValue(n)) n = up;
        return n.getParent() instanceof IASTBinaryExpression b && keyhole(b) != null ? b : null;
    }

    /**
     * The parent of {@code n} when it has n's value: parentheses, a cast, a one-argument accessor, the
     * volatile re-read {@code *(T *)&(x)} that READ_ONCE() expands to, or a statement expression whose
     * last statement n is; else null.
     */
    private IASTNode sameValue(IASTNode n) {
        IASTNode p = n.getParent();
        if (p instanceof IASTCastExpression || p instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary)
            return p;
        if (p instanceof IASTFunctionCallExpression call && call.getArguments().length == 1 && accessor(call)) return p;
        if (p instanceof IASTUnaryExpression amp && amp.getOperator() == IASTUnaryExpression.op_amper) {
            IASTNode q = amp.getParent();
            while (q instanceof IASTCastExpression || q instanceof IASTUnaryExpression b && b.getOperator() == IASTUnaryExpression.op_bracketedPrimary)
                q = q.getParent();
            return q instanceof IASTUnaryExpression star && star.getOperator() == IASTUnaryExpression.op_star ? q : null;
        }
        if (p instanceof IASTExpressionStatement es && es.getParent() instanceof IASTCompoundStatement cs
                && cs.getParent() instanceof IGNUASTCompoundStatementExpression se) {
            IASTStatement[] ss = cs.getStatements();
            return ss.length > 0 && ss[ss.length - 1] == es ? se : null;
        }
        return null;
    }

    /** The field reference {@code e} is, through what hands a value through unchanged ({@link #sameValue}). */
    private IASTFieldReference accessed(IASTExpression e) {
        IASTFieldReference[] found = {null};
        e.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) {
                if (x instanceof IASTFieldReference f && found[0] == null) {
                    IASTNode n = f;
                    for (IASTNode up = sameValue(n); up != null && n != e; up = sameValue(n)) n = up;
                    if (n == e) found[0] = f;
                    return PROCESS_SKIP;
                }
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    /**
     * A call of one argument that the model knows nothing about and whose argument is a field read
     * (READ_ONCE(x), data_race(x)): an accessor that hands the value through.
     */
    private boolean accessor(IASTFunctionCallExpression call) {
        IASTInitializerClause[] a = call.getArguments();
        if (a.length != 1 || !(a[0] instanceof IASTExpression x) || !(strip(x) instanceof IASTFieldReference)) return false;
        String fn = call.getFunctionNameExpression() instanceof IASTIdExpression id ? id.getName().toString() : null;
        return fn != null && kb.call(fn).isEmpty();
    }

    /** likely(x), unlikely(x), __builtin_expect(x, v): the condition handed through (compiler builtins). */
    private static boolean expect(IASTNode p, IASTNode arg) {
        if (!(p instanceof IASTFunctionCallExpression call) || !(call.getFunctionNameExpression() instanceof IASTIdExpression id)) return false;
        String fn = id.getName().toString();
        IASTInitializerClause[] a = call.getArguments();
        return Ast.isExpect(fn) && a.length >= 1 && a[0] == arg;
    }

    private static boolean pointerTyped(IASTFieldReference f) {
        try {
            return Ast.isPointer(f.getExpressionType());
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** A non-null pointer to an object: a pointer-typed variable or expression, no literal and no other field read. */
    private static boolean objectPointer(IASTExpression e) {
        IASTExpression s = strip(e);
        if (s == null || Ast.isNull(s) || s instanceof org.eclipse.cdt.core.dom.ast.IASTLiteralExpression) return false;
        boolean[] field = {false};
        s.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression x) {
                if (x instanceof IASTFieldReference) field[0] = true;
                return PROCESS_CONTINUE;
            }
        });
        if (field[0]) return false;
        try {
            return Ast.isPointer(e.getExpressionType()) || Ast.isPointer(s.getExpressionType());
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** The read feeds (through casts, '!', comparisons) an operand of a chain that a later test of the same page fixes for any tail. */
    private boolean rejectedAnyway(IASTFieldReference f, String var) {
        IASTNode n = f;
        while (true) {
            IASTNode p = n.getParent();
            if (p instanceof IASTCastExpression) { n = p; continue; }
            if (p instanceof IASTUnaryExpression u && (u.getOperator() == IASTUnaryExpression.op_bracketedPrimary
                    || u.getOperator() == IASTUnaryExpression.op_not)) { n = p; continue; }
            if (p instanceof IASTBinaryExpression b && comparison(b.getOperator())) { n = p; continue; }
            if (expect(p, n)) { n = p; continue; }
            IASTNode same = sameValue(n);
            if (same != null) { n = same; continue; }
            break;
        }
        int chain = -1;
        for (IASTNode cur = n; ; ) {
            IASTNode p = cur.getParent();
            if (p instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary || expect(p, cur)) { cur = p; continue; }
            if (!(p instanceof IASTBinaryExpression b)) return false;
            int op = b.getOperator();
            if (op != IASTBinaryExpression.op_logicalOr && op != IASTBinaryExpression.op_logicalAnd) return false;
            // the chain goes on only through the same operator
            if (chain != -1 && op != chain) return false;
            chain = op;
            if (b.getOperand1() == cur && fixesForTail(b.getOperand2(), var, op, op == IASTBinaryExpression.op_logicalOr)) return true;
            cur = p;
        }
    }

    /** Is {@code e} (or an operand of its own {@code op} chain) a test of {@code var} whose value is {@code want} for any tail? */
    private boolean fixesForTail(IASTExpression e, String var, int op, boolean want) {
        boolean negated = false;
        for (int i = 0; i < 16; i++) {
            if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) e = u.getOperand();
            else if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) { negated = !negated; e = u.getOperand(); }
            else if (e instanceof IASTFunctionCallExpression call && call.getArguments().length >= 1
                    && call.getArguments()[0] instanceof IASTExpression a && expect(call, a)) e = a;
            else break;
        }
        if (!negated && e instanceof IASTBinaryExpression b && b.getOperator() == op)
            return fixesForTail(b.getOperand1(), var, op, want) || fixesForTail(b.getOperand2(), var, op, want);
        Boolean t = tailTruth(e, var);
        return t != null && (t ^ negated) == want;
    }

    /** What the model's page test {@code e} of {@code var} returns for a tail page, or null when it is no such test. */
    private Boolean tailTruth(IASTExpression e, String var) {
        String fn = null;
        List<IASTExpression> args = null;
        WrittenView.Invocation inv = view.rootedAt(e);
        if (inv != null && inv.functionLike()) {
            fn = inv.name();
            args = inv.args();
        } else if (e instanceof IASTFunctionCallExpression call && call.getFunctionNameExpression() instanceof IASTIdExpression id) {
            fn = id.getName().toString();
            args = new java.util.ArrayList<>();
            for (IASTInitializerClause a : call.getArguments()) args.add(a instanceof IASTExpression x ? x : null);
        }
        if (fn == null) return null;
        // likely()/unlikely() hand their condition through (compiler builtins)
        if (Ast.isExpect(fn) && !args.isEmpty() && args.get(0) != null)
            return tailTruth(strip(args.get(0)), var);
        Optional<ApiEffect> ef = kb.call(fn);
        if (ef.isEmpty()) return null;
        int k = ef.get().resultArg();
        if (k < 0 || k >= args.size() || !var.equals(Ast.name(args.get(k)))) return null;
        return switch (ef.get().result()) {
            case IS_TAIL, IS_COMPOUND -> true;
            case IS_HEAD, IS_THP -> false;
            default -> null;
        };
    }

    private static boolean comparison(int op) {
        return op == IASTBinaryExpression.op_equals || op == IASTBinaryExpression.op_notequals || op == IASTBinaryExpression.op_lessThan
                || op == IASTBinaryExpression.op_lessEqual || op == IASTBinaryExpression.op_greaterThan || op == IASTBinaryExpression.op_greaterEqual;
    }
}
