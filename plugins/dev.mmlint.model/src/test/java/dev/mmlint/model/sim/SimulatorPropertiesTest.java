package dev.mmlint.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.TestModels;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.TreeContext;
import dev.mmlint.model.api.ValidationKind;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Invariants of the simulated memory over random operation sequences. */
class SimulatorPropertiesTest {

    private static final ReferenceModel MODEL = ReferenceModel.of(TestModels.small());
    private static final Simulator SIM = new Simulator(MODEL, TreeContext.of("6.1", Map.of("SPARSEMEM", "y")),
            new SimConfig(64, 3, 16, true));

    /** Runs the ops, skipping impossible ones, calling the check after every applied step. */
    private interface StepCheck {
        void check(Op op, Session before, List<Violation> found, Session after);
    }

    private static Session runChecked(List<Op> ops, StepCheck check) {
        Session s = SIM.session();
        for (Op op : ops) {
            // snapshot the relevant part before the step
            BeforeView before = new BeforeView(s, op);
            List<Violation> found;
            try {
                found = s.step(op);
            } catch (InvalidWitnessException e) {
                continue;
            }
            before.verify(check, found, s);
        }
        return s;
    }

    /** What a step's checks need to know about the state before it. */
    private static final class BeforeView {
        final Op op;
        final Session session;
        Integer headPfn;
        int actorHold;
        int actorPins;
        int pincount;
        boolean compound;

        BeforeView(Session s, Op op) {
            this.op = op;
            this.session = s;
            String var = op instanceof Op.Put p ? p.page() : op instanceof Op.Unpin u ? u.page() : op instanceof Op.Split sp ? sp.page() : null;
            if (var != null && s.pfnOf(var).isPresent()) {
                int pfn = s.pfnOf(var).get();
                headPfn = s.compoundHead(pfn);
                FrameView h = s.frame(headPfn);
                actorHold = h.actorRefs();
                actorPins = h.actorPins();
                pincount = h.pincount();
                compound = h.compound();
            }
        }

        void verify(StepCheck c, List<Violation> found, Session after) {
            c.check(op, session, found, after);
        }
    }

    @Property(tries = 400)
    void memoryStaysConsistentAfterEveryStep(@ForAll("sequences") List<Op> ops) {
        runChecked(ops, (op, before, found, after) ->
                assertEquals(List.of(), after.invariantProblems(), () -> "after " + op.text() + "\n" + String.join("\n", after.log())));
    }

    @Property(tries = 400)
    void refcountsNeverGoNegativeAndForeignReleasesAreReported(@ForAll("sequences") List<Op> ops) {
        Session s = SIM.session();
        for (Op op : ops) {
            BeforeView b = new BeforeView(s, op);
            List<Violation> found;
            try {
                found = s.step(op);
            } catch (InvalidWitnessException e) {
                continue;
            }
            for (FrameView f : s.frames()) assertTrue(f.refcount() >= 0 && f.pincount() >= 0 && f.mapcount() >= 0, f::toString);
            if (op instanceof Op.Put && b.headPfn != null && b.actorHold == 0 && b.actorPins == 0) {
                assertFalse(found.isEmpty(), () -> op.text() + " dropped a reference the path does not hold, unreported");
            }
            if (op instanceof Op.Unpin && b.headPfn != null && b.actorPins == 0) {
                assertFalse(found.isEmpty(), () -> op.text() + " unpinned a page the path did not pin, unreported");
            }
        }
    }

    @Property(tries = 400)
    void compoundHeadOfALivePageIsNeverAFreedPage(@ForAll("sequences") List<Op> ops) {
        runChecked(ops, (op, before, found, after) -> {
            for (FrameView f : after.frames()) {
                if (f.allocated()) assertTrue(after.frame(after.compoundHead(f.pfn())).allocated(), () -> "pfn " + f.pfn() + " after " + op.text());
            }
        });
    }

    @Property(tries = 400)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void pinnedPagesNeverSplit(@ForAll("pinSplitSequences") List<Op> ops) {
        Session s = SIM.session();
        boolean triedPinnedSplit = false;
        for (Op op : ops) {
            BeforeView b = new BeforeView(s, op);
            try {
                s.step(op);
            } catch (InvalidWitnessException e) {
                continue;
            }
            if (op instanceof Op.Split && b.headPfn != null && b.pincount > 0 && b.compound) {
                triedPinnedSplit = true;
                FrameView h = s.frame(b.headPfn);
                assertTrue(h.compound() && h.pincount() == b.pincount, () -> "a pinned compound page was split: " + h);
            }
        }
        Statistics.label("split attempted on a pinned compound page").collect(triedPinnedSplit);
        Statistics.label("split attempted on a pinned compound page").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 200)
    void replayIsDeterministic(@ForAll("sequences") List<Op> ops) {
        Trace a = SIM.run(ops);
        Trace b = SIM.run(ops);
        assertEquals(a, b);
    }

    @Property(tries = 300)
    void everyViolationNamesAClauseAndARule(@ForAll("sequences") List<Op> ops) {
        for (Violation v : SIM.run(ops).violations()) {
            assertTrue(v.clauseId() != null && !v.clauseId().isBlank() && v.rule().matches("MM00[1-7]"), v::toString);
            assertTrue(v.clauseId().startsWith("sim.") || MODEL.clause(v.clauseId()).isPresent(), v::toString);
        }
    }

    // ------------------------------------------------------------------ generators

    private static final List<String> VARS = List.of("A", "B", "C", "p", "q", "h");

    private static Arbitrary<String> var() {
        return Arbitraries.of(VARS);
    }

    /** Few variables and many pins, maps and splits, so that splits of pinned THPs are frequent. */
    @Provide
    Arbitrary<List<Op>> pinSplitSequences() {
        Arbitrary<String> v = Arbitraries.of("A", "p");
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 3).map(o -> new Op.Alloc("A", o))),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 7).map(o -> new Op.Bind("p", "A", o))),
                net.jqwik.api.Tuple.of(4, v.map(x -> new Op.Pin(x, "pin_user_pages"))),
                net.jqwik.api.Tuple.of(2, v.map(x -> new Op.Unpin(x, "unpin_user_page"))),
                net.jqwik.api.Tuple.of(2, v.map(x -> new Op.Get(x, "get_page"))),
                net.jqwik.api.Tuple.of(2, v.map(x -> new Op.Put(x, "put_page"))),
                net.jqwik.api.Tuple.of(3, v.map(Op.Map::new)),
                net.jqwik.api.Tuple.of(2, v.map(Op.Unmap::new)),
                net.jqwik.api.Tuple.of(1, v.map(Op.ExtGet::new)),
                net.jqwik.api.Tuple.of(5, v.map(Op.Split::new)));
        return Combinators.combine(Arbitraries.integers().between(1, 3), op.list().ofMinSize(3).ofMaxSize(20)).as((order, rest) -> {
            List<Op> all = new java.util.ArrayList<>();
            all.add(new Op.Alloc("A", order));
            all.addAll(rest);
            return all;
        });
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Combinators.combine(var(), Arbitraries.integers().between(0, 3)).as(Op.Alloc::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(var(), Arbitraries.integers().between(0, 3)).as(Op.ExtAlloc::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(var(), Arbitraries.integers().between(0, 3)).as(Op.AllocUnprepared::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(var(), Arbitraries.integers().between(4, 5)).as(Op.AllocGigantic::new)),
                net.jqwik.api.Tuple.of(5, Combinators.combine(var(), var(), Arbitraries.integers().between(0, 7)).as(Op.Bind::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(var(), var(), Arbitraries.integers().between(0, 20)).as(Op.PtrAdd::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(var(), var()).as(Op.CompoundHead::new)),
                net.jqwik.api.Tuple.of(4, var().map(v -> new Op.Get(v, "get_page"))),
                net.jqwik.api.Tuple.of(6, var().map(v -> new Op.Put(v, "put_page"))),
                net.jqwik.api.Tuple.of(3, var().map(v -> new Op.TryGetSpeculative(v, "get_page_unless_zero", false))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(var(), var()).as((a, b) -> new Op.Validate(a, b, ValidationKind.HEAD_RECHECK))),
                net.jqwik.api.Tuple.of(3, var().map(v -> new Op.Pin(v, "pin_user_pages"))),
                net.jqwik.api.Tuple.of(3, var().map(v -> new Op.Unpin(v, "unpin_user_page"))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(var(), Arbitraries.integers().between(-1, 4), Arbitraries.of(true, false))
                        .as((u, n, pin) -> new Op.Gup("pages", u, 4, n, pin, pin ? "pin_user_pages" : "get_user_pages"))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.of(true, false))
                        .as((n, unpin) -> new Op.Release("pages", n, unpin, unpin ? "unpin_user_pages" : "release_pages"))),
                net.jqwik.api.Tuple.of(3, var().map(Op.Split::new)),
                net.jqwik.api.Tuple.of(2, var().map(Op.Free::new)),
                net.jqwik.api.Tuple.of(4, var().map(Op.Map::new)),
                net.jqwik.api.Tuple.of(2, var().map(Op.MapPmd::new)),
                net.jqwik.api.Tuple.of(3, var().map(Op.Unmap::new)),
                net.jqwik.api.Tuple.of(1, var().map(Op.UnmapPmd::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(var(), Arbitraries.of("mapping", "flags")).as((v, f) -> new Op.ReadField(v, "page", f))),
                net.jqwik.api.Tuple.of(1, var().map(v -> new Op.CallHeadOnly(v, "isolate_lru_page", 0))),
                net.jqwik.api.Tuple.of(2, var().map(v -> new Op.PrepCompound(v, "prep_compound_page"))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(var(), Arbitraries.integers().between(1, 2)).as((v, n) -> new Op.Freeze(v, n, "page_ref_freeze"))),
                net.jqwik.api.Tuple.of(1, var().map(v -> new Op.Unfreeze(v, 1, "page_ref_unfreeze"))),
                net.jqwik.api.Tuple.of(1, var().map(v -> new Op.SetRefcounted(v, "set_page_refcounted"))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(var(), Arbitraries.integers().between(0, 1)).as((v, n) -> new Op.SetPageCount(v, n, "set_page_count"))),
                net.jqwik.api.Tuple.of(1, var().map(v -> new Op.Publish(v, "folio_add_lru"))),
                net.jqwik.api.Tuple.of(2, var().map(Op.ExtGet::new)),
                net.jqwik.api.Tuple.of(1, var().map(Op.ExtPut::new)));
        return op.list().ofMinSize(1).ofMaxSize(40);
    }
}
