package dev.mmlint.cfg;

import static dev.mmlint.cfg.CfgTestSupport.assertShape;
import static dev.mmlint.cfg.CfgTestSupport.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.cdt.core.dom.ast.IASTLabelStatement;
import org.junit.jupiter.api.Test;

import dev.mmlint.cfg.CfgEdge.EdgeKind;

class GotoTest {

    @Test
    void errorPathLabelsFallThroughToEachOther() {
        Cfg c = cfg("""
                int errpath(struct page *page) {
                  int err;
                  err = lock(page);
                  if (err)
                    goto out;
                  err = pin(page);
                  if (err)
                    goto out_unlock;
                  if (compound_head(page) != page)
                    goto out_unpin;
                  return 0;
                out_unpin:
                  unpin(page);
                out_unlock:
                  unlock(page);
                out:
                  return err;
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [int err;] ->3
                3 STATEMENT [err = lock(page);] ->4
                4 CONDITION [err] -T->13 -F->5
                5 STATEMENT [err = pin(page);] ->6
                6 CONDITION [err] -T->11 -F->7
                7 CONDITION [compound_head(page) != page] -T->9 -F->8
                8 RETURN [return 0;] ->1
                9 JOIN [out_unpin:] ->10
                10 STATEMENT [unpin(page);] ->11
                11 JOIN [out_unlock:] ->12
                12 STATEMENT [unlock(page);] ->13
                13 JOIN [out:] ->14
                14 RETURN [return err;] ->1
                """, c);
        CfgNode out = c.nodes().get(13);
        assertTrue(out.origin() instanceof IASTLabelStatement l && l.getName().toString().equals("out"));
        // the goto under a condition keeps the TRUE kind the engine refines on; the fallthrough is NORMAL
        assertEquals(List.of(EdgeKind.NORMAL, EdgeKind.TRUE), out.predecessors().stream().map(CfgEdge::kind).toList());
        assertEquals(List.of(12, 4), out.predecessors().stream().map(e -> e.from().id()).toList());
        assertTrue(c.nodes().stream().noneMatch(CfgNode::isLoopHead));
    }

    @Test
    void backwardGotoRetryLoop() {
        Cfg c = cfg("""
                void backgoto(struct page *page) {
                  struct page *head;
                retry:
                  head = compound_head(page);
                  if (!get_page_unless_zero(head))
                    return;
                  if (compound_head(page) != head) {
                    put_page(head);
                    goto retry;
                  }
                  use(head);
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [struct page *head;] ->3
                3 JOIN [retry:] ->4
                4 STATEMENT [head = compound_head(page);] ->5
                5 CONDITION [get_page_unless_zero(head)] -T->7 -F->6
                6 RETURN [return;] ->1
                7 CONDITION [compound_head(page) != head] -T->8 -F->9
                8 STATEMENT [put_page(head);] -goto->3
                9 STATEMENT [use(head);] ->1
                """, c);
        CfgNode retry = c.nodes().get(3);
        assertTrue(retry.isLoopHead(), "a backward goto makes a loop head (widening point)");
        CfgEdge back = c.nodes().get(8).successors().get(0);
        assertEquals(EdgeKind.GOTO, back.kind());
        assertTrue(back.isRetreating());
        assertFalse(retry.predecessors().get(0).isRetreating());
    }

    @Test
    void unconditionalGotoAndGotoIntoALoop() {
        Cfg c = cfg("""
                void intoloop(int n) {
                  goto inside;
                  while (n) {
                    a();
                inside:
                    b();
                  }
                }
                """);
        assertShape("""
                0 ENTRY -goto->4
                1 EXIT
                2 CONDITION [n] -T->3 -F->1
                3 STATEMENT [a();] ->4
                4 JOIN [inside:] ->5
                5 STATEMENT [b();] -back->2
                """, c);
        // irreducible: the depth-first search enters the loop at the label, which becomes the widening point
        assertEquals(List.of(4), c.nodes().stream().filter(CfgNode::isLoopHead).map(CfgNode::id).toList());
    }

    @Test
    void computedGotoReachesEveryAddressTakenLabel() {
        Cfg c = cfg("""
                void computed(void **tbl, int op) {
                  static void *labels[] = { &&do_add, &&do_sub };
                  goto *labels[op];
                do_add:
                  add();
                  return;
                not_taken:
                  never();
                do_sub:
                  sub();
                  return;
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [static void *labels[] = { &&do_add, &&do_sub };] -goto->3 -goto->8
                3 JOIN [do_add:] ->4
                4 STATEMENT [add();] ->5
                5 RETURN [return;] ->1
                6 JOIN [not_taken:] ->7
                7 STATEMENT [never();] ->8
                8 JOIN [do_sub:] ->9
                9 STATEMENT [sub();] ->10
                10 RETURN [return;] ->1
                """, c);
        assertFalse(c.nodes().get(6).isReachable());
        assertEquals(List.of("line 3: computed goto approximated by edges to all 2 address-taken labels"),
                c.unsupported());
    }

    @Test
    void gotoToAnUndefinedLabelAbandonsThePath() {
        Cfg c = cfg("void f(int a) { if (a) goto nowhere; g(); }");
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [a] -T->4 -F->3
                3 STATEMENT [g();] ->1
                4 PROBLEM [goto nowhere;] -noreturn->1
                """, c);
        assertEquals(List.of("line 1: goto to label `nowhere` not defined in the function (path abandoned)"),
                c.unsupported());
    }

    @Test
    void localLabelsOfStatementExpressionsAreScoped() {
        // two expansions of a macro with a GNU local label: each goto reaches its own block's label
        Cfg c = cfg("""
                void f(int a) {
                  ({ __label__ l; if (a) goto l; x(); l: y(); });
                  ({ __label__ l; if (a) goto l; z(); l: w(); });
                  { __label__ m; goto m; }
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [a] -T->4 -F->3
                3 STATEMENT [x();] ->4
                4 JOIN [l:] ->5
                5 STATEMENT [y();] ->6
                6 CONDITION [a] -T->8 -F->7
                7 STATEMENT [z();] ->8
                8 JOIN [l:] ->9
                9 STATEMENT [w();] ->10
                10 PROBLEM [goto m;] -noreturn->1
                """, c);
        assertEquals(List.of("line 4: goto to local label `m` not defined in its block (path abandoned)"),
                c.unsupported());
    }

    @Test
    void aLabelDefinedTwiceIsRecorded() {
        Cfg c = cfg("void f(int a) { l: a++; l: a--; goto l; }");
        // invalid C; the goto goes to the nearest definition before it
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 JOIN [l:] ->3
                3 STATEMENT [a++;] ->4
                4 JOIN [l:] ->5
                5 STATEMENT [a--;] -goto->4
                """, c);
        assertTrue(c.unsupported().get(0).startsWith("line 1: label `l` defined twice"));
    }
}
