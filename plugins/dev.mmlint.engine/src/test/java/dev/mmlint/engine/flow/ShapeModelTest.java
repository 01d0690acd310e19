package dev.mmlint.engine.flow;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.check.Event;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The head/tail shape model: what tests teach, head requirements raised and learned; and the join laws of the core state. */
class ShapeModelTest {
    private final RecordingEvents ev = new RecordingEvents();
    private final AppliedClause contract = RecordingEvents.clause("compound.head-only-contract", "MM004");
    private final ShapeModel model = new ShapeModel(ev, contract);
    private final PageValue param = PageValue.param(0, "page", RecordingEvents.at(1));

    @Test void testsRefineTheShape() {
        PageFacts core = new PageFacts();
        core.putPage("page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), null));
        PageFacts tail = core.copy(), notTail = core.copy(), small = core.copy();
        model.tested(tail, "page", ApiEffect.Result.IS_TAIL, true);
        model.tested(notTail, "page", ApiEffect.Result.IS_TAIL, false);
        model.tested(small, "page", ApiEffect.Result.IS_COMPOUND, false);
        assertEquals(Shape.TAIL, tail.page("page").shape());
        assertEquals(Shape.HEAD, notTail.page("page").shape());
        assertEquals(Shape.SMALL, small.page("page").shape());
        assertEquals(Shape.MAYBE_TAIL, core.page("page").shape(), "the copy tested changes, not the original");
    }

    @Test void aCallThatReturnsZeroOnlyOnAHeadRefinesOnlyItsZeroEdge() {
        PageFacts core = new PageFacts();
        core.putPage("page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), null));
        core.putPage("small", PageValue.of(Shape.SMALL, RecordingEvents.at(1), null));
        PageFacts zero = core.copy(), nonZero = core.copy();
        model.tested(zero, "page", ApiEffect.Result.HEAD_IF_ZERO, false);
        model.tested(zero, "small", ApiEffect.Result.HEAD_IF_ZERO, false);
        model.tested(nonZero, "page", ApiEffect.Result.HEAD_IF_ZERO, true);
        assertEquals(Shape.HEAD, zero.page("page").shape(), "isolate_movable_page() == 0: its get_page_unless_zero() succeeded");
        assertEquals(Shape.SMALL, zero.page("small").shape(), "a page known order-0 stays so");
        assertEquals(Shape.MAYBE_TAIL, nonZero.page("page").shape(), "a failure says nothing about the page");
    }

    @Test void aSuccessfulReferenceOnThePageItselfProvesItIsNotATail() {
        PageFacts core = new PageFacts();
        core.putPage("page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), null));
        core.putPage("small", PageValue.of(Shape.SMALL, RecordingEvents.at(1), null));
        core.putPage("p", param);
        model.referenced(core, "page");
        model.referenced(core, "small");
        model.referenced(core, "p");
        model.referenced(core, "unknown");
        assertEquals(Shape.HEAD, core.page("page").shape());
        assertEquals(Shape.SMALL, core.page("small").shape(), "a page known order-0 stays so");
        assertEquals(Shape.HEAD, core.page("p").shape(), "a parameter is not a tail where the get succeeded: nothing to learn from it");
        assertFalse(core.hasPage("unknown"), "nothing is invented for a variable that holds no page");
    }

    @Test void aKeyholeTestMakesThePageNotATailOnlyWhereItPassed() {
        PageFacts core = new PageFacts();
        core.putPage("page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), null));
        V.Cmp keyhole = new V.Cmp(org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_notequals, V.UNKNOWN, V.UNKNOWN);
        V.Cmp other = new V.Cmp(org.eclipse.cdt.core.dom.ast.IASTBinaryExpression.op_notequals, V.UNKNOWN, V.UNKNOWN);
        model.keyhole(keyhole, "page");
        PageFacts passed = core.copy(), unrelated = core.copy();
        model.keyholePassed(passed, keyhole);
        model.keyholePassed(unrelated, other);
        assertEquals(Shape.HEAD, passed.page("page").shape());
        assertEquals(Shape.MAYBE_TAIL, unrelated.page("page").shape(), "an equal but distinct comparison is no keyhole test");
    }

    @Test void anInitialisedStructPageIsOrderZero() {
        PageFacts core = new PageFacts();
        core.putPage("page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), null));
        model.initialised(core, "page");
        model.initialised(core, null);
        assertEquals(Shape.SMALL, core.page("page").shape());
    }

    @Test void compoundHeadEqualToThePageMakesItAHead() {
        PageFacts core = new PageFacts();
        core.putPage("page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(1), null));
        V head = new V.Page(PageValue.of(Shape.HEAD, RecordingEvents.at(2), null).withHeadOf("page"), null);
        model.equal(core, head, new V.Page(core.page("page"), "page"));
        assertEquals(Shape.HEAD, core.page("page").shape());
    }

    @Test void aHeadRequiredIsRaisedAndAContractOnAParameterLearned() {
        model.headRequired("folio_test_x", 0, 10, 4, 3, "page", param, "page", contract, null, Map.of());
        Event.HeadRequired h = ev.of(Event.HeadRequired.class).get(0);
        assertEquals(contract, h.clause());
        assertEquals("passes it to folio_test_x()", ev.required.get(0).because());
    }

    @Test void aRequirementOfAnotherRuleIsNotCarriedToCallers() {
        AppliedClause other = RecordingEvents.clause("refcount.set-on-head", "MM006");
        model.headRequired("set_page_count", 0, 10, 4, 3, "page", param, "page", other, null, Map.of());
        assertEquals(other, ev.of(Event.HeadRequired.class).get(0).clause());
        assertTrue(ev.required.isEmpty());
    }

    @Test void aLearnedRequirementIsBackedByTheContract() {
        model.headRequired("helper", 0, 10, 4, 3, "page", PageValue.UNKNOWN, null, null, "reads page->mapping (line 9)", Map.of());
        assertEquals(contract, ev.of(Event.HeadRequired.class).get(0).clause());
    }

    @Test void fieldAccessesAreRaisedAndHeadOnlyReadsOfParametersLearned() {
        AppliedClause field = RecordingEvents.clause("fields.mapping", "MM002");
        model.fieldAccess(10, 13, "page", param, "mapping", field, false);
        model.headOnlyRead(param, "page", "reads page->mapping", 4, field, Map.of());
        model.asserted(PageValue.param(1, "p2", RecordingEvents.at(1)), "p2", "VM_BUG_ON_PAGE(PageTail(p2), p2)", 5, Map.of());
        assertEquals("mapping", ev.of(Event.FieldAccess.class).get(0).field());
        assertEquals(field, ev.required.get(0).clause());
        assertTrue(ev.required.get(1).contract());
    }

    @Test void aParameterTheFunctionAcceptsAsATailCarriesItsClauseOnlyWhereAHeadOnlyUseIsJudged() {
        AppliedClause accepts = RecordingEvents.clause("rmap.address-of-subpage", "MM004");
        AppliedClause field = RecordingEvents.clause("fields.page-head-only", "MM002");
        PageValue.Origin decl = new PageValue.Origin(1, 20, "parameter 'page', which f() accepts as a tail");
        model.tailParameters(Map.of(0, param.withShape(Shape.PARAM, decl, accepts)));
        PageValue other = PageValue.param(1, "p2", RecordingEvents.at(1));
        model.fieldAccess(10, 13, "page", param, "mapping", field, false);
        model.fieldAccess(30, 13, "page", param, "flags", null, false);
        model.fieldAccess(50, 13, "p2", other, "mapping", field, false);
        model.headRequired("basepage_index", 0, 70, 4, 5, "page", param, "page", field, null, Map.of());
        List<Event.FieldAccess> fa = ev.of(Event.FieldAccess.class);
        assertEquals(accepts, fa.get(0).value().originClause(), "a head-only read of the parameter says where a tail comes in");
        assertEquals(Shape.PARAM, fa.get(0).value().shape(), "still a parameter: only MM002 takes it for a possible tail");
        assertEquals(decl, fa.get(0).value().origin());
        assertNull(fa.get(1).value().originClause(), "a per-page field is not judged");
        assertNull(fa.get(2).value().originClause(), "a parameter the model says nothing of");
        assertEquals(accepts, ev.of(Event.HeadRequired.class).get(0).value().originClause());
        PageFacts core = new PageFacts();
        core.putPage("page", param);
        model.tested(core, "page", ApiEffect.Result.IS_TAIL, false);
        model.fieldAccess(90, 13, "page", core.page("page"), "mapping", field, false);
        assertNull(ev.of(Event.FieldAccess.class).get(3).value().originClause(), "not a tail where PageTail() failed");
    }

    @Test void coreJoinIsASemilattice() {
        PageFacts a = new PageFacts(), b = new PageFacts(), c = new PageFacts(), d = new PageFacts();
        a.putPage("page", PageValue.of(Shape.HEAD, RecordingEvents.at(1), null));
        b.putPage("page", PageValue.of(Shape.MAYBE_TAIL, RecordingEvents.at(2), null));
        b.putParamTruth("compound", true);
        c.putParamTruth("compound", false);
        c.putHugeEntry("pte", RecordingEvents.clause("hugetlb.a", "MM002"));
        d.putHugeEntry("pte", RecordingEvents.clause("hugetlb.b", "MM002"));
        d.putPfn("pfn", "page");
        StateLaws.check(List.of(a, b, c, d), PageFacts::join);
        assertEquals(Shape.MAYBE_TAIL, a.join(b).page("page").shape());
        assertNull(b.join(c).paramTruth("compound"), "a truth only where every path has the same");
    }
}
