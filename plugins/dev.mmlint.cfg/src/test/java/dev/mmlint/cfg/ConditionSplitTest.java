package dev.mmlint.cfg;

import static dev.mmlint.cfg.CfgTestSupport.assertShape;
import static dev.mmlint.cfg.CfgTestSupport.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTIfStatement;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.junit.jupiter.api.Test;

import dev.mmlint.cfg.CfgEdge.EdgeKind;
import dev.mmlint.cfg.CfgNode.Kind;

/** Short-circuit conditions become one CONDITION node per tested sub-expression. */
class ConditionSplitTest {

    @Test
    void andOrNotAndNestedParentheses() {
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [a] -T->3 -F->6
                3 CONDITION [b] -T->5 -F->4
                4 CONDITION [x] -T->5 -F->6
                5 STATEMENT [one();] ->6
                6 CONDITION [a] -T->7 -F->8
                7 STATEMENT [two();] ->8
                8 CONDITION [x] -T->9 -F->11
                9 CONDITION [y] -T->10 -F->11
                10 STATEMENT [loop();] -back->8
                11 CONDITION [a] -T->13 -F->12
                12 CONDITION [b] -T->13 -F->14
                13 STATEMENT [three();] ->14
                14 CONDITION [x] -T->15 -F->1
                15 CONDITION [y] -T->1 -F->16
                16 STATEMENT [four();] ->1
                """, cfg("""
                void sc(int a, int b, int x, int y) {
                  if (((a) && ((b) || x))) one();
                  if (!!a) two();
                  while (x && y) loop();
                  if (__builtin_expect(!!(a || b), 0)) three();
                  if (likely(x) && !unlikely(y)) four();
                }
                """));
    }

    @Test
    void conditionNodesAreTheOperandsThemselves() {
        Cfg c = cfg("void f(int a, int b) { if (a && b) x(); else y(); }");
        IASTIfStatement ifs = (IASTIfStatement) ((IASTCompoundStatement) c.function().getBody()).getStatements()[0];
        IASTBinaryExpression and = (IASTBinaryExpression) ifs.getConditionExpression();
        CfgNode a = c.nodes().get(2);
        CfgNode b = c.nodes().get(3);
        assertSame(and.getOperand1(), a.ast());
        assertSame(and.getOperand2(), b.ast());
        assertSame(ifs, a.origin());
        assertSame(ifs, b.origin());
        // a false: straight to else; a true: test b; b true: then, b false: else
        assertEquals(List.of("TRUE->3", "FALSE->5"), edges(a));
        assertEquals(List.of("TRUE->4", "FALSE->5"), edges(b));
        assertEquals(Kind.STATEMENT, c.nodes().get(4).kind());
        assertEquals("x();", c.nodes().get(4).text());
    }

    @Test
    void orWithNegatedOperandSwapsTheEdgesOfTheInnerTest() {
        Cfg c = cfg("void f(int a, int b) { if (a || !b) x(); }");
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [a] -T->4 -F->3
                3 CONDITION [b] -T->1 -F->4
                4 STATEMENT [x();] ->1
                """, c);
        IASTIfStatement ifs = (IASTIfStatement) ((IASTCompoundStatement) c.function().getBody()).getStatements()[0];
        IASTUnaryExpression not = (IASTUnaryExpression) ((IASTBinaryExpression) ifs.getConditionExpression())
                .getOperand2();
        assertSame(not.getOperand(), c.nodes().get(3).ast(), "the node tests b itself; its FALSE edge is `!b` true");
    }

    @Test
    void negatedConjunctionIsSplitByDeMorgan() {
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [PageTail(page)] -T->3 -F->4
                3 CONDITION [PageLRU(page)] -T->5 -F->4
                4 STATEMENT [skip(page);] ->5
                5 STATEMENT [done();] ->1
                """, cfg("""
                void f(struct page *page) {
                  if (!(PageTail(page) && PageLRU(page)))
                    skip(page);
                  done();
                }
                """));
    }

    @Test
    void conditionalOperatorCommaAndGnuElvisInConditions() {
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [a] -T->3 -F->4
                3 CONDITION [b] -T->5 -F->6
                4 CONDITION [c] -T->5 -F->6
                5 STATEMENT [x();] ->6
                6 STATEMENT [p = get()] ->7
                7 CONDITION [p != NULL] -T->8 -F->9
                8 STATEMENT [use(p);] ->9
                9 CONDITION [a] -T->11 -F->10
                10 CONDITION [b] -T->11 -F->12
                11 STATEMENT [y();] ->12
                12 CONDITION [p = next(p)] -T->13 -F->1
                13 STATEMENT [z();] ->1
                """, cfg("""
                void cond_forms(int a, int b, int c) {
                  if (a ? b : c) x();
                  if ((p = get(), p != NULL)) use(p);
                  if (a ?: b) y();
                  if (!!(p = next(p))) z();
                }
                """));
    }

    @Test
    void retryConditionFromTheBrief() {
        Cfg c = cfg("""
                void f(struct page *page, struct page *head) {
                retry:
                  if (PageTail(page))
                    tail(page);
                  if (compound_head(page) != head)
                    goto retry;
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 JOIN [retry:] ->3
                3 CONDITION [PageTail(page)] -T->4 -F->5
                4 STATEMENT [tail(page);] ->5
                5 CONDITION [compound_head(page) != head] -T->2 -F->1
                """, c);
        CfgEdge back = c.nodes().get(5).successors().get(0);
        assertEquals(EdgeKind.TRUE, back.kind());
        assertEquals(true, back.isRetreating());
    }

    private static List<String> edges(CfgNode n) {
        return n.successors().stream().map(e -> e.kind() + "->" + e.to().id()).toList();
    }
}
