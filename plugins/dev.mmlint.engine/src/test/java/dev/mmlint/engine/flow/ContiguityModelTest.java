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

    private static dev.mmlint.engine.knowledge.ApiEffect capping(String name, int... caps) {
        List<dev.mmlint.engine.knowledge.ApiEffect.ArgEffect> args = new java.util.ArrayList<>();
        for (int i : caps) args.add(new dev.mmlint.engine.knowledge.ApiEffect.ArgEffect(i, dev.mmlint.engine.knowledge.ApiEffect.ArgEffect.Kind.CAPS_RESULT, null));
        return new dev.mmlint.engine.knowledge.ApiEffect(name, dev.mmlint.engine.knowledge.ApiEffect.Result.NONE, -1, null, args, java.util.Set.of());
    }

    @Test void aMinimumIsBoundedByAnyBoundedArgument() {
        var min3 = capping("min3", 0, 1, 2);
        V huge = new V.Int(nr, null, null), block = new V.Int(order, null, null);
        assertEquals(new V.Int(order, null, null), ContiguityModel.capped(min3, List.of(huge, V.UNKNOWN, block)));
        assertEquals(new V.Int(order, null, null), ContiguityModel.capped(min3, List.of(block, huge, huge)));
        // a small constant is bounded too: min(nr, 16)
        assertTrue(ContiguityModel.boundOf(ContiguityModel.capped(min3, List.of(huge, new V.Int(null, 16L, null), V.UNKNOWN))).bounded());
    }

    @Test void aMinimumMayExceedWhenAnArgumentMayAndNoneIsBounded() {
        var min3 = capping("min3", 0, 1, 2);
        V huge = new V.Int(nr, null, null);
        assertEquals(huge, ContiguityModel.capped(min3, List.of(huge, V.UNKNOWN, new V.Int(null, null, "remainder"))));
        assertEquals(V.UNKNOWN, ContiguityModel.capped(min3, List.of(V.UNKNOWN, V.UNKNOWN, new V.Int(null, null, "remainder"))));
        // min_t(type, x, y): the type is no capping argument
        var minT = capping("min_t", 1, 2);
        assertEquals(huge, ContiguityModel.capped(minT, List.of(V.UNKNOWN, huge, V.UNKNOWN)));
    }

    @Test void aClampIsBoundedByItsUpperLimitOnly() {
        var clamp = capping("clamp", 2);
        V huge = new V.Int(nr, null, null), block = new V.Int(order, null, null);
        assertEquals(block, ContiguityModel.capped(clamp, List.of(huge, V.UNKNOWN, block)));
        // a bounded lower limit does not bound the value; a possibly huge value with no bounded upper limit may exceed
        assertEquals(huge, ContiguityModel.capped(clamp, List.of(huge, block, V.UNKNOWN)));
        assertEquals(huge, ContiguityModel.capped(clamp, List.of(V.UNKNOWN, huge, V.UNKNOWN)));
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

    private final Bound leaf = new Bound(false, "(addr & ~PUD_MASK) >> PAGE_SHIFT", null, 7);

    @Test void aGuardThatReturnsBoundsItsVariableOnTheFalseEdge() {
        V.Cmp ge = new V.Cmp(IASTBinaryExpression.op_greaterEqual, new V.Int(null, null, "i"), new V.Int(nr, null, null));
        RangeFacts t = new RangeFacts(), f = new RangeFacts();
        model.refine(t, ge, true);
        model.refine(f, ge, false);
        assertNull(t.of("i"), "i >= nr taken true says nothing about an upper bound");
        assertEquals(nr, f.of("i"), "if (i >= nr) return; leaves i < nr");
    }

    @Test void smallConstantsAreBoundedLargeOnesAndUnknownsAreNot() {
        assertTrue(ContiguityModel.boundOf(new V.Int(null, 3L, null)).bounded());
        assertNull(ContiguityModel.boundOf(new V.Int(null, 1L << 18, null)));
        assertNull(ContiguityModel.boundOf(new V.Int(null, null, "n")));
        assertEquals(nr, ContiguityModel.boundOf(new V.Int(nr, null, null)));
        assertNull(ContiguityModel.boundOf(V.UNKNOWN));
    }

    @Test void anUnknownStepInsideALargeExtentRangesOverTheExtent() {
        RangeFacts r = new RangeFacts();
        r.extent("page", leaf);
        model.pointerArith(r, 10, 6, "page", "page++", null, null);
        assertEquals(leaf, ev.of(Event.PointerArith.class).get(0).bound());
    }

    @Test void aBuddyBlockBoundsEveryOffsetInsideIt() {
        RangeFacts r = new RangeFacts();
        r.extent("page", order);
        model.pointerArith(r, 10, 8, "page", "page + i", nr, null);
        assertEquals(order, ev.of(Event.PointerArith.class).get(0).bound(), "compound_nr() of a buddy page stays in the block");
    }

    @Test void aPageFreedAsOneBlockIsThatBlockWhateverItWasAssigned() {
        Bound block = new Bound(true, "the buddy block __free_pages() frees", null, 9);
        model.freedBlocks(java.util.Map.of("page", block));
        RangeFacts r = new RangeFacts();
        model.assignedPage(r, "page", leaf);
        model.assignedPage(r, "other", leaf);
        assertEquals(block, r.extentOf("page"), "freed as one block: its extent is the block, not the lookup's");
        assertEquals(leaf, r.extentOf("other"));
        assertEquals(block, model.freedBlock("page"));
        assertNull(model.freedBlock("other"));
        model.pointerArith(r, 10, 8, "page", "page + i", nr, null);
        assertEquals(block, ev.of(Event.PointerArith.class).get(0).bound());
    }

    @Test void pageArithmeticByALeafOffsetPointsIntoTheLeaf() {
        RangeFacts r = new RangeFacts();
        model.pointerArith(r, 40, 20, "pud_page(pud)", "pud_page(pud) + off", leaf, null);
        model.pointerArith(r, 70, 12, "sub", "sub += off", leaf, null);
        assertEquals(leaf, r.extentOf("sub"), "page += off moves the variable into the extent");
        model.assignedPage(r, "p", leaf);
        assertEquals(leaf, r.extentOf("p"));
        r.kill("p");
        assertNull(r.extentOf("p"));
    }

    @Test void aDistanceOfPagesInALargeExtentIsRaised() {
        assertEquals(V.UNKNOWN, model.distance(1, 2, "a", "a - b", null, order));
        assertTrue(ev.of(Event.PointerArith.class).isEmpty());
        V d = model.distance(1, 2, "a", "a - b", leaf, null);
        assertEquals(new V.Int(leaf, null, null), d);
        assertEquals(leaf, ev.of(Event.PointerArith.class).get(0).bound());
    }

    @Test void callersJoinAnyUnboundedEveryBoundedElseUnknown() {
        assertEquals(nr, ContiguityModel.joinCallers(order, nr));
        assertEquals(nr, ContiguityModel.joinCallers(null, nr), "one caller reaching the helper with a large count is enough");
        assertEquals(order, ContiguityModel.joinCallers(order, order));
        assertNull(ContiguityModel.joinCallers(order, null), "bounded needs every caller bounded");
        CallerContext.Builder b = new CallerContext.Builder();
        b.site(0, order, null);
        b.site(0, null, null);
        b.site(1, null, leaf);
        b.site(1, order, null);
        CallerContext c = b.build();
        assertFalse(c.counts().containsKey(0));
        assertEquals(leaf, c.extents().get(1));
        CallerContext.Builder one = new CallerContext.Builder();
        one.site(2, order, null);
        assertEquals(order, one.build().counts().get(2));
        assertTrue(new CallerContext.Builder().build().isEmpty());
    }

    @Test void extentsJoinAsMustFacts() {
        RangeFacts a = new RangeFacts(), b = new RangeFacts(), c = new RangeFacts();
        a.extent("p", order);
        b.extent("p", leaf);
        StateLaws.check(List.of(a, b, c, new RangeFacts()), RangeFacts::join);
        assertEquals(leaf, a.join(b).extentOf("p"), "the unbounded of two wins");
        assertNull(a.join(c).extentOf("p"));
    }
    @Test void aGuardOnOnePathAndAValueClassOnTheOtherJoinAsTheirBounds() {
        // off = <leaf index>; again: ... off++; if (off < nr) goto again;
        RangeFacts entry = new RangeFacts(), back = new RangeFacts(), neither = new RangeFacts();
        entry.assigned("off", leaf);
        back.guard("off", nr);
        assertFalse(entry.join(back).of("off").bounded(), "both paths know a bound: the join keeps it, unbounded");
        assertFalse(back.join(entry).of("off").bounded());
        RangeFacts small = new RangeFacts();
        small.guard("off", order);
        assertEquals(leaf, entry.join(small).of("off"), "the unbounded of the two wins");
        assertNull(entry.join(neither).of("off"), "must: one path knows nothing");
        RangeFacts bothGuards = new RangeFacts();
        bothGuards.guard("off", order);
        bothGuards.assigned("off", leaf);
        RangeFacts other = new RangeFacts();
        other.guard("off", order);
        assertEquals(order, bothGuards.join(other).of("off"), "a guard on every path answers first");
        RangeFacts entryLeaf = new RangeFacts(), backLeaf = new RangeFacts();
        entryLeaf.assigned("off", leaf);
        backLeaf.guard("off", leaf);
        StateLaws.check(List.of(entryLeaf, backLeaf, neither, bothGuards, other), RangeFacts::join);
    }

    private final Bound hugetlb = new Bound(false, "pages_per_huge_page(h)", null, 4);
    private final Bound maxOrder = new Bound(true, "MAX_ORDER_NR_PAGES", null, 5);

    @Test void aSizeComparedWithABoundedSizeIsBoundedWhereItIsNotLarger() {
        V.Cmp gt = new V.Cmp(IASTBinaryExpression.op_greaterThan, new V.Int(hugetlb, null, null), new V.Int(maxOrder, null, null));
        model.compared(gt, "pages_per_huge_page(h)", null);
        RangeFacts t = new RangeFacts(), f = new RangeFacts();
        model.refine(t, gt, true);
        model.refine(f, gt, false);
        assertNull(t.guardedSize("pages_per_huge_page(h)"), "larger than a buddy block on the true edge");
        assertEquals(maxOrder, f.guardedSize("pages_per_huge_page( h )"), "if (size > MAX_ORDER_NR_PAGES) return; leaves it bounded (blanks do not matter)");
        assertNull(f.guardedSize("pages_per_huge_page(src)"));
        V.Cmp mirrored = new V.Cmp(IASTBinaryExpression.op_lessThan, new V.Int(maxOrder, null, null), new V.Int(hugetlb, null, null));
        model.compared(mirrored, null, "pages_per_huge_page(h)");
        RangeFacts m = new RangeFacts();
        model.refine(m, mirrored, false);
        assertEquals(maxOrder, m.guardedSize("pages_per_huge_page(h)"));
        V.Cmp unrecorded = new V.Cmp(IASTBinaryExpression.op_greaterThan, new V.Int(hugetlb, null, null), new V.Int(maxOrder, null, null));
        RangeFacts u = new RangeFacts();
        model.refine(u, unrecorded, false);
        assertNull(u.guardedSize("pages_per_huge_page(h)"), "only a comparison whose operand texts were recorded");
    }

    @Test void aGuardedSizeIsForgottenWhenAVariableItMentionsChangesAndJoinsAsAMustFact() {
        RangeFacts a = new RangeFacts(), b = new RangeFacts();
        a.guardSize("pages_per_huge_page(h)", maxOrder);
        b.guardSize("pages_per_huge_page(h)", maxOrder);
        RangeFacts other = a.copy();
        other.kill("hh");
        assertEquals(maxOrder, other.guardedSize("pages_per_huge_page(h)"), "a name that merely contains h leaves it");
        other.kill("h");
        assertNull(other.guardedSize("pages_per_huge_page(h)"));
        assertEquals(maxOrder, a.join(b).guardedSize("pages_per_huge_page(h)"));
        assertNull(a.join(new RangeFacts()).guardedSize("pages_per_huge_page(h)"));
        StateLaws.check(List.of(a, b, other, new RangeFacts()), RangeFacts::join);
    }

    @Test void anExpressionBaseUsesTheExtentItsCallerFound() {
        RangeFacts r = new RangeFacts();
        Bound sg = new Bound(false, "the range sg_page() returns", null, 9);
        model.pointerArith(r, sg, 3, 20, "sg_page(sg)", "sg_page(sg) + (off >> PAGE_SHIFT)", null, null);
        assertEquals(sg, ev.of(Event.PointerArith.class).get(0).bound(), "an unknown offset ranges over the entry");
        model.pointerArith(r, sg, 30, 20, "sg_page(sg)", "sg_page(sg) + 1", new Bound(true, "1", null, 0), null);
        assertTrue(ev.of(Event.PointerArith.class).get(1).bound().bounded(), "a small constant step stays bounded");
    }
}
