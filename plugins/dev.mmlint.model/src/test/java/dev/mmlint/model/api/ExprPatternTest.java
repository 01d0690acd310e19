package dev.mmlint.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprPatternTest {

    @Test
    void bindsMetavariablesToOperands() {
        ExprPattern p = ExprPattern.compile("1UL << $order");
        assertEquals(Map.of("order", "huge_page_order ( h )"), p.match("1ul<<huge_page_order(h)").orElseThrow());
        assertTrue(p.matches("(1UL << order)"));
        assertFalse(p.matches("1 << order"));
        assertFalse(p.matches("1UL << order == 3"));
    }

    @Test
    void validatorConditions() {
        ExprPattern p = ExprPattern.compile("compound_head($page) != $head");
        assertEquals(Map.of("page", "& folio -> page", "head", "head"), p.match("compound_head(&folio->page) != head").orElseThrow());
        assertFalse(p.matches("compound_head(page) != head && other"));
        ExprPattern twice = ExprPattern.compile("pte_val($pte) != pte_val(*$ptep)");
        assertTrue(twice.matches("pte_val(pte) != pte_val(*ptep)"));
        ExprPattern same = ExprPattern.compile("$a == $a");
        assertTrue(same.matches("x == x"));
        assertFalse(same.matches("x == y"));
        assertEquals(java.util.List.of("page", "head"), p.metavariables());
    }

    @Test
    void rejectsBadPatterns() {
        assertThrows(IllegalArgumentException.class, () -> ExprPattern.compile("f(x"));
        assertThrows(IllegalArgumentException.class, () -> ExprPattern.compile("   "));
        assertThrows(IllegalArgumentException.class, () -> ExprPattern.compile("$ + 1"));
    }
}
