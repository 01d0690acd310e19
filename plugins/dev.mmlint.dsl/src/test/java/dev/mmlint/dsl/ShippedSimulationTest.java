package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.TreeContext;
import dev.mmlint.model.sim.OpParser;
import dev.mmlint.model.sim.SimConfig;
import dev.mmlint.model.sim.SimResult;
import dev.mmlint.model.sim.Simulator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Witnesses replayed against the shipped rules: each rule's typical bug is confirmed by the clause that backs it. */
class ShippedSimulationTest {

    private static final ReferenceModel MODEL = RuleSetLoader.loadShipped().model();
    private static final Map<String, String> SPARSE = Map.of("SPARSEMEM", "y", "SPARSEMEM_VMEMMAP", "n",
            "TRANSPARENT_HUGEPAGE", "y", "HUGETLB_PAGE", "y", "MMU", "y");

    private static SimResult replay(String version, Map<String, String> kconfig, String witness) {
        return new Simulator(MODEL, TreeContext.of(version, kconfig)).replay(OpParser.parseAll(witness));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MM001 | 6.1  | contiguity.page-arith-section | alloc_gigantic(G, 5); ptr_add(q, G, 20)
            MM002 | 6.1  | fields.page-head-only         | alloc(A, 2); bind(p, A, 1); read_field(p, mapping); put(A)
            MM002 | 4.6  | fields.page-head-only         | alloc(A, 2); bind(p, A, 2); read_field(p, lru); put(A)
            MM003 | 6.1  | refcount.speculative-on-head  | alloc(A, 2); map(A); put(A); bind(p, A, 1); free(A); ext_alloc(B, 2); compound_head(h, p); try_get_speculative(h); read_field(h, mapping)
            MM003 | 6.12 | refcount.speculative-on-head  | alloc(A, 1); bind(t, A, 1); try_get_speculative(t); put(A)
            MM004 | 6.1  | compound.head-only-functions  | alloc(A, 2); bind(p, A, 3); call(p, isolate_lru_page); put(A)
            MM004 | 4.6  | rmap.move-anon-rmap-head      | alloc(A, 2); bind(p, A, 3); call(p, page_move_anon_rmap); put(A)
            MM005 | 6.1  | mapcount.not-exclusivity-proof | alloc(A, 2); map(A); bind(t, A, 1); map(t); put(A); assume_exclusive(A, fn=page_mapcount)
            MM006 | 6.1  | prep.freeze-before-set        | alloc_gigantic(G, 2); bind(t, G, 1); ext_get(t); set_page_count(t, 0)
            MM006 | 6.12 | prep.publish-after-prep       | alloc_unprepared(P, 2); set_refcounted(P); publish(P, fn=folio_add_lru); prep_compound(P); put(P)
            MM007 | 6.1  | pin.pin-needs-unpin           | alloc(A, 2); gup(pages, A, 4, 4, pin, fn=pin_user_pages_fast); release(pages, 4, put); put(A)
            MM007 | 6.12 | pin.pin-needs-unpin           | alloc(A, 2); gup(pages, A, 4, -14, pin, fn=pin_user_pages); release(pages, 4, unpin); put(A)
            MM007 | 6.1  | gup.get-needs-put             | alloc(A, 2); gup(pages, A, 4, 2, get, fn=get_user_pages); put(A)
            MM007 | 5.10 | pin.pin-needs-unpin           | alloc(A, 0); gup(pages, A, 1, 1, get, fn=get_user_pages_fast); release(pages, 1, unpin); put(A)
            """)
    void eachRulesTypicalBugIsConfirmedByItsClause(String rule, String version, String clause, String witness) {
        SimResult r = replay(version, SPARSE, witness);
        SimResult.Confirmed c = assertInstanceOf(SimResult.Confirmed.class, r, () -> r.toString());
        assertEquals(clause, c.clauseId(), c.explanation());
        assertEquals(rule, c.violation().rule());
    }

    @Test
    void theFixedVersionsAreNotConfirmed() {
        Map<String, String> vmemmap = Map.of("SPARSEMEM", "y", "SPARSEMEM_VMEMMAP", "y");
        SimConfig noLeaks = SimConfig.DEFAULT.withLeakCheck(false);
        assertFalse(new Simulator(MODEL, TreeContext.of("6.1", vmemmap), noLeaks)
                .replay(OpParser.parseAll("alloc_gigantic(G, 5); ptr_add(q, G, 20)")).confirmed(), "VMEMMAP memmap is contiguous");
        assertFalse(new Simulator(MODEL, TreeContext.of("6.18", SPARSE), noLeaks)
                .replay(OpParser.parseAll("alloc_gigantic(G, 5); ptr_add(q, G, 20)")).confirmed(), "clause ends at 6.18");
        assertFalse(replay("6.1", SPARSE, "alloc(A, 2); bind(p, A, 1); compound_head(h, p); read_field(h, mapping); put(A)").confirmed());
        assertFalse(replay("6.1", SPARSE, "alloc(A, 2); map(A); put(A); bind(p, A, 1); compound_head(h, p); try_get_speculative(h); "
                + "validate(p, h, head_recheck); read_field(h, mapping); put(h)").confirmed());
        assertFalse(replay("6.1", SPARSE, "alloc(A, 2); bind(p, A, 3); call(p, page_move_anon_rmap); put(A)").confirmed(),
                "page_move_anon_rmap() resolves the head since 4.7");
        assertFalse(replay("6.1", SPARSE, "alloc(A, 2); map(A); bind(t, A, 1); map(t); put(A); assume_exclusive(A, fn=PageAnonExclusive)").confirmed());
        assertFalse(replay("6.1", SPARSE, "alloc_gigantic(G, 1); bind(t, G, 1); freeze(G, 1); freeze(t, 1); prep_compound(G); unfreeze(G, 1); "
                + "publish(G); put(G)").confirmed());
        assertFalse(replay("6.1", SPARSE, "alloc(A, 2); gup(pages, A, 4, 3, pin, fn=pin_user_pages_fast); release(pages, 3, unpin); put(A)").confirmed());
    }
}
