package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.junit.jupiter.api.Test;

/** The GUP-holdings model: fills, releases, count tests and leaks; and the join laws of its state. */
class GupModelTest {
    private final RecordingEvents ev = new RecordingEvents();
    private final GupModel gup = new GupModel(ev, new dev.mmlint.frontend.SourceText("a\nb\nc\nd\ne\nf\ng\n"));
    private final AppliedClause pin = RecordingEvents.clause("gup.pin-unpin", "MM007");

    private FlowState filled(String array, boolean local) {
        FlowState st = new FlowState();
        gup.filled(st, array, true, local, false, RecordingEvents.at(3), pin, "pin_user_pages", 4L, "npages", 3);
        return st;
    }

    @Test void aHeldLocalArrayLeaksAtReturn() {
        FlowState st = filled("pages", true);
        gup.returns(st.gup, 100, 6, null);
        List<Event.Leak> leaks = ev.of(Event.Leak.class);
        assertEquals(1, leaks.size());
        assertEquals("pages", leaks.get(0).array());
        assertTrue(leaks.get(0).hold().pinned());
    }

    @Test void aReturnedOrParameterArrayDoesNotLeak() {
        gup.returns(filled("pages", true).gup, 100, 6, "pages");
        gup.returns(filled("out", false).gup, 100, 6, null);
        assertTrue(ev.events.isEmpty());
    }

    @Test void releasingTheArrayRaisesReleaseAndEndsTheHold() {
        FlowState st = filled("pages", true);
        gup.releasedArray(st.gup, "pages", 50, 5, "unpin_user_pages", true, pin);
        Event.Release r = ev.of(Event.Release.class).get(0);
        assertEquals("unpin_user_pages", r.api());
        assertTrue(r.unpin());
        assertEquals(ArrayHold.Status.HELD, r.hold().status(), "the event describes the hold being released");
        assertEquals(ArrayHold.Status.RELEASED, st.gup.hold("pages").status());
        gup.returns(st.gup, 100, 6, null);
        assertTrue(ev.of(Event.Leak.class).isEmpty());
    }

    @Test void puttingAnElementReleasesItsArray() {
        FlowState st = filled("pages", true);
        gup.releasedPage(st, null, "pages", 60, 8, "put_page", false, pin, RecordingEvents.at(6));
        assertFalse(ev.of(Event.Release.class).get(0).unpin());
        assertEquals(ArrayHold.Status.RELEASED, st.gup.hold("pages").status());
    }

    @Test void aCountOfReleasedPagesReturnedWhereAnotherReturnHandsThemOnIsRaised() {
        FlowState st = filled("pages", true);
        st.gup.count("ret", "pages");
        FlowState handed = st.copy();
        gup.releasedArray(st.gup, "pages", 8, 5, "unpin_user_pages", true, pin);
        assertEquals(5, st.gup.releasedCount("ret"), "the line of the release");
        gup.returnsValue(st.gup, "ret", 10, 6);
        gup.finish();
        assertTrue(ev.of(Event.ReturnsReleased.class).isEmpty(), "no return hands the pages on: a count of pages done, not held");
        gup.returnsValue(st.gup, "ret", 10, 6);
        gup.returnsValue(handed.gup, "pages", 12, 6);
        gup.finish();
        Event.ReturnsReleased r = ev.of(Event.ReturnsReleased.class).get(0);
        assertEquals("ret", r.count());
        assertEquals("pages", r.array());
    }

    @Test void aCountProvedAtMostZeroOnThePathIsNoCountOfReleasedPages() {
        FlowState st = filled("pages", false);
        st.gup.count("ret", "pages");
        FlowState handed = st.copy();
        FlowState error = st.copy();
        error.kill("ret"); // if (ret > 0) ret = -EFAULT;
        FlowState notPositive = st.copy();
        gup.countCompared(notPositive.gup, "pages", IASTBinaryExpression.op_greaterThan, 0, false, false); // ... else: ret <= 0
        FlowState joined = error.join(notPositive);
        assertEquals("pages", joined.gup.mayCount("ret"), "may: the count of some path");
        gup.releasedArray(joined.gup, "pages", 8, 5, "unpin_user_pages", true, pin);
        assertNotNull(joined.gup.releasedCount("ret"));
        gup.returnsValue(joined.gup, "ret", 10, 6);
        gup.returnsValue(handed.gup, "pages", 12, 6);
        gup.finish();
        assertTrue(ev.of(Event.ReturnsReleased.class).isEmpty(), "ret is an errno or 0 wherever it still names the count");
        // only ret == 0 turned into an error: ret > 0 remains possible
        FlowState zero = st.copy();
        zero.kill("ret");
        FlowState nonZero = st.copy();
        gup.countCompared(nonZero.gup, "pages", IASTBinaryExpression.op_equals, 0, false, false);
        FlowState some = zero.join(nonZero);
        gup.releasedArray(some.gup, "pages", 8, 5, "unpin_user_pages", true, pin);
        gup.returnsValue(some.gup, "ret", 10, 6);
        gup.returnsValue(handed.gup, "pages", 12, 6);
        gup.finish();
        assertEquals(1, ev.of(Event.ReturnsReleased.class).size());
    }

    @Test void aCountReassignedAfterTheReleaseIsNoStaleCount() {
        FlowState st = filled("pages", true);
        st.gup.count("ret", "pages");
        FlowState other = st.copy();
        other.kill("ret"); // ret = 0 on a path that joins the count's path: ret may still count the pages
        FlowState joined = st.join(other);
        assertNull(joined.gup.counted("ret"), "must: not a count on every path");
        assertEquals("pages", joined.gup.mayCount("ret"), "may: a count on some path");
        gup.releasedArray(joined.gup, "pages", 8, 5, "put_page", false, pin);
        assertNotNull(joined.gup.releasedCount("ret"));
        joined.kill("ret"); // ret = -EFAULT after the release
        assertNull(joined.gup.releasedCount("ret"));
    }

    @Test void aCountOfZeroMeansNothingIsHeld() {
        FlowState st = filled("pages", true);
        gup.countCompared(st.gup, "pages", IASTBinaryExpression.op_lessEqual, 0, true, false);
        assertEquals(ArrayHold.Status.NONE, st.gup.hold("pages").status());
        FlowState other = filled("pages", true);
        gup.countCompared(other.gup, "pages", IASTBinaryExpression.op_lessEqual, 0, false, false);
        assertEquals(ArrayHold.Status.HELD, other.gup.hold("pages").status());
        // count < 1: at most 0 filled
        FlowState partial = filled("pages", true);
        gup.countCompared(partial.gup, "pages", IASTBinaryExpression.op_lessThan, 1, true, false);
        assertEquals(ArrayHold.Status.NONE, partial.gup.hold("pages").status());
    }

    @Test void anEscapedArrayDoesNotLeak() {
        FlowState st = filled("pages", true);
        gup.escaped(st.gup, "pages");
        gup.returns(st.gup, 100, 6, null);
        assertTrue(ev.events.isEmpty());
    }

    @Test void anElementHoldsTheArraysReference() {
        FlowState st = filled("pages", true);
        PageValue e = GupModel.element(st.gup.hold("pages"));
        assertEquals(RefState.PINNED, e.ref());
        assertEquals(Shape.MAYBE_TAIL, e.shape());
    }

    @Test void joinIsASemilattice() {
        FlowState held = filled("pages", true), released = filled("pages", true), none = new FlowState();
        gup.releasedArray(released.gup, "pages", 50, 5, "unpin_user_pages", true, pin);
        FlowState counted = filled("pages", true);
        counted.gup.count("nr", "pages");
        FlowState stale = filled("pages", true);
        stale.gup.count("nr", "pages");
        gup.releasedArray(stale.gup, "pages", 30, 5, "unpin_user_pages", true, pin);
        StateLaws.check(List.of(held.gup, released.gup, none.gup, counted.gup, stale.gup), GupFacts::join);
        // releases are joined optimistically: released on one path is released
        assertEquals(ArrayHold.Status.RELEASED, held.gup.join(released.gup).hold("pages").status());
    }

    @Test void aWalkUpToTheNumberAskedForIsRaisedUntilTheCountIsKnownToBeIt() {
        FlowState st = filled("pages", true);
        st.gup.count("ret", "pages");
        gup.releasedInWalk(st.gup, "pages", java.util.Set.of("i", "npages"), 40, 8, "put_page", false, pin);
        Event.ReleasesAsked r = ev.of(Event.ReleasesAsked.class).get(0);
        assertEquals("npages", r.asked());
        assertEquals("pages", r.array());
        // ret != npages is false: GUP took them all
        FlowState all = filled("pages", true);
        gup.countComparedWithAsked(all.gup, "pages", IASTBinaryExpression.op_notequals, false, false);
        gup.releasedInWalk(all.gup, "pages", java.util.Set.of("i", "npages"), 40, 8, "put_page", false, pin);
        // npages > ret is true (swapped ret < npages): short, not known full
        FlowState shortPath = filled("pages", true);
        gup.countComparedWithAsked(shortPath.gup, "pages", IASTBinaryExpression.op_greaterThan, true, true);
        assertFalse(shortPath.gup.shorts().tookAll("pages"));
        assertEquals(1, ev.of(Event.ReleasesAsked.class).size(), "the walk after the full test is fine");
    }

    @Test void aWalkUpToTheCountTakenOrAfterTheAskedVariableChangedIsNotRaised() {
        FlowState st = filled("pages", true);
        st.gup.count("ret", "pages");
        gup.releasedInWalk(st.gup, "pages", java.util.Set.of("i", "ret", "npages"), 40, 8, "put_page", false, pin);
        FlowState reassigned = filled("pages", true);
        reassigned.kill("npages"); // npages = ret
        gup.releasedInWalk(reassigned.gup, "pages", java.util.Set.of("npages"), 40, 8, "put_page", false, pin);
        FlowState stepped = filled("pages", true);
        stepped.gup.forgetCount("npages"); // npages--: still the walk down the number asked for
        gup.releasedInWalk(stepped.gup, "pages", java.util.Set.of("npages"), 40, 8, "put_page", false, pin);
        assertEquals(1, ev.of(Event.ReleasesAsked.class).size(), "only the walk after npages-- is raised");
    }

    @Test void anEntryReadIntoAPageVariableReleasesTheArrayThroughIt() {
        FlowState st = filled("pages", true);
        st.gup.shorts().element("page", "pages");
        gup.releasedPage(st, "page", null, 60, 4, "put_page", false, pin, RecordingEvents.at(6));
        assertEquals(1, ev.of(Event.Release.class).size());
        assertEquals(ArrayHold.Status.RELEASED, st.gup.hold("pages").status());
        st.kill("page");
        assertNull(st.gup.shorts().elementOf("page"));
    }

    @Test void errPtrOfACountIsRaisedOnlyWhereItMayBeZeroOrPositive() {
        FlowState st = filled("pages", true);
        st.gup.count("ret", "pages");
        FlowState negative = st.copy();
        gup.returnsErrPtr(st.gup, "ret", 70, 14);
        gup.finish();
        assertEquals("ret", ev.of(Event.ErrPtrCount.class).get(0).count());
        gup.countCompared(negative.gup, "pages", IASTBinaryExpression.op_lessThan, 0, true, false); // ret < 0
        gup.returnsErrPtr(negative.gup, "ret", 70, 14);
        FlowState failed = st.copy();
        failed.kill("ret"); // ret = -EFAULT
        gup.returnsErrPtr(failed.gup, "ret", 70, 14);
        gup.finish();
        assertEquals(1, ev.of(Event.ErrPtrCount.class).size());
        // joined with a path on which it may be positive, it may be positive
        gup.returnsErrPtr(negative.join(st).gup, "ret", 70, 14);
        gup.finish();
        assertEquals(2, ev.of(Event.ErrPtrCount.class).size());
    }

    @Test void shortGupFactsJoinIsASemilattice() {
        FlowState a = filled("pages", true), b = filled("pages", true), c = filled("other", true), d = new FlowState();
        b.gup.shorts().markTookAll("pages");
        b.gup.count("ret", "pages");
        c.gup.shorts().element("page", "other");
        StateLaws.check(List.of(a.gup.shorts(), b.gup.shorts(), c.gup.shorts(), d.gup.shorts()), ShortGupFacts::join);
        assertFalse(a.gup.join(b.gup).shorts().tookAll("pages"), "must: full on every path");
        assertTrue(a.gup.join(b.gup).shorts().mayBeNonNegative("ret"), "may: a count on some path");
    }
}
