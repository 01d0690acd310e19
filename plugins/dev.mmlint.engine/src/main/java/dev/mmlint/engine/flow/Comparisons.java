package dev.mmlint.engine.flow;

import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;

/** What a comparison with a constant says about the compared value on each of its edges. */
final class Comparisons {
    private Comparisons() {}

    /** The operator of {@code c OP x} written as {@code x OP' c}. */
    static int mirror(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_lessThan -> IASTBinaryExpression.op_greaterThan;
            case IASTBinaryExpression.op_greaterThan -> IASTBinaryExpression.op_lessThan;
            case IASTBinaryExpression.op_lessEqual -> IASTBinaryExpression.op_greaterEqual;
            case IASTBinaryExpression.op_greaterEqual -> IASTBinaryExpression.op_lessEqual;
            default -> op;
        };
    }

    /**
     * {@code x OP c} (or {@code c OP x} when {@code swapped}) is {@code truth}: the largest value x can
     * have on that edge, or null when it is not bounded above.
     */
    static Long maxOnEdge(int op, long c, boolean truth, boolean swapped) {
        if (swapped) op = mirror(op);
        return switch (op) {
            case IASTBinaryExpression.op_lessThan -> truth ? c - 1 : null;
            case IASTBinaryExpression.op_lessEqual -> truth ? c : null;
            case IASTBinaryExpression.op_greaterThan -> truth ? null : c;
            case IASTBinaryExpression.op_greaterEqual -> truth ? null : c - 1;
            case IASTBinaryExpression.op_equals -> truth ? c : null;
            case IASTBinaryExpression.op_notequals -> truth ? null : c;
            default -> null;
        };
    }

    /**
     * {@code x OP c} (or {@code c OP x} when {@code swapped}) is {@code truth}: the smallest value x can
     * have on that edge, or null when it is not bounded below.
     */
    static Long minOnEdge(int op, long c, boolean truth, boolean swapped) {
        if (swapped) op = mirror(op);
        return switch (op) {
            case IASTBinaryExpression.op_lessThan -> truth ? null : c;
            case IASTBinaryExpression.op_lessEqual -> truth ? null : c + 1;
            case IASTBinaryExpression.op_greaterThan -> truth ? c + 1 : null;
            case IASTBinaryExpression.op_greaterEqual -> truth ? c : null;
            case IASTBinaryExpression.op_equals -> truth ? c : null;
            case IASTBinaryExpression.op_notequals -> truth ? null : c;
            default -> null;
        };
    }
}
