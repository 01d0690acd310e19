package dev.mmlint.cfg;

import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

/**
 * A GNU statement expression {@code ({ ... })} whose statements were emitted as CFG nodes before the node that
 * uses its value.
 *
 * @param expression the statement expression
 * @param value      the expression giving its value (the expression of its last statement when that is an
 *                   expression statement), or null when it has none (void)
 * @param valueNode  the node where {@code value} is evaluated: the STATEMENT node of the last expression statement,
 *                   or, when the statement expression was itself a condition (then {@code value} was split into
 *                   condition nodes), the first CONDITION node testing a part of it; null when there is no value
 *                   or no node tests it (a constant)
 * @param consumer   the node whose {@code ast()} contains {@code expression} and lists it in
 *                   {@link CfgNode#preEvaluated()}; null when the value is not used by any node (an expression
 *                   statement that is only a statement expression, or a statement expression that was a
 *                   condition)
 */
public record LoweredStatementExpression(IGNUASTCompoundStatementExpression expression, IASTExpression value,
        CfgNode valueNode, CfgNode consumer) {
}
