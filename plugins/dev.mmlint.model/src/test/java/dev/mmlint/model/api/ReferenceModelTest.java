package dev.mmlint.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.TestModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceModelTest {

    private final ReferenceModel m = ReferenceModel.of(TestModels.small());
    private final TreeContext v61 = TreeContext.of("6.1", Map.of("SPARSEMEM", "y"));

    @Test
    void returnKindsAndHeadRequirementsFollowVersionWindows() {
        FunctionSemantics pte = m.function("pte_page", v61).orElseThrow();
        assertEquals(EffectKind.POSSIBLY_TAIL, pte.returnPageKind().orElseThrow().kind());
        assertEquals("compound.head-producers", pte.returnPageKind().orElseThrow().clause().id());

        FunctionSemantics old = m.function("page_move_anon_rmap", TreeContext.of("4.6", null)).orElseThrow();
        assertTrue(old.requiresHead(0).isPresent());
        FunctionSemantics newer = m.function("page_move_anon_rmap", TreeContext.of("4.7", null)).orElseThrow();
        assertTrue(newer.requiresHead(0).isEmpty());
        assertTrue(newer.acceptsTail(0));
        assertTrue(m.function("pte_page", TreeContext.of("4.4", null)).isEmpty(), "clause starts at 4.5");
    }

    @Test
    void gupSignatureDependsOnTheVersion() {
        FunctionSemantics p61 = m.function("pin_user_pages", v61).orElseThrow();
        assertEquals(5, p61.params().size());
        EffectInfo pins = p61.acquisitions().get(0);
        assertEquals(EffectKind.PINS, pins.kind());
        assertEquals(3, pins.paramIndex());
        assertEquals(1, pins.countIndex());
        assertEquals(EffectKind.COUNT_TAKEN, p61.successConvention().orElseThrow().kind());
        assertEquals(4, m.function("pin_user_pages", TreeContext.of("6.12", null)).orElseThrow().params().size());
        assertTrue(m.function("pin_user_pages", TreeContext.of("5.5", null)).isEmpty());
        // unknown version: both signatures may apply; the newest one is chosen
        assertEquals(4, m.function("pin_user_pages", TreeContext.unknown()).orElseThrow().params().size());
        assertEquals(2, m.allDefinitions("pin_user_pages").size());
    }

    @Test
    void kconfigDecidesSectionCrossing() {
        TreeContext vmemmap = TreeContext.of("6.1", Map.of("CONFIG_SPARSEMEM", "y", "CONFIG_SPARSEMEM_VMEMMAP", "y"));
        assertTrue(m.function("page_add", v61).orElseThrow().contiguity().isPresent());
        assertTrue(m.function("page_add", vmemmap).orElseThrow().contiguity().isEmpty());
        assertTrue(m.function("page_add", TreeContext.of("6.18", Map.of("SPARSEMEM", "y"))).orElseThrow().contiguity().isEmpty());

        Applicability a = m.applicability("contiguity.page-arith-section", v61);
        assertEquals(Tri.YES, a.result());
        assertEquals("kernel 6.1 in < 6.18; SPARSEMEM && !SPARSEMEM_VMEMMAP holds (SPARSEMEM=y, SPARSEMEM_VMEMMAP=n)", a.reason());
        Applicability b = m.applicability("contiguity.page-arith-section", TreeContext.of("6.18", null));
        assertEquals(Tri.NO, b.result());
        assertTrue(b.reason().startsWith("kernel 6.18 not in < 6.18"), b.reason());
        assertEquals(Tri.UNKNOWN, m.applicability("contiguity.page-arith-section", TreeContext.unknown()).result());
        assertEquals(Tri.NO, m.applicability("no.such-clause", v61).result());
    }

    @Test
    void fieldsRangesAndValidators() {
        assertEquals(FieldAccess.HEAD_ONLY, m.field("page", "mapping", v61).orElseThrow().access());
        assertEquals(FieldAccess.ALWAYS_HEAD, m.field("folio", "mapping", v61).orElseThrow().access());
        assertTrue(m.field("page", "lru", v61).isEmpty());
        assertEquals(RangeBound.WITHIN_MAX_ORDER, m.rangeBound("1UL << order", v61).orElseThrow().bound());
        assertEquals(RangeBound.MAY_EXCEED_MAX_ORDER, m.rangeBound("pages_per_huge_page(h)", v61).orElseThrow().bound());
        assertTrue(m.rangeBound("nr", v61).isEmpty());
        assertTrue(m.rangeBound("pages_per_huge_page(h)", TreeContext.of("6.18", null)).isEmpty());
        assertEquals(ValidationKind.HEAD_RECHECK, m.validatorsMatching("compound_head(page) != head", v61).get(0).kind());
        FunctionSemantics spec = m.function("get_page_unless_zero", v61).orElseThrow();
        EffectInfo s = spec.find(EffectKind.SPECULATIVE_REF).orElseThrow();
        assertEquals(java.util.Set.of(ValidationKind.HEAD_RECHECK, ValidationKind.PTE_RECHECK), s.validatedBy());
    }

    @Test
    void headRequirementsListEveryWindow() {
        List<HeadRequirement> hr = m.headRequirements();
        assertTrue(hr.stream().anyMatch(h -> h.function().equals("page_move_anon_rmap") && h.window().toString().equals("< 4.7")));
        assertTrue(hr.stream().anyMatch(h -> h.function().equals("get_page_unless_zero") && h.paramIndex() == 0));
        assertFalse(hr.stream().anyMatch(h -> h.function().equals("compound_head")));
    }

    @Test
    void clauseInfoCarriesConfidenceAndReferences() {
        ClauseInfo ci = m.clause("pin.pin-needs-unpin").orElseThrow();
        assertEquals(Confidence.HIGH, ci.confidence());
        assertEquals("MM007", ci.rule());
        assertEquals("mm/gup.c pin.pin-needs-unpin in 6.1", ci.references().get(0).rendered());
        assertEquals("kernels 5.6+", ci.applicabilityText());
        assertEquals(3, m.clausesFor("MM004").size());
    }
}
