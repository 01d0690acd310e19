package dev.mmlint.cfg;

import static dev.mmlint.cfg.CfgTestSupport.assertShape;
import static dev.mmlint.cfg.CfgTestSupport.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mmlint.cfg.CfgEdge.EdgeKind;

class NoreturnTest {

    @Test
    void bugPanicUnreachableEndThePathButBugOnDoesNot() {
        Cfg c = cfg("""
                void nr(struct page *page, int c) {
                  if (!page)
                    BUG();
                  if (c)
                    panic("bad %d", c);
                  do { if (unlikely(PageTail(page))) { dump_page(page, "VM_BUG_ON_PAGE(PageTail(page))"); BUG(); } } while (0);
                  BUG_ON(c > 3);
                  (void)__builtin_unreachable();
                  after();
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [page] -T->4 -F->3
                3 STATEMENT [BUG();] -noreturn->1
                4 CONDITION [c] -T->5 -F->6
                5 STATEMENT [panic("bad %d", c);] -noreturn->1
                6 CONDITION [PageTail(page)] -T->7 -F->9
                7 STATEMENT [dump_page(page, "VM_BUG_ON_PAGE(PageTail(page))");] ->8
                8 STATEMENT [BUG();] -noreturn->1
                9 STATEMENT [BUG_ON(c > 3);] ->10
                10 STATEMENT [(void)__builtin_unreachable();] -noreturn->1
                11 STATEMENT [after();] ->1
                """, c);
        assertFalse(c.nodes().get(11).isReachable(), "code after __builtin_unreachable() is dead");
        // EXIT is reached only through noreturn edges: no normal return
        assertTrue(c.exit().predecessors().stream().allMatch(e -> e.kind() == EdgeKind.EXCEPTIONAL_NONE
                || !e.from().isReachable()));
    }

    @Test
    void noreturnCallsInsideExpressionsOnlyWhenUnconditional() {
        Cfg c = cfg("""
                void f(int x) {
                  y = x ? panic("a") : 0;
                  x && (BUG(), 0);
                  y = (x++, do_exit(1));
                  z();
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [y = x ? panic("a") : 0;] ->3
                3 STATEMENT [x && (BUG(), 0);] ->4
                4 STATEMENT [y = (x++, do_exit(1));] -noreturn->1
                5 STATEMENT [z();] ->1
                """, c);
    }

    @Test
    void theNoreturnSetIsConfigurable() {
        String code = "void f(void) { my_fatal(); BUG(); g(); }";
        Cfg custom = cfg(code, "f", CfgOptions.DEFAULT.withNoreturnFunctions(Set.of("my_fatal")));
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [my_fatal();] -noreturn->1
                3 STATEMENT [BUG();] ->4
                4 STATEMENT [g();] ->1
                """, custom);
        Cfg none = cfg(code, "f", CfgOptions.DEFAULT.withNoreturnFunctions(Set.of()));
        assertTrue(none.nodes().stream().allMatch(CfgNode::isReachable));
        assertTrue(CfgOptions.DEFAULT_NORETURN
                .containsAll(Set.of("BUG", "panic", "__builtin_unreachable", "unreachable", "do_exit")));
        assertFalse(CfgOptions.DEFAULT_NORETURN.contains("BUG_ON"));
    }

    @Test
    void functionsDeclaredNoreturnInTheTranslationUnit() {
        String code = """
                void die(const char *m) __attribute__((__noreturn__));
                __attribute__((noreturn)) void die2(void);
                void (*maybe)(void) __attribute__((noreturn));
                void *f(int x) {
                  if (x)
                    die("x");
                  else if (x > 1)
                    die2();
                  maybe();
                  return 0;
                }
                """;
        Cfg c = cfg(code, "f");
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [x] -T->3 -F->4
                3 STATEMENT [die("x");] -noreturn->1
                4 CONDITION [x > 1] -T->5 -F->6
                5 STATEMENT [die2();] -noreturn->1
                6 STATEMENT [maybe();] ->7
                7 RETURN [return 0;] ->1
                """, c);
        Cfg off = cfg(code, "f", CfgOptions.DEFAULT.withNoreturnAttribute(false));
        assertEquals(EdgeKind.NORMAL, off.nodes().get(3).successors().get(0).kind());
    }
}
