package dev.mmlint.model.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.api.Tri;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KconfigExprTest {

    @Test
    void evaluatesLikeKconfig() {
        KconfigExpr e = KconfigExpr.parse("CONFIG_SPARSEMEM && !SPARSEMEM_VMEMMAP");
        assertEquals("SPARSEMEM && !SPARSEMEM_VMEMMAP", e.text());
        assertEquals(Tri.YES, e.eval(Map.of("SPARSEMEM", "y")));
        assertEquals(Tri.NO, e.eval(Map.of("SPARSEMEM", "y", "SPARSEMEM_VMEMMAP", "y")));
        assertEquals(Tri.YES, e.eval(Map.of("SPARSEMEM", "m", "SPARSEMEM_VMEMMAP", "n")));
        assertEquals(Tri.NO, e.eval(Map.of()));
        assertEquals(Tri.UNKNOWN, e.eval(null));
        assertEquals("SPARSEMEM=y, SPARSEMEM_VMEMMAP=n", e.explain(Map.of("SPARSEMEM", "y")));
    }

    /** A map that states some symbols only: the others are unknown both ways, not off. */
    @Test
    void unstatedSymbolsOfAPartialConfigAreUnknown() {
        Map<String, String> partial = Map.of("SPARSEMEM", "y", "HIGHMEM", "n", dev.mmlint.model.api.TreeContext.UNSTATED,
                dev.mmlint.model.api.TreeContext.UNKNOWN_VALUE);
        assertEquals(Tri.YES, KconfigExpr.parse("SPARSEMEM").eval(partial));
        assertEquals(Tri.NO, KconfigExpr.parse("HIGHMEM").eval(partial), "stated off stays off");
        assertEquals(Tri.UNKNOWN, KconfigExpr.parse("HUGETLB_PAGE").eval(partial));
        assertEquals(Tri.UNKNOWN, KconfigExpr.parse("!HUGETLB_PAGE").eval(partial));
        assertEquals(Tri.UNKNOWN, KconfigExpr.parse("SPARSEMEM && !SPARSEMEM_VMEMMAP").eval(partial));
        assertEquals(Tri.NO, KconfigExpr.parse("HIGHMEM && HUGETLB_PAGE").eval(partial));
        assertEquals(Tri.YES, KconfigExpr.parse("SPARSEMEM || HUGETLB_PAGE").eval(partial));
        assertEquals(Tri.UNKNOWN, KconfigExpr.parse("PGTABLE_LEVELS = 5").eval(partial));
        assertEquals("SPARSEMEM=y, SPARSEMEM_VMEMMAP=?", KconfigExpr.parse("SPARSEMEM && !SPARSEMEM_VMEMMAP").explain(partial));
        assertTrue(new dev.mmlint.model.api.TreeContext(null, partial).kconfigPartial());
        assertFalse(new dev.mmlint.model.api.TreeContext(null, Map.of("SPARSEMEM", "y")).kconfigPartial());
    }

    @Test
    void comparisonsAndPrecedence() {
        KconfigExpr e = KconfigExpr.parse("(THP || HUGETLB_PAGE) && PGTABLE_LEVELS = 5 && ARCH != \"arm 64\"");
        assertEquals("(THP || HUGETLB_PAGE) && PGTABLE_LEVELS = 5 && ARCH != \"arm 64\"", e.text());
        assertEquals(Tri.YES, e.eval(Map.of("HUGETLB_PAGE", "y", "PGTABLE_LEVELS", "5", "ARCH", "x86")));
        assertEquals(Tri.NO, e.eval(Map.of("HUGETLB_PAGE", "y", "PGTABLE_LEVELS", "4")));
        assertEquals(e.text(), KconfigExpr.parse(e.text()).text());
        assertEquals("!(A && B)", KconfigExpr.parse("!(A&&B)").text());
        assertEquals("A || B && C", KconfigExpr.parse("A || (B && C)").text());
    }

    @Test
    void reportsSyntaxErrorsWithOffsets() {
        KconfigSyntaxException x = assertThrows(KconfigSyntaxException.class, () -> KconfigExpr.parse("SPARSEMEM && "));
        assertEquals(13, x.offset());
        assertThrows(KconfigSyntaxException.class, () -> KconfigExpr.parse("(A || B"));
        assertThrows(KconfigSyntaxException.class, () -> KconfigExpr.parse("sparsemem"));
        assertThrows(KconfigSyntaxException.class, () -> KconfigExpr.parse("A B"));
        assertThrows(KconfigSyntaxException.class, () -> KconfigExpr.parse(""));
    }

    @Test
    void decidesJointSatisfiability() {
        KconfigExpr vm = KconfigExpr.parse("SPARSEMEM_VMEMMAP");
        KconfigExpr noVm = KconfigExpr.parse("SPARSEMEM && !SPARSEMEM_VMEMMAP");
        assertFalse(KconfigExpr.jointlySatisfiable(vm, noVm));
        assertTrue(KconfigExpr.jointlySatisfiable(noVm, KconfigExpr.parse("HUGETLB_PAGE")));
        assertTrue(KconfigExpr.jointlySatisfiable(null, vm));
        assertFalse(KconfigExpr.jointlySatisfiable(KconfigExpr.parse("L = 4"), KconfigExpr.parse("L = 5")));
        assertTrue(KconfigExpr.jointlySatisfiable(KconfigExpr.parse("L = 4"), KconfigExpr.parse("L != 5")));
    }
}
