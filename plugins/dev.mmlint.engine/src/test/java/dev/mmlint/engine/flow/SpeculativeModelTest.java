package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.ApiEffect.ArgEffect;
import dev.mmlint.engine.knowledge.AppliedClause;
import dev.mmlint.frontend.SourceText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The speculative-reference model: gets, their outcomes, re-checks and uses; and the join laws of its state. */
class SpeculativeModelTest {
    private final RecordingEvents ev = new RecordingEvents();
    private final AppliedClause clause = RecordingEvents.clause("refcount.speculative-on-head", "MM003");
    private final ApiEffect get = new ApiEffect("get_page_unless_zero", ApiEffect.Result.NONE, -1, null,
            List.of(new ArgEffect(0, ArgEffect.Kind.SPECULATIVE_GET, clause)), Set.of("head_recheck"));
    private final SpeculativeModel model = new SpeculativeModel(ev, new SourceText("a\nb\nc\nd\ne\n"),
            n -> n.equals(get.name()) ? Optional.of(get) : Optional.empty(), n -> false);

    private FlowState withLookedUp(String var) {
        FlowState st = new FlowState();
        PageValue pv = PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), clause).withHeadOf(null);
        st.core.putPage(var, pv);
        model.assigned(st.spec, var, pv);
        return st;
    }

    @Test void aGetIsRaisedWithItsOutcomeAtFinish() {
        FlowState st = withLookedUp("page");
        assertTrue(st.spec.isUntried("page"));
        model.tried(st.spec, "page", st.core.page("page"), 4, 4, "get_page_unless_zero", "page", clause);
        assertFalse(st.spec.isUntried("page"));
        assertTrue(ev.events.isEmpty(), "raised once the paths after it are known");
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), false);
        model.exit(st, "-16", 3, V.UNKNOWN);
        model.finish();
        Event.SpeculativeGet g = ev.of(Event.SpeculativeGet.class).get(0);
        assertEquals("then the function returns -16 (line 3), a result it gives for no page it accepts or rejects", g.failure());
        assertNull(g.headUse());
    }

    @Test void aFailureSettledByTheLoopEndsNowhere() {
        FlowState st = withLookedUp("page");
        model.tried(st.spec, "page", st.core.page("page"), 4, 4, "get_page_unless_zero", "page", clause);
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), false);
        model.nextIteration(st.spec, 0, 10);
        model.exit(st, "-16", 3, V.UNKNOWN);
        model.finish();
        assertNull(ev.of(Event.SpeculativeGet.class).get(0).failure());
    }

    @Test void successOnAMaybeTailLeavesAHeadToRecheck() {
        FlowState st = withLookedUp("page");
        model.tried(st.spec, "page", st.core.page("page"), 4, 4, "get_page_unless_zero", "page", clause);
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), true);
        assertEquals(Shape.HEAD, st.core.page("page").shape());
        assertEquals(RefState.SPECULATIVE, st.core.page("page").ref());
        assertEquals(4, st.spec.unverifiedGet("page"));
        model.headUse(st.spec, "page", "page->mapping", 8);
        model.finish();
        assertEquals("page->mapping at line 5", ev.of(Event.SpeculativeGet.class).get(0).headUse());
    }

    @Test void aRecheckEndsTheWindow() {
        FlowState st = withLookedUp("page");
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), true);
        model.rechecked(st.spec, "page");
        assertNull(st.spec.unverifiedGet("page"));
    }

    @Test void aUseOfAnUnvalidatedReferenceIsRaisedWithItsClause() {
        PageValue head = PageValue.of(Shape.HEAD, RecordingEvents.at(1), null).withHeadOf("page");
        PageValue spec = model.speculative(head, "get_page_unless_zero", 4);
        assertTrue(spec.unvalidated(), "a head_recheck is owed");
        model.use(6, 4, "head", spec, "returned");
        Event.SpeculativeUse u = ev.of(Event.SpeculativeUse.class).get(0);
        assertEquals(clause, u.clause());
        assertEquals("returned", u.how());
    }

    @Test void anUnvalidatedUseIsRaisedAtItsGetOncePerGet() {
        PageValue head = PageValue.of(Shape.HEAD, RecordingEvents.at(1), null).withHeadOf("page");
        PageValue spec = model.speculative(head, "get_page_unless_zero", 4);
        model.use(6, 1, "head", spec, "returned");
        model.use(8, 1, "head", spec, "stored");
        List<Event.SpeculativeUse> uses = ev.of(Event.SpeculativeUse.class);
        assertEquals(1, uses.size(), "the get is raised once, for its first unvalidated use");
        assertEquals(4, uses.get(0).offset(), "at the get, where the re-check goes");
        assertEquals(6, uses.get(0).useOffset());
        model.finish();
        model.use(8, 1, "head", spec, "stored");
        assertEquals(2, ev.of(Event.SpeculativeUse.class).size(), "a new function starts afresh");
    }

    @Test void anUnvalidatedUseOutsideTheReportingPassIsNotRaised() {
        PageValue head = PageValue.of(Shape.HEAD, RecordingEvents.at(1), null).withHeadOf("page");
        PageValue spec = model.speculative(head, "get_page_unless_zero", 4);
        ev.reporting = false;
        model.use(6, 1, "head", spec, "returned");
        ev.reporting = true;
        model.use(6, 1, "head", spec, "returned");
        assertEquals(1, ev.of(Event.SpeculativeUse.class).size(), "the reporting pass still raises it");
    }

    @Test void aNullResultHoldsNothing() {
        FlowState st = new FlowState();
        st.core.putPage("folio", model.speculative(PageValue.UNKNOWN, "get_page_unless_zero", 4));
        model.nullOnEdge(st.core, "folio");
        assertEquals(RefState.NONE, st.core.page("folio").ref());
    }

    @Test void noGetIsKeptOutsideTheReportingPass() {
        ev.reporting = false;
        FlowState st = withLookedUp("page");
        model.tried(st.spec, "page", st.core.page("page"), 4, 4, "get_page_unless_zero", "page", clause);
        ev.reporting = true;
        model.finish();
        assertTrue(ev.events.isEmpty());
    }

    @Test void aFailureReturningAResultNoSuccessGivesIsReportedWhateverRejectionsReturn() {
        FlowState st = withLookedUp("page");
        st.spec.constant("ret", 0);
        model.tried(st.spec, "page", st.core.page("page"), 4, 4, "get_page_unless_zero", "page", clause);
        FlowState fail = st.copy(), ok = st.copy();
        model.outcome(fail, new V.Spec("page", "get_page_unless_zero", 4), false);
        model.outcome(ok, new V.Spec("page", "get_page_unless_zero", 4), true);
        ok.spec.constant("ret", 1);
        FlowState rejected = new FlowState();
        rejected.spec.constant("ret", 0);
        // one return statement for all paths, "return ret;": the joined state still tells the paths apart
        FlowState joined = fail.join(ok).join(rejected);
        V ret = new V.Int(null, null, "ret");
        model.exit(joined, "ret", 3, ret);
        model.finish();
        assertEquals("then the function returns ret = 0 (line 3), where it returns 1 after the get succeeded",
                ev.of(Event.SpeculativeGet.class).get(0).failure());
    }

    @Test void aFailureGivingAResultASuccessAlsoGivesIsASkip() {
        FlowState st = withLookedUp("page");
        st.spec.constant("ret", 0);
        model.tried(st.spec, "page", st.core.page("page"), 4, 4, "get_page_unless_zero", "page", clause);
        FlowState fail = st.copy(), ok = st.copy(), okOther = st.copy();
        model.outcome(fail, new V.Spec("page", "get_page_unless_zero", 4), false);
        model.outcome(ok, new V.Spec("page", "get_page_unless_zero", 4), true);
        model.outcome(okOther, new V.Spec("page", "get_page_unless_zero", 4), true);
        okOther.spec.constant("ret", 1);
        assertEquals(Set.of(0L, 1L), ok.join(okOther).spec.constants(4, false, "ret"), "may: the constants of both paths");
        model.exit(fail.join(ok).join(okOther), "ret", 3, new V.Int(null, null, "ret"));
        model.finish();
        assertNull(ev.of(Event.SpeculativeGet.class).get(0).failure());
    }

    @Test void aReleaseEndsTheSuccessPath() {
        FlowState st = withLookedUp("page");
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), true);
        assertEquals(Map.of("page", 4), st.spec.successes());
        model.released(st.spec, "page");
        assertTrue(st.spec.successes().isEmpty());
        assertNull(st.spec.constants(4, false, "ret"));
    }

    @Test void aFailureThatReachesTheSameGetAgainIsARetry() {
        FlowState st = withLookedUp("page");
        model.tried(st.spec, "page", st.core.page("page"), 4, 4, "get_page_unless_zero", "page", clause);
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), false);
        st.kill("page"); // page = lookup again
        assertTrue(st.spec.retries(4));
        model.finish();
        ev.events.clear();
        model.tried(st.spec, "page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), clause), 4, 4, "get_page_unless_zero", "page", clause);
        model.finish();
        assertTrue(ev.of(Event.SpeculativeGet.class).get(0).failure().contains("retry never ends"));
    }

    @Test void advancingAVariableMakesTheWayBackAnotherSlot() {
        FlowState st = withLookedUp("page");
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), false);
        FlowState stay = st.copy();
        st.spec.advanced(); // pfn++
        st.kill("page");
        assertFalse(st.spec.retries(4));
        assertTrue(st.spec.failures().isEmpty(), "settled: the walk went on");
        stay.kill("page");
        assertTrue(st.join(stay).spec.retries(4), "a path that did not advance may still retry the same slot");
    }

    @Test void aLoopGoingOnSettlesARetry() {
        FlowState st = withLookedUp("page");
        model.outcome(st, new V.Spec("page", "get_page_unless_zero", 4), false);
        st.kill("page");
        model.nextIteration(st.spec, 0, 10);
        assertFalse(st.spec.retries(4));
    }

    @Test void joinIsASemilattice() {
        SpeculativeFacts a = new SpeculativeFacts(), b = new SpeculativeFacts(), c = new SpeculativeFacts(), d = new SpeculativeFacts();
        a.failed("page", 10);
        b.failed("page", 4);
        b.untried("other");
        c.unverified("page", 7);
        c.constant("ret", 0);
        d.constant("ret", 1);
        d.succeeded("page", 4);
        b.constant("ret", 0);
        StateLaws.check(List.of(a, b, c, d), SpeculativeFacts::join);
        assertEquals(Map.of("page", 4), a.join(b).failures(), "the earliest failed get is kept");
        assertTrue(a.join(b).isUntried("other"), "may: one path is enough");
    }
}
