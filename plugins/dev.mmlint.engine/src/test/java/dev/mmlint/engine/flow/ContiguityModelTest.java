package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.check.Event;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.junit.jupiter.api.Test;

/** The contiguity model: loop guards and value classes bound integers; page arithmetic is raised; and its join laws. */
class ContiguityModelTest {
    private final RecordingEvents ev = new RecordingEvents();
    private final ContiguityModel model = new ContiguityModel(ev);
    private final Bound order = new Bound(true, "1 << order", null, 2);
    private final Bound nr = new Bound(false, "nr_pages", null, 3);

    @Test void aLoopGuardBoundsItsVariableOnTheTrueEdgeOnly() {
        V.Cmp guard = new V.Cmp(IASTBinaryExpression.op_lessThan, new V.Int(null, null, "i"), new V.Int(order, null, null));
        RangeFacts t = new RangeFacts(), f = new RangeFacts();
        model.refine(t, guard, true);
        model.refine(f, guard, false);
        assertEquals(order, t.of("i"));
        assertNull(f.of("i"));
        V.Cmp mirrored = new V.Cmp(IASTBinaryExpression.op_greaterThan, new V.Int(nr, null, null), new V.Int(null, null, "j"));
        model.refine(t, mirrored, true);
        assertEquals(nr, t.of("j"));
    }

    @Test void aGuardWinsOverTheValueClass() {
        RangeFacts r = new RangeFacts();
        model.assigned(r, "i", nr);
        assertEquals(nr, r.of("i"));
        r.guard("i", order);
        assertEquals(order, r.of("i"));
        r.kill("i");
        assertNull(r.of("i"));
    }

    @Test void pointerArithmeticIsRaisedWithItsBound() {
        model.pointerArith(5, 8, "page", "page + i", nr, null);
        Event.PointerArith a = ev.of(Event.PointerArith.class).get(0);
        assertEquals("page + i", a.form());
        assertEquals(nr, a.bound());
    }

    @Test void arithmeticKeepsTheWorstBound() {
        assertEquals(nr, ContiguityModel.worst(order, nr));
        assertEquals(nr, ContiguityModel.worst(nr, order));
        assertEquals(order, ContiguityModel.worst(null, order));
        assertEquals(new V.Int(nr, null, null), ContiguityModel.arithInt(new V.Int(order, null, null), new V.Int(nr, null, null)));
        assertEquals(V.UNKNOWN, ContiguityModel.arithInt(V.UNKNOWN, V.UNKNOWN));
    }

    @Test void joinIsASemilattice() {
        RangeFacts a = new RangeFacts(), b = new RangeFacts(), c = new RangeFacts();
        a.guard("i", order);
        b.guard("i", nr);
        b.assigned("n", nr);
        c.assigned("n", nr);
        StateLaws.check(List.of(a, b, c, new RangeFacts()), RangeFacts::join);
        assertEquals(nr, a.join(b).of("i"), "the unbounded of two wins");
        assertNull(a.join(c).of("i"), "must: known only where every path knows it");
    }
}
