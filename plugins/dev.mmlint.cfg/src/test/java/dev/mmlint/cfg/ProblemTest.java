package dev.mmlint.cfg;

import static dev.mmlint.cfg.CfgTestSupport.assertShape;
import static dev.mmlint.cfg.CfgTestSupport.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.cdt.core.dom.ast.IASTProblemStatement;
import org.junit.jupiter.api.Test;

/** Code CDT cannot parse, or that the builder models only approximately, is opaque and recorded. */
class ProblemTest {

    @Test
    void problemStatementsAreOpaqueNodesAndRecorded() {
        Cfg c = cfg("""
                void problems(int a) {
                  a = 1 +;
                  if (a) break;
                  done();
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 PROBLEM [a = 1 +;] ->3
                3 CONDITION [a] -T->4 -F->5
                4 PROBLEM [break;] -noreturn->1
                5 STATEMENT [done();] ->1
                """, c);
        assertTrue(c.nodes().get(2).ast() instanceof IASTProblemStatement);
        assertTrue(c.hasProblems());
        assertEquals(List.of("line 2: problem statement `a = 1 +;` kept opaque",
                "line 3: break outside loop or switch (path abandoned)"), c.unsupported());
    }

    private static final String ITER = """
            void iter(struct list_head *h) {
              list_for_each_entry(p, h, lru) {
                if (PageTail(p))
                  continue;
                if (bad(p))
                  break;
                x++;
              }
              for_each_online_node(nid)
                visit(nid);
              done();
            }
            """;

    @Test
    void unexpandedIteratorMacrosBecomeLoopsWithAnOpaqueHead() {
        Cfg c = cfg(ITER);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 PROBLEM [list_for_each_entry(p, h, lru)] ->3 ->6
                3 CONDITION [PageTail(p)] -T->2 -F->4
                4 CONDITION [bad(p)] -T->6 -F->5
                5 STATEMENT [x++;] -back->2
                6 PROBLEM [for_each_online_node(nid)] ->7 ->8
                7 STATEMENT [visit(nid);] -back->6
                8 STATEMENT [done();] ->1
                """, c);
        assertEquals(List.of(2, 6), c.nodes().stream().filter(CfgNode::isLoopHead).map(CfgNode::id).toList());
        assertEquals(2, c.unsupported().size());
        assertTrue(c.unsupported().get(0).startsWith("line 2: unexpanded macro `list_for_each_entry`"));
    }

    @Test
    void withoutTheHeuristicTheBodyRunsOnceAndBreakIsAbandoned() {
        Cfg c = cfg(ITER, "iter", CfgOptions.DEFAULT.withIteratorMacroHeuristic(false));
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [list_for_each_entry(p, h, lru)] ->3
                3 PROBLEM [)] ->4
                4 CONDITION [PageTail(p)] -T->5 -F->6
                5 PROBLEM [continue;] -noreturn->1
                6 CONDITION [bad(p)] -T->7 -F->8
                7 PROBLEM [break;] -noreturn->1
                8 STATEMENT [x++;] ->9
                9 STATEMENT [for_each_online_node(nid)] ->10
                10 PROBLEM [)] ->11
                11 STATEMENT [visit(nid);] ->12
                12 STATEMENT [done();] ->1
                """, c);
    }

    @Test
    void cleanupAttributeIsRecorded() {
        Cfg c = cfg("""
                void cleanup(void) {
                  int g __attribute__((__cleanup__(release))) = acquire();
                  use(g);
                }
                """);
        assertEquals(List.of("line 2: cleanup attribute: the call at scope exit is not modelled"), c.unsupported());
        assertEquals(4, c.nodes().size());
    }

    @Test
    void continueOutsideLoopAndCaseOutsideSwitch() {
        Cfg c = cfg("void f(int a) { case 1: g(); if (a) continue; h(); }");
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [g();] ->3
                3 CONDITION [a] -T->4 -F->5
                4 PROBLEM [continue;] -noreturn->1
                5 STATEMENT [h();] ->1
                """, c);
        assertEquals(List.of("line 1: case label outside a switch ignored",
                "line 1: continue outside loop (path abandoned)"), c.unsupported());
    }
}
