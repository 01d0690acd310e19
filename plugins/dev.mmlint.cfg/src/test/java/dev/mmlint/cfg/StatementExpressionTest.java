package dev.mmlint.cfg;

import static dev.mmlint.cfg.CfgTestSupport.assertShape;
import static dev.mmlint.cfg.CfgTestSupport.cfg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;
import org.junit.jupiter.api.Test;

class StatementExpressionTest {

    private static final String SE = """
            void se(struct page *page, int a, int b) {
              int m = ({ int __a = a; int __b = b; __a < __b ? __a : __b; });
              if (({ int __ret_warn_on = !!(PageTail(page)); if (unlikely(__ret_warn_on)) __warn(); unlikely(__ret_warn_on); }))
                return;
              x = a ? ({ one(); 1; }) : ({ two(); 2; });
              ({ if (a) goto out; three(); });
              n = sizeof(({ never(); 1; }));
              typeof(({ never2(); 1; })) t = 3;
              for (i = 0; i < 3; i += ({ four(); 1; })) ;
              (void)({ five(); 0; });
            out:
              return;
            }
            """;

    @Test
    void statementExpressionsAreLoweredBeforeTheirConsumers() {
        Cfg c = cfg(SE);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [int __a = a;] ->3
                3 STATEMENT [int __b = b;] ->4
                4 STATEMENT [__a < __b ? __a : __b;] ->5
                5 STATEMENT [int m = ({ int __a = a; int __b = b; __a < __b ? __a : __b; });] ->6
                6 STATEMENT [int __ret_warn_on = !!(PageTail(page));] ->7
                7 CONDITION [__ret_warn_on] -T->8 -F->9
                8 STATEMENT [__warn();] ->9
                9 CONDITION [__ret_warn_on] -T->10 -F->11
                10 RETURN [return;] ->1
                11 CONDITION [a] -T->12 -F->14
                12 STATEMENT [one();] ->13
                13 STATEMENT [1;] ->16
                14 STATEMENT [two();] ->15
                15 STATEMENT [2;] ->16
                16 STATEMENT [x = a ? ({ one(); 1; }) : ({ two(); 2; });] ->17
                17 CONDITION [a] -T->28 -F->18
                18 STATEMENT [three();] ->19
                19 STATEMENT [n = sizeof(({ never(); 1; }));] ->20
                20 STATEMENT [typeof(({ never2(); 1; })) t = 3;] ->21
                21 STATEMENT [i = 0;] ->22
                22 CONDITION [i < 3] -T->23 -F->26
                23 STATEMENT [four();] ->24
                24 STATEMENT [1;] ->25
                25 STATEMENT [i += ({ four(); 1; })] -back->22
                26 STATEMENT [five();] ->27
                27 STATEMENT [0;] ->28
                28 JOIN [out:] ->29
                29 RETURN [return;] ->1
                """, c);
        assertEquals(List.of(), c.unsupported());
    }

    @Test
    void loweringRecordsValueNodeAndConsumer() {
        Cfg c = cfg(SE);
        List<LoweredStatementExpression> l = List.copyOf(c.loweredStatementExpressions().values());
        assertEquals(7, l.size(), "sizeof and typeof operands are not evaluated, so not lowered");
        // int m = ({ ...; __a < __b ? __a : __b; })
        assertEquals(4, l.get(0).valueNode().id());
        assertEquals(5, l.get(0).consumer().id());
        assertEquals("__a < __b ? __a : __b", CfgNode.text(l.get(0).value()));
        assertEquals(List.of(l.get(0).expression()), c.nodes().get(5).preEvaluated());
        assertTrue(c.isPreEvaluated(l.get(0).expression()));
        // the WARN_ON-like condition: its value is tested, nothing consumes it
        assertEquals(9, l.get(1).valueNode().id());
        assertNull(l.get(1).consumer());
        assertEquals("unlikely(__ret_warn_on)", CfgNode.text(l.get(1).value()));
        // ?: arms: the guard `a` and both statement expressions were evaluated before node 16
        CfgNode assign = c.nodes().get(16);
        assertEquals(List.of("a", "({ one(); 1; })", "({ two(); 2; })"),
                assign.preEvaluated().stream().map(CfgNode::text).toList());
        assertTrue(assign.preEvaluated().get(0) instanceof IASTIdExpression);
        assertSame(assign, l.get(2).consumer());
        assertSame(assign, l.get(3).consumer());
        // bare statement expression statements need no consumer node
        assertNull(l.get(4).consumer());
        assertEquals(18, l.get(4).valueNode().id());
        assertNull(l.get(6).consumer());
        // the for increment consumes its statement expression, on the back path
        assertEquals(25, l.get(5).consumer().id());
        for (LoweredStatementExpression x : l) {
            assertSame(x, c.loweredStatementExpressions().get(x.expression()));
        }
    }

    @Test
    void nestedStatementExpressionsInnermostFirstWithReturnInside() {
        Cfg c = cfg("""
                int nested(int x) {
                  return ({ int a = ({ int b = x; b + 1; }); if (a > 3) return -1; a; });
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [int b = x;] ->3
                3 STATEMENT [b + 1;] ->4
                4 STATEMENT [int a = ({ int b = x; b + 1; });] ->5
                5 CONDITION [a > 3] -T->6 -F->7
                6 RETURN [return -1;] ->1
                7 STATEMENT [a;] ->8
                8 RETURN [return ({ int a = ({ int b = x; b + 1; }); if (a > 3) return -1; a; });] ->1
                """, c);
        List<LoweredStatementExpression> l = List.copyOf(c.loweredStatementExpressions().values());
        assertEquals(List.of("b + 1", "a"), l.stream().map(x -> CfgNode.text(x.value())).toList());
        assertEquals(List.of(4, 8), l.stream().map(x -> x.consumer().id()).toList());
    }

    @Test
    void statementExpressionsInLoopConditionsAndShortCircuitValues() {
        Cfg c = cfg("""
                int wcond(int x) {
                  while (({ int r = f(x); r > 0; })) x--;
                  y = a && ({ g(); 1; });
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [int r = f(x);] ->3
                3 CONDITION [r > 0] -T->4 -F->5
                4 STATEMENT [x--;] -back->2
                5 CONDITION [a] -T->6 -F->8
                6 STATEMENT [g();] ->7
                7 STATEMENT [1;] ->8
                8 STATEMENT [y = a && ({ g(); 1; });] ->1
                """, c);
        assertTrue(c.nodes().get(2).isLoopHead(), "the loop head is the first node of the lowered condition");
        assertEquals(List.of("a", "({ g(); 1; })"), c.nodes().get(8).preEvaluated().stream().map(CfgNode::text).toList());
    }

    @Test
    void nodesInsideStatementExpressionsKeepTheirOwnStatementAsAst() {
        Cfg c = cfg("void f(int x) { g(({ int t = x; t; })); }");
        IGNUASTCompoundStatementExpression se = c.loweredStatementExpressions().keySet().iterator().next();
        CfgNode decl = c.nodes().get(2);
        assertTrue(CfgInvariants.isDescendant(decl.ast(), se));
        CfgNode call = c.nodes().get(4);
        assertEquals("g(({ int t = x; t; }));", call.text());
        IASTExpression arg = (IASTExpression) se;
        assertTrue(c.isPreEvaluated(arg));
        assertFalse(c.isPreEvaluated((IASTExpression) se.getParent()));
    }

    @Test
    void nestedStatementExpressionsTestedAsAConditionSpinTrylockIrqsave() {
        // include/linux/spinlock.h of 6.12; mm/compaction.c compact_lock_irqsave()
        Cfg c = cfg("""
                #define raw_spin_trylock_irqsave(lock, flags) \\
                ({ \\
                	local_irq_save(flags); \\
                	raw_spin_trylock(lock) ? \\
                	1 : ({ local_irq_restore(flags); 0; }); \\
                })
                #define spin_trylock_irqsave(lock, flags)			\\
                ({								\\
                	raw_spin_trylock_irqsave(spinlock_check(lock), flags); \\
                })
                static bool compact_lock_irqsave(spinlock_t *lock, unsigned long *flags,
                						struct compact_control *cc)
                {
                	if (cc->mode == MIGRATE_ASYNC && !cc->contended) {
                		if (spin_trylock_irqsave(lock, *flags))
                			return true;
                		cc->contended = true;
                	}
                	spin_lock_irqsave(lock, *flags);
                	return true;
                }
                """);
        // the trylock result decides: TRUE returns with the lock, FALSE restores interrupts and goes on
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 CONDITION [cc->mode == MIGRATE_ASYNC] -T->3 -F->9
                3 CONDITION [cc->contended] -T->9 -F->4
                4 STATEMENT [local_irq_save(*flags);] ->5
                5 CONDITION [raw_spin_trylock(spinlock_check(lock))] -T->7 -F->6
                6 STATEMENT [local_irq_restore(*flags);] ->8
                7 RETURN [return true;] ->1
                8 STATEMENT [cc->contended = true;] ->9
                9 STATEMENT [spin_lock_irqsave(lock, *flags);] ->10
                10 RETURN [return true;] ->1
                """, c);
        List<LoweredStatementExpression> l = List.copyOf(c.loweredStatementExpressions().values());
        assertEquals(3, l.size());
        // innermost first: ({ local_irq_restore(flags); 0; }) is constant false, no node tests it
        assertNull(l.get(0).valueNode());
        assertSame(c.nodes().get(5), l.get(1).valueNode());
        assertSame(c.nodes().get(5), l.get(2).valueNode());
        assertTrue(l.stream().allMatch(x -> x.consumer() == null));
    }

    @Test
    void builtinChooseExprLowersTheChosenOperand() {
        Cfg c = cfg("""
                void f(int n) {
                  x = __builtin_choose_expr(1, ({ a(); 1; }), ({ b(); 2; }));
                  y = __builtin_choose_expr(sizeof(n) == 4, ({ c(); 3; }), ({ d(); 4; }));
                }
                """);
        assertShape("""
                0 ENTRY ->2
                1 EXIT
                2 STATEMENT [a();] ->3
                3 STATEMENT [1;] ->4
                4 STATEMENT [x = __builtin_choose_expr(1, ({ a(); 1; }), ({ b(); 2; }));] ->5
                5 STATEMENT [c();] ->6
                6 STATEMENT [3;] ->7
                7 STATEMENT [d();] ->8
                8 STATEMENT [4;] ->9
                9 STATEMENT [y = __builtin_choose_expr(sizeof(n) == 4, ({ c(); 3; }), ({ d(); 4; }));] ->1
                """, c);
        assertEquals(List.of("line 3: __builtin_choose_expr: statement expressions of both operands lowered in"
                + " sequence"), c.unsupported());
    }
}
