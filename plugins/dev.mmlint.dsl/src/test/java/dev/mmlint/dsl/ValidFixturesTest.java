package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.FieldAccess;
import dev.mmlint.model.api.FunctionSemantics;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.model.api.TreeContext;
import dev.mmlint.model.api.ValidationKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ValidFixturesTest {

    @TestFactory
    List<DynamicTest> validFixturesLoadCleanAndRoundTrip() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(Roots.fixtures().resolve("valid"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".mmr")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    assertEquals(List.of(), RuleSetLoader.load(p).diagnostics());
                    RoundTrip.assertRoundTrips(RuleSource.of(p));
                }));
            }
        }
        return tests;
    }

    @Test
    void theSyntaxTourBuildsTheModelItDescribes() {
        LoadResult r = RuleSetLoader.load(Roots.fixtures().resolve("valid/syntax_tour.mmr"));
        assertEquals(List.of(), r.diagnostics());
        var c = r.model().clause("syntax_tour.functions").orElseThrow();
        assertEquals("(TRANSPARENT_HUGEPAGE || HUGETLB_PAGE) && !SPARSEMEM_VMEMMAP && PGTABLE_LEVELS = 5 && 64BIT", c.kconfig());
        assertEquals("a rationale can be split over several strings, joined without separators; escapes: \"quoted\" and a backslash \\.",
                c.rationale());
        assertEquals("5.6 .. < 6.18-rc1", c.window().toString());
        assertEquals(5, c.references().size());
        TreeContext ctx = new TreeContext(KernelVersion.parse("6.1"),
                Map.of("HUGETLB_PAGE", "y", "PGTABLE_LEVELS", "5", "64BIT", "y"));
        FunctionSemantics gup = r.model().function("tour_gup", ctx).orElseThrow();
        assertEquals(List.of(EffectKind.PINS, EffectKind.POSSIBLY_TAIL, EffectKind.COUNT_TAKEN),
                gup.effects().stream().map(e -> e.kind()).toList());
        assertEquals(1, gup.effects().get(0).countIndex());
        FunctionSemantics spec = r.model().function("tour_spec", ctx).orElseThrow();
        assertEquals(Set.of(ValidationKind.HEAD_RECHECK, ValidationKind.XAS_RELOAD), spec.find(EffectKind.SPECULATIVE_REF).orElseThrow().validatedBy());
        assertTrue(spec.requiresHead(0).isPresent());
        assertEquals(0, r.model().function("tour_head", ctx).orElseThrow().returnPageKind().orElseThrow().ofIndex());
        assertTrue(r.model().function("folio_ref_freeze", ctx).isPresent());
        var conditional = r.model().function("tour_conditional", ctx).orElseThrow().effects();
        assertEquals(new dev.mmlint.model.api.EffectInfo.Condition(2, "compound", null), conditional.get(0).condition());
        assertEquals(new dev.mmlint.model.api.EffectInfo.Condition(3, "flags", "MF_COUNT_INCREASED"), conditional.get(1).condition());
        assertEquals(1, conditional.get(1).paramIndex());
        var either = r.model().function("tour_either", ctx).orElseThrow().effects();
        assertEquals(new dev.mmlint.model.api.EffectInfo.Condition(2, "flags", "FOLL_PIN", false), either.get(0).condition());
        assertEquals(new dev.mmlint.model.api.EffectInfo.Condition(2, "flags", "FOLL_PIN", true), either.get(1).condition());
        assertEquals("when flags lacks FOLL_PIN", either.get(1).condition().toString());
        assertEquals(null, spec.effects().get(0).condition(), "an effect without 'when' is unconditional");
        assertTrue(r.model().function("tour_gup", TreeContext.of("6.1", Map.of("SPARSEMEM_VMEMMAP", "y"))).isEmpty(), "kconfig excludes it");
        assertEquals(FieldAccess.PER_PAGE, r.model().field("page", "flags", ctx).orElseThrow().access());
        assertEquals(FieldAccess.ALWAYS_HEAD, r.model().field("folio", "lru", ctx).orElseThrow().access());
    }
}
