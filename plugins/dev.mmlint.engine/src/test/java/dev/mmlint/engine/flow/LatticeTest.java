package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The joins the dataflow merges paths with are semilattice joins over every combination of their
 * elements: commutative (the state at a merge point does not depend on the order its predecessors
 * are visited in), associative, idempotent; and the shape join never loses "may be a tail".
 */
class LatticeTest {
    @Test void shapeJoinIsASemilattice() {
        laws(List.of(Shape.values()), Shape::join);
    }

    @Test void shapeJoinKeepsMayBeTail() {
        for (Shape a : Shape.values())
            for (Shape b : Shape.values())
                if (a.mayBeTail() || b.mayBeTail()) assertTrue(a.join(b).mayBeTail(), a + " join " + b);
    }

    @Test void refStateJoinIsASemilattice() {
        laws(List.of(RefState.values()), RefState::join);
    }

    @Test void refStateJoinKeepsSpeculative() {
        for (RefState a : RefState.values()) assertEquals(RefState.SPECULATIVE, a.join(RefState.SPECULATIVE), a.toString());
    }

    @Test void pageValueJoinIsCommutativeAndIdempotentInShapeAndReference() {
        List<PageValue> vs = new ArrayList<>();
        PageValue.Origin o1 = new PageValue.Origin(10, 1, "pte_page()"), o2 = new PageValue.Origin(20, 1, "pfn_to_page()");
        for (Shape s : Shape.values())
            for (RefState r : RefState.values())
                for (boolean needHead : new boolean[] {false, true})
                    vs.add(PageValue.of(s, s.mayBeTail() ? o1 : o2, null).withRef(r, o1, r == RefState.SPECULATIVE ? "get_page_unless_zero" : null, needHead, false));
        for (PageValue a : vs) {
            assertEquals(a, a.join(a));
            for (PageValue b : vs) {
                PageValue ab = a.join(b), ba = b.join(a);
                String what = a.shape() + "/" + a.ref() + " join " + b.shape() + "/" + b.ref();
                assertEquals(ab.shape(), ba.shape(), what);
                assertEquals(ab.ref(), ba.ref(), what);
                assertEquals(ab.unvalidated(), ba.unvalidated(), what);
                assertEquals(ab.shape(), a.shape().join(b.shape()), what);
                if (a.unvalidated() || b.unvalidated()) assertTrue(ab.unvalidated(), what + ": an unvalidated speculative reference on one path stays");
            }
        }
    }

    private static <T> void laws(List<T> xs, BinaryOperator<T> join) {
        for (T a : xs) {
            assertEquals(a, join.apply(a, a), "idempotent: " + a);
            for (T b : xs) {
                assertEquals(join.apply(a, b), join.apply(b, a), "commutative: " + a + ", " + b);
                for (T c : xs)
                    assertEquals(join.apply(join.apply(a, b), c), join.apply(a, join.apply(b, c)), "associative: " + a + ", " + b + ", " + c);
            }
        }
    }
}
