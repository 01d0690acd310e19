package dev.mmlint.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.TestModels;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.TreeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    /** Session.apply dispatches to one handler per operation: every record of the sealed Op has one. */
    @Test
    void everyOperationHasAHandler() {
        java.util.Set<Class<?>> ops = new java.util.HashSet<>(List.of(Op.class.getPermittedSubclasses()));
        assertEquals(ops, new java.util.HashSet<>(Session.handled()));
    }


    private static final ReferenceModel MODEL = ReferenceModel.of(TestModels.small());
    private static final TreeContext V61 = TreeContext.of("6.1", Map.of("SPARSEMEM", "y", "SPARSEMEM_VMEMMAP", "n"));
    private final Simulator sim = new Simulator(MODEL, V61);

    private SimResult replay(String witness) {
        return sim.replay(OpParser.parseAll(witness));
    }

    private static SimResult.Confirmed confirmed(SimResult r) {
        return assertInstanceOf(SimResult.Confirmed.class, r, () -> r.toString());
    }

    @Test
    void unvalidatedSpeculativeReferencePinsAReusedPage() {
        String witness = """
                alloc(A, 2)        # a THP, the path's allocation reference
                map(A)
                put(A)             # the mapping keeps it alive
                bind(p, A, 1)      # pte_page(): a tail
                free(A)            # munmap on another CPU
                ext_alloc(B, 2)    # the frames come back as someone else's compound page
                compound_head(h, p)
                try_get_speculative(h)
                read_field(h, mapping)
                """;
        SimResult.Confirmed c = confirmed(replay(witness));
        assertEquals("refcount.speculative-on-head", c.clauseId());
        assertEquals(8, c.stepIndex());
        assertEquals(ViolationKind.UNVALIDATED_USE, c.violation().kind());
        assertEquals("MM003", c.violation().rule());
    }

    @Test
    void validatedSpeculativeReferenceIsNotConfirmed() {
        String witness = """
                alloc(A, 2); map(A); put(A); bind(p, A, 1)
                compound_head(h, p); try_get_speculative(h); validate(p, h, head_recheck)
                read_field(h, mapping); put(h)
                """;
        SimResult r = replay(witness);
        assertInstanceOf(SimResult.NotConfirmed.class, r);
        assertEquals("the witness runs to its end without breaking a model clause", ((SimResult.NotConfirmed) r).reason());
    }

    @Test
    void validationFailsAfterSplitAndTheUseIsReported() {
        String witness = """
                alloc(A, 2); map(A); put(A); bind(p, A, 1)
                compound_head(h, p)
                split(A)                     # splits: only mappings hold references
                try_get_speculative(h)
                validate(p, h, head_recheck) # p is its own head now: fails
                call(h, isolate_lru_page)
                """;
        SimResult.Confirmed c = confirmed(replay(witness));
        assertEquals(ViolationKind.UNVALIDATED_USE, c.violation().kind());
        assertEquals(8, c.stepIndex());
    }

    @Test
    void speculativeGetOnATail() {
        SimResult.Confirmed c = confirmed(replay("alloc(A, 1); bind(t, A, 1); try_get_speculative(t); put(A)"));
        assertEquals(ViolationKind.SPECULATIVE_ON_TAIL, c.violation().kind());
        assertEquals("refcount.speculative-on-head", c.clauseId());
    }

    @Test
    void pinnedPagesMustBeUnpinned() {
        SimResult.Confirmed c = confirmed(replay("alloc(A, 2); gup(pages, A, 4, 4, pin); put(A); release(pages, 4, put)"));
        assertEquals(ViolationKind.PUT_ON_PINNED, c.violation().kind());
        assertEquals("pin.pin-needs-unpin", c.clauseId());
        assertEquals(3, c.stepIndex());
        assertInstanceOf(SimResult.NotConfirmed.class, replay("alloc(A, 2); gup(pages, A, 4, 4, pin); put(A); release(pages, 4, unpin)"));
    }

    @Test
    void unpinOfAPageOnlyReferenced() {
        SimResult.Confirmed c = confirmed(replay("alloc(A, 0); get(A); unpin(A); put(A); put(A)"));
        assertEquals(ViolationKind.UNPIN_NOT_PINNED, c.violation().kind());
        assertTrue(c.explanation().contains("release it with put_page()"), c.explanation());
    }

    @Test
    void releaseWhenNoneTaken() {
        SimResult.Confirmed c = confirmed(replay("alloc(A, 2); gup(pages, A, 4, 0, pin); release(pages, 4, unpin); put(A)"));
        assertEquals(ViolationKind.RELEASE_NOT_TAKEN, c.violation().kind());
        assertEquals("pin.pin-needs-unpin", c.clauseId());
        assertTrue(c.explanation().contains("returned 0 (nothing taken)"), c.explanation());
    }

    @Test
    void leakOnAnErrorPath() {
        SimResult.Confirmed c = confirmed(replay("alloc(A, 2); gup(pages, A, 4, 2, pin); put(A)"));
        assertEquals(ViolationKind.LEAK, c.violation().kind());
        assertEquals(3, c.stepIndex(), "end-of-path checks report at the witness length");
        Trace t = sim.run(OpParser.parseAll("alloc(A, 2); gup(pages, A, 4, 2, pin); put(A)"));
        assertEquals(1, t.violations().size());
        Simulator noLeaks = new Simulator(MODEL, V61, SimConfig.DEFAULT.withLeakCheck(false));
        assertFalse(noLeaks.replay(OpParser.parseAll("alloc(A, 2); gup(pages, A, 4, 2, pin); put(A)")).confirmed());
    }

    @Test
    void headOnlyFieldAndFunctionOnATail() {
        SimResult.Confirmed f = confirmed(replay("alloc(A, 2); bind(p, A, 3); read_field(p, mapping); put(A)"));
        assertEquals("compound.tail-head-only-field", f.clauseId());
        assertEquals("MM002", f.violation().rule());
        assertInstanceOf(SimResult.NotConfirmed.class, replay("alloc(A, 2); bind(p, A, 3); read_field(p, flags); put(A)"));

        String call = "alloc(A, 2); bind(p, A, 3); call(p, page_move_anon_rmap); put(A)";
        assertFalse(replay(call).confirmed(), "page_move_anon_rmap() takes tails since 4.7");
        SimResult.Confirmed g = confirmed(new Simulator(MODEL, TreeContext.of("4.6", null)).replay(OpParser.parseAll(call)));
        assertEquals(ViolationKind.HEAD_ONLY_CALL_ON_TAIL, g.violation().kind());
        assertEquals("compound.head-only-functions", g.clauseId());
    }

    @Test
    void sectionCrossingDependsOnKconfigAndVersion() {
        String w = "alloc_gigantic(G, 5); ptr_add(q, G, 17)";
        SimResult.Confirmed c = confirmed(new Simulator(MODEL, V61, SimConfig.DEFAULT.withLeakCheck(false)).replay(OpParser.parseAll(w)));
        assertEquals(ViolationKind.SECTION_CROSSING, c.violation().kind());
        assertEquals("contiguity.page-arith-section", c.clauseId());
        TreeContext vmemmap = TreeContext.of("6.1", Map.of("SPARSEMEM", "y", "SPARSEMEM_VMEMMAP", "y"));
        assertFalse(new Simulator(MODEL, vmemmap, SimConfig.DEFAULT.withLeakCheck(false)).replay(OpParser.parseAll(w)).confirmed());
        assertFalse(new Simulator(MODEL, TreeContext.of("6.18", Map.of("SPARSEMEM", "y")), SimConfig.DEFAULT.withLeakCheck(false))
                .replay(OpParser.parseAll(w)).confirmed());
        // nth_page() goes through the pfn and is always right
        assertFalse(new Simulator(MODEL, V61, SimConfig.DEFAULT.withLeakCheck(false)).replay(OpParser.parseAll("alloc_gigantic(G, 5); nth_page(q, G, 17)")).confirmed());
    }

    @Test
    void gigantPrepMustFreezeTails() {
        String good = """
                alloc_gigantic(G, 2)
                bind(t1, G, 1); bind(t2, G, 2); bind(t3, G, 3)
                freeze(G, 1); freeze(t1, 1); freeze(t2, 1); freeze(t3, 1)
                prep_compound(G)
                unfreeze(G, 1)
                publish(G)
                put(G)
                """;
        assertEquals(List.of(), sim.run(OpParser.parseAll(good)).violations());

        String raced = """
                alloc_gigantic(G, 2)
                bind(t1, G, 1); bind(t2, G, 2); bind(t3, G, 3)
                ext_get(t2)                   # a pfn walker's get_page_unless_zero()
                set_page_count(t1, 0); set_page_count(t2, 0)
                """;
        SimResult.Confirmed c = confirmed(replay(raced));
        assertEquals(ViolationKind.REFCOUNT_SET_UNFROZEN, c.violation().kind());
        assertEquals("prep.freeze-before-prep", c.clauseId());

        SimResult.Confirmed p = confirmed(replay("alloc_gigantic(G, 2); prep_compound(G)"));
        assertEquals(ViolationKind.PREP_OVER_LIVE_REFCOUNT, p.violation().kind());
    }

    @Test
    void publishBeforePrepare() {
        SimResult.Confirmed c = confirmed(replay("alloc_unprepared(P, 2); set_refcounted(P); publish(P); prep_compound(P); put(P)"));
        assertEquals(ViolationKind.PUBLISHED_BEFORE_PREPARED, c.violation().kind());
        assertEquals(2, c.stepIndex());
        // the buddy allocator's own order (refcount on the head, then prep) is fine
        assertFalse(replay("alloc_unprepared(P, 2); set_refcounted(P); prep_compound(P); publish(P); put(P)").confirmed());
        SimResult.Confirmed t = confirmed(replay("alloc_unprepared(P, 2); set_refcounted(P); prep_compound(P); bind(t, P, 1); set_refcounted(t)"));
        assertEquals(ViolationKind.REFCOUNT_ON_TAIL, t.violation().kind());
    }

    @Test
    void splitFailsWhilePinnedOrReferenced() {
        Session s = sim.session();
        for (Op op : OpParser.parseAll("alloc(A, 2); map(A); pin(A); split(A)")) s.step(op);
        assertTrue(s.frame(1).isTail(), "pinned THP must not split");
        s.step(OpParser.parse("unpin(A)"));
        s.step(OpParser.parse("split(A)"));
        assertFalse(s.frame(1).isTail());
        assertTrue(s.frame(1).allocated() == false, "unmapped subpages are freed by the split");
        assertEquals(List.of(), s.invariantProblems());
    }

    @Test
    void impossibleWitnessesAreNotConfirmed() {
        SimResult r = replay("alloc(A, 0); unmap(A)");
        assertTrue(((SimResult.NotConfirmed) r).reason().startsWith("witness is not a possible execution: step 1"), r.toString());
        assertFalse(replay("put(nope)").confirmed());
        assertFalse(replay("alloc(A, 9)").confirmed());
    }

    @Test
    void opsRoundTripThroughTheirText() {
        List<Op> ops = OpParser.parseAll("""
                alloc(A, 2); alloc_unprepared(B, 1); alloc_gigantic(G, 5); bind(p, A, 1); ptr_add(q, G, 3)
                compound_head(h, p); get(p); put(p, fn=folio_put); try_get_speculative(h, may_fail)
                validate(p, h, pte_recheck); pin(p); unpin(p); gup(pages, A, 4, 2, pin, fn=pin_user_pages_fast)
                release(pages, 2, unpin); split(A); free(A); map(A); map_pmd(A); unmap(A); unmap_pmd(A)
                read_field(p, index); read_field(h, lru, struct=folio); call(p, rmap_walk, arg=1); prep_compound(B)
                freeze(B, 1); unfreeze(B, 1); set_refcounted(B); set_page_count(B, 0); publish(B, fn=filemap_add_folio)
                ext_get(B); ext_put(B); ext_alloc(C, 1); assume_exclusive(A, fn=PageAnonExclusive)
                """);
        assertEquals(33, ops.size());
        for (Op op : ops) assertEquals(op, OpParser.parse(op.text()), op.text());
        assertThrows(IllegalArgumentException.class, () -> OpParser.parse("teleport(A)"));
        assertThrows(IllegalArgumentException.class, () -> OpParser.parse("alloc(A, two)"));
    }
}
