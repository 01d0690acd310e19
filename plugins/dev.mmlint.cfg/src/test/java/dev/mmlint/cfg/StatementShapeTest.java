package dev.mmlint.cfg;

import static dev.mmlint.cfg.CfgTestSupport.assertShape;
import static dev.mmlint.cfg.CfgTestSupport.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.cdt.core.dom.ast.IASTReturnStatement;
import org.junit.jupiter.api.Test;

/** Graph shapes of the C statements, as canonical listings ({@link Cfg#describe()}), checked by hand. */
class StatementShapeTest {

    @Test
    void straightLineDeclarationsNullStatementsAndReturns() {
        Cfg c = cfg("""
                int straight(int a) {
                  int x = a, y;
                  ;
                  x = x + 1;
                  if (x)
                    return x;
                  return;
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [int x = a, y;] ->3
                3 STATEMENT [x = x + 1;] ->4
                4 CONDITION [x] -T->5 -F->6
                5 RETURN [return x;] ->1
                6 RETURN [return;] ->1
                """, c);
        assertTrue(c.nodes().get(5).ast() instanceof IASTReturnStatement r && r.getReturnValue() != null);
        assertTrue(c.nodes().get(6).ast() instanceof IASTReturnStatement r && r.getReturnValue() == null);
        assertEquals(List.of(), c.unsupported());
    }

    @Test
    void ifElseChainsAndNesting() {
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [a] -T->3 -F->4
                3 STATEMENT [one();] ->4
                4 CONDITION [a] -T->5 -F->6
                5 STATEMENT [two();] ->7
                6 STATEMENT [three();] ->7
                7 CONDITION [a] -T->8 -F->9
                8 STATEMENT [four();] ->12
                9 CONDITION [b] -T->10 -F->11
                10 STATEMENT [five();] ->12
                11 STATEMENT [six();] ->12
                12 CONDITION [a] -T->13 -F->15
                13 CONDITION [b] -T->14 -F->1
                14 STATEMENT [seven();] ->1
                15 STATEMENT [eight();] ->1
                """, cfg("""
                void ifs(int a, int b) {
                  if (a) one();
                  if (a) { two(); } else { three(); }
                  if (a) four(); else if (b) five(); else six();
                  if (a) { if (b) seven(); } else eight();
                }
                """));
    }

    @Test
    void whileDoWhileForAndDoWhileZero() {
        Cfg c = cfg("""
                void loops(int n) {
                  while (n > 0) n--;
                  do { n++; } while (n < 10);
                  do { step(); } while (0);
                  for (int i = 0; i < n; i++) body(i);
                  for (;;) { if (done()) break; spin(); }
                  after();
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [n > 0] -T->3 -F->4
                3 STATEMENT [n--;] -back->2
                4 JOIN [loop] ->5
                5 STATEMENT [n++;] ->6
                6 CONDITION [n < 10] -T->4 -F->7
                7 STATEMENT [step();] ->8
                8 STATEMENT [int i = 0;] ->9
                9 CONDITION [i < n] -T->10 -F->12
                10 STATEMENT [body(i);] ->11
                11 STATEMENT [i++] -back->9
                12 JOIN [loop] ->13
                13 CONDITION [done()] -T->15 -F->14
                14 STATEMENT [spin();] -back->12
                15 STATEMENT [after();] ->1
                """, c);
        // do { } while (0) is no loop: 7 is no loop head; the four real loops have one head each
        assertEquals(List.of(2, 4, 9, 12), c.nodes().stream().filter(CfgNode::isLoopHead).map(CfgNode::id).toList());
        // the for increment is a bare expression with its for statement as origin
        assertTrue(c.nodes().get(11).ast() instanceof org.eclipse.cdt.core.dom.ast.IASTExpression);
        assertTrue(c.nodes().get(11).origin() instanceof org.eclipse.cdt.core.dom.ast.IASTForStatement);
    }

    @Test
    void constantConditions() {
        assertShape("""
                0 ENTRY ->3
                1 EXIT
                2 STATEMENT [never();] ->4
                3 STATEMENT [always();] ->4
                4 JOIN [loop] ->5
                5 CONDITION [a] -T->6 -F->4
                6 STATEMENT [one();] ->8
                7 STATEMENT [zero();] ->8
                8 CONDITION [a] -T->1 -F->1
                """, cfg("""
                void consts(int a) {
                  if (0) never(); else always();
                  while (true) { if (a) break; }
                  if (1 || a) one(); else zero();
                  if (a) ;
                }
                """));
    }

    @Test
    void codeAfterAnInfiniteLoopWithoutBreakIsUnreachable() {
        Cfg c = cfg("""
                void forever(void) {
                  for (;;)
                    poll();
                  unreachable_call();
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 JOIN [loop] ->3
                3 STATEMENT [poll();] -back->2
                4 STATEMENT [unreachable_call();] ->1
                """, c);
        assertFalse(c.exit().isReachable());
        assertFalse(c.nodes().get(4).isReachable());
        // unreachable nodes come after the reachable ones, in id order
        assertEquals(List.of(0, 2, 3, 1, 4), c.reversePostOrder().stream().map(CfgNode::id).toList());
    }

    @Test
    void whileOneAndDoWhileOneWithoutBreakNeverExit() {
        Cfg w = cfg("void f(void) { while (1) { g(); } h(); }");
        assertFalse(w.exit().isReachable());
        Cfg d = cfg("void f(void) { do { g(); } while (1); h(); }");
        assertFalse(d.exit().isReachable());
        Cfg b = cfg("void f(int x) { while (1) { if (x) break; } h(); }");
        assertTrue(b.exit().isReachable());
    }

    @Test
    void switchFallthroughDefaultInTheMiddleRangesAndMissingDefault() {
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 SWITCH [x] -case(1)->3 -case(2)->4 -default->5 -case(3 ... 5)->6
                3 STATEMENT [one();] ->4
                4 STATEMENT [two();] ->7
                5 STATEMENT [dflt();] ->6
                6 STATEMENT [range();] ->7
                7 SWITCH [x] -case(7)->8 -default->9
                8 STATEMENT [seven();] ->9
                9 STATEMENT [end();] ->1
                """, cfg("""
                void sw(int x) {
                  switch (x) {
                  case 1:
                    one();
                  case 2:
                    two();
                    break;
                  default:
                    dflt();
                  case 3 ... 5:
                    range();
                  }
                  switch (x) {
                  case 7: seven(); break;
                  }
                  end();
                }
                """));
    }

    @Test
    void caseRangeLabelIsTheEllipsisExpression() {
        Cfg c = cfg("void f(int x) { switch (x) { case 'a' ... 'z': low(); } }");
        CfgEdge e = c.nodes().get(2).successors().get(0);
        assertEquals(CfgEdge.EdgeKind.CASE, e.kind());
        assertTrue(e.label() instanceof org.eclipse.cdt.core.dom.ast.IASTBinaryExpression b
                && b.getOperator() == org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_ellipses);
        CfgEdge d = c.nodes().get(2).successors().get(1);
        assertEquals(CfgEdge.EdgeKind.DEFAULT, d.kind());
        assertEquals(c.exit(), d.to());
    }

    @Test
    void switchInsideLoopWithContinueBreakAndGoto() {
        // continue goes to the increment, break leaves the switch only, the goto keeps its DEFAULT kind
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [i = 0;] ->3
                3 CONDITION [i < n] -T->4 -F->7
                4 SWITCH [a[i]] -case(0)->6 -case(1)->5 -default->11
                5 STATEMENT [work(i);] ->6
                6 STATEMENT [i++] -back->3
                7 JOIN [loop] ->8
                8 CONDITION [x] -T->10 -F->9
                9 STATEMENT [y();] ->10
                10 CONDITION [z] -T->7 -F->11
                11 JOIN [out:] ->12
                12 RETURN [return;] ->1
                """, cfg("""
                void loops(int n) {
                  for (i = 0; i < n; i++) {
                    switch (a[i]) {
                    case 0: continue;
                    case 1: break;
                    default: goto out;
                    }
                    work(i);
                  }
                  do { if (x) continue; y(); } while (z);
                out:
                  return;
                }
                """));
    }

    @Test
    void caseLabelsInsideNestedBlocksDuffsDevice() {
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 SWITCH [n % 2] -case(0)->3 -case(1)->4 -default->1
                3 JOIN [loop] ->4
                4 STATEMENT [copy();] ->5
                5 CONDITION [--n > 0] -T->3 -F->1
                """, cfg("""
                void duff(int n) {
                  switch (n % 2) {
                  case 0: do {
                  case 1:   copy();
                          } while (--n > 0);
                  }
                }
                """));
    }

    @Test
    void constantFalseLoopsBodiesReachableOnlyByGotoAndContinueLeavesThem() {
        assertShape("""
                0 ENTRY -goto->2
                1 EXIT
                2 JOIN [in:] ->3
                3 CONDITION [a] -T->5 -F->4
                4 STATEMENT [g();] ->5
                5 CONDITION [a] -T->7 -F->6
                6 STATEMENT [y();] ->7
                7 STATEMENT [h();] ->1
                """, cfg("""
                void f(int a) {
                  goto in;
                  while (0) {
                in:
                    if (a) continue;
                    g();
                  }
                  do { if (a) continue; y(); } while (0);
                  h();
                }
                """));
    }
}
