package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compound-preparation model: publish before prepare, set without freeze; and the join laws of its state. */
class CompoundModelTest {
    private final RecordingEvents ev = new RecordingEvents();
    private final CompoundModel model = new CompoundModel(ev, null);
    private final AppliedClause clause = RecordingEvents.clause("compound.prepare-before-publish", "MM006");
    private final PageValue looked = PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(2), clause);

    @Test void publishingBeforePrepareIsRaisedAtThePublish() {
        CompoundFacts c = new CompoundFacts();
        model.published(c, "page", looked, false, 40, 9, "set_page_refcounted", clause);
        assertTrue(ev.events.isEmpty(), "raised only when the prepare comes");
        model.prepared(c, "page", looked, "prep_compound_page", clause, 7);
        Event.Publish p = ev.of(Event.Publish.class).get(0);
        assertEquals("before-prepare", p.kind());
        assertEquals(40, p.offset());
        assertEquals(7, p.otherLine());
    }

    @Test void publishingAfterPrepareIsFine() {
        CompoundFacts c = new CompoundFacts();
        model.prepared(c, "page", looked, "prep_compound_page", clause, 7);
        model.published(c, "page", looked, false, 40, 9, "set_page_refcounted", clause);
        model.prepared(c, "page", looked, "prep_compound_page", clause, 9);
        assertTrue(ev.events.isEmpty());
    }

    @Test void settingAnUnfrozenCountIsRaised() {
        model.published(new CompoundFacts(), "page", looked, true, 40, 9, "set_page_count", clause);
        assertEquals("unfrozen", ev.of(Event.Publish.class).get(0).kind());
    }

    @Test void settingAFrozenCountOrOneOfAPageNoLookupGaveIsNot() {
        CompoundFacts c = new CompoundFacts();
        model.frozen(c, "page");
        model.published(c, "page", looked, true, 40, 9, "set_page_count", clause);
        model.published(new CompoundFacts(), "page", PageValue.UNKNOWN, true, 40, 9, "set_page_count", clause);
        assertTrue(ev.events.isEmpty());
    }

    @Test void aPageTheCallerHandedOverMayBeRefcountedBeforeItIsPrepared() {
        CompoundFacts c = new CompoundFacts();
        PageValue handed = PageValue.param(0, "page", RecordingEvents.at(1));
        model.published(c, "page", handed, false, 40, 9, "set_page_refcounted", clause);
        model.prepared(c, "page", handed, "prep_compound_page", clause, 7);
        assertTrue(ev.events.isEmpty(), "a block fresh off the buddy lists: the allocator's normal order");
    }

    @Test void aHandedPageRefcountedBeforeItIsPreparedIsRaisedWhileGettersLockedTheHead() {
        AppliedClause era = new AppliedClause("prep.refcount-after-prep-compound-lock", "MM006", dev.mmlint.model.api.Confidence.MEDIUM,
                true, false, "kernel 3.13 in [2.6.38, 4.5)", "compound_lock era");
        CompoundModel inEra = new CompoundModel(ev, era);
        CompoundFacts c = new CompoundFacts();
        PageValue handed = PageValue.param(0, "page", RecordingEvents.at(1));
        inEra.published(c, "page", handed, false, 40, 9, "set_page_refcounted", clause);
        inEra.prepared(c, "page", handed, "prep_compound_page", clause, 7);
        assertEquals("before-prepare", ev.of(Event.Publish.class).get(0).kind());

        // a version the clause may or may not cover (a fragment without mmlint-kernel:): not raised
        AppliedClause unknown = new AppliedClause(era.id(), era.ruleId(), era.confidence(), true, true, "kernel version not known", era.summary());
        RecordingEvents ev2 = new RecordingEvents();
        CompoundModel maybe = new CompoundModel(ev2, unknown);
        CompoundFacts c2 = new CompoundFacts();
        maybe.published(c2, "page", handed, false, 40, 9, "set_page_refcounted", clause);
        maybe.prepared(c2, "page", handed, "prep_compound_page", clause, 7);
        assertTrue(ev2.events.isEmpty());
    }

    @Test void anInitialisedStructPageHasAPrivateRefcount() {
        CompoundFacts c = new CompoundFacts();
        model.initialised(c, "page");
        model.published(c, "page", looked, true, 40, 9, "set_page_count", clause);
        model.published(c, "other", looked, true, 50, 9, "set_page_count", clause);
        List<Event.Publish> raised = ev.of(Event.Publish.class);
        assertEquals(1, raised.size(), "only the page not initialised");
        assertEquals("other", raised.get(0).var());
    }

    @Test void aPublishOnEachOfTwoPathsIsRaisedAtBoth() {
        CompoundFacts then = new CompoundFacts(), other = new CompoundFacts();
        model.published(then, "tail", looked, false, 40, 9, "page_ref_add", clause);
        model.published(other, "tail", looked, false, 60, 9, "page_ref_inc", clause);
        CompoundFacts joined = then.join(other);
        model.prepared(joined, "tail", looked, "clear_compound_head", clause, 9);
        List<Integer> at = ev.of(Event.Publish.class).stream().map(Event.Publish::offset).toList();
        assertEquals(List.of(40, 60), at);
    }

    @Test void onOnePathOnlyTheFirstPublishCounts() {
        CompoundFacts c = new CompoundFacts();
        model.published(c, "tail", looked, false, 40, 9, "page_ref_inc", clause);
        model.published(c, "tail", looked, false, 60, 9, "page_ref_inc", clause);
        model.prepared(c, "tail", looked, "clear_compound_head", clause, 9);
        assertEquals(1, ev.of(Event.Publish.class).size());
    }

    @Test void joinIsASemilattice() {
        CompoundFacts a = new CompoundFacts(), b = new CompoundFacts(), d = new CompoundFacts(), e = new CompoundFacts();
        a.publish("page", 10);
        b.publish("page", 20);
        b.freeze("page");
        d.prepare("page");
        d.freeze("page");
        StateLaws.check(List.of(a, b, d, e), CompoundFacts::join);
        assertEquals(10, a.join(b).publishedAt("page"), "the earliest publish is kept");
        assertFalse(b.join(e).isFrozen("page"), "frozen only where every path froze");
    }
}
