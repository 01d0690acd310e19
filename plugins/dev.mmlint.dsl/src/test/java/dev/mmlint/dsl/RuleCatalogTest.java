package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.api.HeadRequirement;
import dev.mmlint.model.api.TreeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    private final RuleCatalog catalog = RuleCatalog.shipped();

    @Test
    void listHasOneRowPerClauseWithItsApplicability() {
        List<RuleCatalog.Row> rows = catalog.list();
        assertEquals(catalog.model().clauses().size(), rows.size());
        RuleCatalog.Row sec = rows.stream().filter(r -> r.clauseId().equals("contiguity.page-arith-section")).findFirst().orElseThrow();
        assertEquals("MM001", sec.rule());
        assertEquals("< 6.18", sec.window());
        assertEquals("SPARSEMEM && !SPARSEMEM_VMEMMAP", sec.kconfig());
        assertEquals("high", sec.confidence());
        assertEquals("mmlint-rules/ranges.mmr", sec.file());
        assertEquals(rows.stream().map(RuleCatalog.Row::clauseId).sorted().toList(), rows.stream().map(RuleCatalog.Row::clauseId).toList());
    }

    @Test
    void showGivesRationaleReferencesAndFacts() {
        String text = catalog.show("pin.pin-needs-unpin").orElseThrow();
        assertTrue(text.startsWith("pin.pin-needs-unpin [MM007]"), text);
        assertTrue(new RuleCatalog(catalog.loaded(), java.util.Map.of("MM007", "one summary")).show("pin.pin-needs-unpin").orElseThrow()
                .startsWith("pin.pin-needs-unpin [MM007: one summary]"));
        assertTrue(text.contains("applies to: kernels 5.6+"), text);
        assertTrue(text.contains("unpin_user_page*()"), text);
        assertTrue(text.contains("http://lkml.iu.edu/hypermail/linux/kernel/1911.3/00244.html"), text);
        assertTrue(text.contains("fn unpin_user_pages(pages, npages) {"), text);
        assertTrue(catalog.show("no.such-clause").isEmpty());
    }

    @Test
    void checkReportsProblemsOfTheGivenPaths() {
        assertEquals(List.of(), RuleCatalog.check(List.of(Roots.rules())));
        List<DslDiagnostic> d = RuleCatalog.check(List.of(Roots.fixtures().resolve("invalid/missing_semicolon.mmr")));
        assertEquals(1, d.size());
        assertTrue(d.get(0).format().endsWith("missing_semicolon.mmr:5:14: error: expected ';' after '5.6'"), d.get(0).format());
    }

    @Test
    void headRequirementsForTheDriftReport() {
        List<HeadRequirement> hr = catalog.headRequirements();
        assertTrue(hr.stream().anyMatch(h -> h.function().equals("rmap_walk") && h.window().toString().equals("4.11 .. < 5.19")));
        assertTrue(hr.stream().anyMatch(h -> h.function().equals("page_move_anon_rmap") && h.paramName().equals("page")
                && h.window().toString().equals("4.5 .. < 4.7")));
        assertTrue(hr.stream().anyMatch(h -> h.function().equals("PageHeadHuge") && "HUGETLB_PAGE".equals(h.kconfig())));
        assertFalse(hr.stream().anyMatch(h -> h.function().equals("compound_head")));
        var fs = catalog.model().function("get_page_unless_zero", TreeContext.of("6.12", null)).orElseThrow();
        assertTrue(RuleCatalog.describe(fs).contains("get_page_unless_zero: page: requires_head  (refcount.speculative-on-head, 4.5+)"),
                RuleCatalog.describe(fs).toString());
    }
}
