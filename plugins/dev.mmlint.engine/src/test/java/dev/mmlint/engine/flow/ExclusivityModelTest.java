package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.junit.jupiter.api.Test;

/** The exclusivity model: mapcount tests carried along their "exclusive" edge to decisions; and its join laws. */
class ExclusivityModelTest {
    private final RecordingEvents ev = new RecordingEvents();
    private final ExclusivityModel model = new ExclusivityModel(ev);
    private final AppliedClause clause = RecordingEvents.clause("mapcount.exclusive", "MM005");

    private V.Cmp mapcount(int op, long k, int off) {
        V.Cmp c = new V.Cmp(op, new V.Mapcount("page", PageValue.UNKNOWN, "page_mapcount", clause), new V.Int(null, k, null));
        model.compared(c, off, 20, "page_mapcount(page) == 1");
        return c;
    }

    @Test void aDecisionOnTheExclusiveEdgeIsRaised() {
        ExclusivityFacts x = new ExclusivityFacts();
        model.refine(x, mapcount(IASTBinaryExpression.op_equals, 1, 30), true);
        model.decides(x, "page_move_anon_rmap", 12);
        Event.MapcountTest t = ev.of(Event.MapcountTest.class).get(0);
        assertEquals("page_move_anon_rmap()", t.decision());
        assertEquals(12, t.decisionLine());
        assertEquals(30, t.offset());
    }

    @Test void theOtherEdgeCarriesNothing() {
        ExclusivityFacts x = new ExclusivityFacts();
        model.refine(x, mapcount(IASTBinaryExpression.op_equals, 1, 30), false);
        model.refine(x, mapcount(IASTBinaryExpression.op_greaterThan, 1, 40), true);
        model.decides(x, "page_move_anon_rmap", 12);
        assertTrue(ev.events.isEmpty());
    }

    @Test void aComparisonWithOtherThanOneOrTwoIsNoTest() {
        ExclusivityFacts x = new ExclusivityFacts();
        model.refine(x, mapcount(IASTBinaryExpression.op_lessEqual, 3, 30), true);
        model.decides(x, "page_move_anon_rmap", 12);
        model.returned(mapcount(IASTBinaryExpression.op_equals, 5, 50), 14);
        assertTrue(ev.events.isEmpty());
    }

    private V.Verdict verdict(int off) {
        return new V.Verdict(new V.Mapcount("page", PageValue.UNKNOWN, "reuse_swap_page", clause), off, 21, "reuse_swap_page(page)");
    }

    @Test void aVerdictsTrueEdgeCarriesItToADecision() {
        ExclusivityFacts x = new ExclusivityFacts();
        model.verdict(x, verdict(60), true);
        model.decides(x, "wp_page_reuse", 20);
        Event.MapcountTest t = ev.of(Event.MapcountTest.class).get(0);
        assertTrue(t.verdict());
        assertEquals("wp_page_reuse()", t.decision());
        assertEquals(60, t.offset());
        assertEquals("reuse_swap_page(page)", t.comparison());
    }

    @Test void aVerdictsFalseEdgeCarriesNothing() {
        ExclusivityFacts x = new ExclusivityFacts();
        model.verdict(x, verdict(60), false);
        model.decides(x, "wp_page_reuse", 20);
        assertTrue(ev.events.isEmpty());
    }

    @Test void aComparedCountIsNoVerdict() {
        ExclusivityFacts x = new ExclusivityFacts();
        model.refine(x, mapcount(IASTBinaryExpression.op_equals, 1, 30), true);
        model.decides(x, "wp_page_reuse", 20);
        assertFalse(ev.of(Event.MapcountTest.class).get(0).verdict());
    }

    @Test void aReturnedTestIsRaised() {
        model.returned(mapcount(IASTBinaryExpression.op_equals, 1, 30), 14);
        assertEquals("returned", ev.of(Event.MapcountTest.class).get(0).decision());
    }

    @Test void joinIsASemilatticeOverTheTestsHeld() {
        ExclusivityFacts a = new ExclusivityFacts(), b = new ExclusivityFacts(), c = new ExclusivityFacts();
        model.refine(a, mapcount(IASTBinaryExpression.op_equals, 1, 30), true);
        model.refine(b, mapcount(IASTBinaryExpression.op_lessThan, 2, 100), true);
        model.refine(b, mapcount(IASTBinaryExpression.op_equals, 1, 30), true);
        StateLaws.check(List.of(a, b, c), ExclusivityFacts::join);
        // in the order of the offsets as decimal text (kept so that findings come in the order they always did)
        assertEquals(List.of(100, 30), c.join(b).tests().stream().map(Event.MapcountTest::offset).toList());
    }
}
