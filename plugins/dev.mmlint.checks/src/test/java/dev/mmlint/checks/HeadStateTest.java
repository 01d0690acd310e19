package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.api.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MM002 beyond field reads: an accessor that reads head-only state through the page it is given
 * (fields.head-state-accessors, version-gated), and the parameter of a function the model says accepts a
 * tail, judged as a possible tail in the function's own body for MM002 only.
 */
class HeadStateTest {
    private static List<Finding> findings(String fixture) throws Exception {
        Path file = FixtureTest.root().resolve("test-fixtures/rules/MM002-tail-page-head-only-field/" + fixture);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return FixtureTest.analyse(file, text, FixtureExpectations.parse(text));
    }

    @Test void aHeadStateAccessorOnAPossibleTailIsMm002OfItsClauseAndReplays() throws Exception {
        List<Finding> fs = findings("bad-head-state-accessors.c");
        assertEquals(2, fs.size(), fs.toString());
        for (Finding f : fs) {
            assertEquals("MM002", f.ruleId(), "a requirement of an MM002 clause is MM002's, not MM004's");
            assertEquals("fields.head-state-accessors", f.clause());
            assertTrue(f.applicability().contains("5.13"), () -> "the entry's window gates it: " + f.applicability());
            assertTrue(f.confirmed(), () -> "the reference model replays it: " + f.confirmation());
            assertTrue(f.fixHint().contains("compound_head("), f.fixHint());
        }
    }

    @Test void aHeadStateAccessorIsGatedByItsWindow() throws Exception {
        assertEquals(List.of(), findings("ok-head-state-accessors-outside-window.c"));
        List<Finding> reserved = findings("bad-page-reserved-boot-huge-tail.c");
        assertEquals(2, reserved.size(), reserved.toString());
        assertTrue(reserved.get(0).message().contains("PageReserved()"), reserved.get(0).message());
    }

    private static dev.mmlint.engine.knowledge.ModelKnowledge knowledge(String kernel) throws Exception {
        return new dev.mmlint.engine.knowledge.ModelKnowledge(Mmlint.shippedModel(), new dev.mmlint.frontend.KernelContext(
                dev.mmlint.model.api.KernelVersion.parse(kernel), "mmlint-kernel: " + kernel,
                new dev.mmlint.frontend.KernelConfig(java.util.Map.of(), "no Kconfig known")));
    }

    @Test void theModelSaysWhichParameterAFunctionAcceptsAsATailAndWhere() throws Exception {
        var k = knowledge("5.12");
        assertEquals("rmap.address-of-subpage", k.acceptsTail("page_address_in_vma", 0).orElseThrow().id());
        assertTrue(k.acceptsTail("page_address_in_vma", 1).isEmpty(), "the vma is no page");
        assertTrue(k.acceptsTail("PageTransHuge", 0).isEmpty(), "a head-only function accepts no tail");
        assertTrue(knowledge("4.4").acceptsTail("page_address_in_vma", 0).isEmpty(), "before the 4.5 rework the clause does not apply");
    }

    @Test void aParameterTheFunctionAcceptsAsATailIsAPossibleTailInsideItForMm002Only() throws Exception {
        List<Finding> fs = findings("bad-accepts-tail-parameter.c");
        assertEquals(List.of("MM002", "MM002", "MM002"), fs.stream().map(Finding::ruleId).toList(),
                "PageTransHuge(page) in the body and the caller passing pte_page() are left to MM004");
        Finding f = fs.get(0);
        assertEquals("fields.page-head-only", f.clause(), "the finding cites the head-only field's clause");
        assertEquals(12, f.evidence().get(0).line(), "the evidence is the parameter the model says may be a tail");
        assertTrue(f.evidence().get(0).message().contains("page_address_in_vma() accepts as a tail"), f.evidence().toString());
        assertTrue(f.confirmed(), f.confirmation());
    }
}
