package dev.mmlint.engine.flow;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTStatement;

/**
 * A reference taken for an optional output array (MM007): GUP implementations fill {@code pages[]} only
 * when the caller passed one (mlock and populate pass NULL). A reference taken on a page whose only keeper
 * in the rest of its block is {@code if (pages) pages[i] = page;} is dropped by nobody where
 * {@code pages} is NULL: the get belongs under the same test.
 */
final class OptionalOutput {
    private OptionalOutput() { }

    /** What the store that keeps the reference is: the array parameter and the line of the store. */
    record Keeper(String array, IASTNode store) {}

    /**
     * The conditional store into an array parameter in {@code arrays} that is the only later use of page
     * variable {@code var} in the block of the statement holding {@code call}, or null.
     */
    static Keeper of(IASTNode call, String var, java.util.Set<String> arrays) {
        IASTNode n = call;
        while (n != null && !(n instanceof IASTStatement && n.getParent() instanceof IASTCompoundStatement)) n = n.getParent();
        if (n == null) return null;
        IASTStatement get = (IASTStatement) n;
        // the get itself under a test of an array (if (pages) { get_page(page); pages[i] = page; }) is fine
        for (IASTNode p = get.getParent(); p != null; p = p.getParent())
            if (p instanceof IASTIfStatement is && arrays.contains(tested(is.getConditionExpression()))) return null;
        IASTStatement[] ss = ((IASTCompoundStatement) get.getParent()).getStatements();
        int k = java.util.Arrays.asList(ss).indexOf(get);
        Keeper keeper = null;
        for (int i = k + 1; i < ss.length; i++) {
            if (!mentions(ss[i], var)) continue;
            if (keeper != null || !(ss[i] instanceof IASTIfStatement is) || is.getElseClause() != null) return null;
            String a = tested(is.getConditionExpression());
            if (a == null || !arrays.contains(a)) return null;
            IASTNode store = storeInto(is.getThenClause(), a, var);
            if (store == null) return null;
            keeper = new Keeper(a, store);
        }
        return keeper;
    }

    /** The variable a condition tests for not being NULL ({@code pages}, {@code pages != NULL}), or null. */
    private static String tested(IASTExpression c) {
        IASTExpression x = c == null ? null : Ast.strip(c);
        // if (likely(pages)): __builtin_expect(!!(pages), 1) once expanded
        if (x instanceof org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression call && call.getArguments().length >= 1
                && Ast.isExpect(Ast.name(call.getFunctionNameExpression()))
                && call.getArguments()[0] instanceof IASTExpression a) x = Ast.strip(a);
        if (x instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression n1 && n1.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_not
                && Ast.strip(n1.getOperand()) instanceof org.eclipse.cdt.core.dom.ast.IASTUnaryExpression n2
                && n2.getOperator() == org.eclipse.cdt.core.dom.ast.IASTUnaryExpression.op_not) x = Ast.strip(n2.getOperand());
        if (x instanceof IASTIdExpression id) return id.getName().toString();
        if (x instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_notequals
                && Ast.isNull(b.getOperand2())) return Ast.name(b.getOperand1());
        return null;
    }

    /** The assignment {@code array[...] = <expression naming var>} in {@code s}, or null. */
    private static IASTNode storeInto(IASTStatement s, String array, String var) {
        IASTNode[] found = {null};
        s.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign
                        && Ast.strip(b.getOperand1()) instanceof IASTArraySubscriptExpression sub && array.equals(Ast.name(sub.getArrayExpression()))
                        && mentions(b.getOperand2(), var)) found[0] = b;
                return PROCESS_CONTINUE;
            }
        });
        return found[0];
    }

    private static boolean mentions(IASTNode n, String var) {
        boolean[] m = {false};
        n.accept(new ASTVisitor(true) {
            @Override public int visit(IASTExpression e) {
                if (e instanceof IASTIdExpression id && var.equals(id.getName().toString())) { m[0] = true; return PROCESS_ABORT; }
                return PROCESS_CONTINUE;
            }
        });
        return m[0];
    }
}
