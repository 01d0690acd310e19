package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.FragmentFrontend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom rules: Java next to the rule files, compiled in-process and registered like built-in checks. */
class CustomRulesTest {
    private static final Path ROOT = FixtureTest.root();

    @Test void aCustomRuleIsCompiledRegisteredAndReports() throws Exception {
        Mmlint.Loaded l = Mmlint.load(List.of(ROOT.resolve("rules"), ROOT.resolve("test-fixtures/custom")));
        assertEquals(List.of(), l.problems());
        assertEquals(List.of("MM102"), l.custom().stream().map(c -> c.info().id()).toList());
        Engine e = Mmlint.engine(Engine.Options.defaults(), l.model(), l.custom());
        Path f = ROOT.resolve("test-fixtures/rules/MM002-tail-page-head-only-field/bad-pte-page-index.c");
        try (FragmentFrontend fe = new FragmentFrontend()) {
            List<Finding> fs = e.analyze(fe.parse(f)).findings();
            List<Finding> custom = fs.stream().filter(x -> x.ruleId().equals("MM102")).toList();
            assertEquals(1, custom.size(), fs.toString());
            assertEquals(16, custom.get(0).line());
            assertEquals("fields.page-head-only", custom.get(0).clause(), "a custom rule cites the clause of the rule it refines");
            assertTrue(fs.stream().anyMatch(x -> x.ruleId().equals("MM002") && x.line() == 16), "built-in checks still run");
        }
    }

    @Test void aBrokenCustomRuleIsReportedAndTheRestStillLoads() {
        Mmlint.Loaded l = Mmlint.load(List.of(ROOT.resolve("rules"), ROOT.resolve("test-fixtures/custom/custom/TailIndexRead.java"),
                ROOT.resolve("test-fixtures/custom/broken/Broken.java")));
        assertEquals(List.of("MM102"), l.custom().stream().map(c -> c.info().id()).toList());
        assertTrue(l.problems().stream().anyMatch(d -> d.file().endsWith("Broken.java") && d.line() == 3),
                "located compile error expected, got " + l.problems());
        assertTrue(l.model().clause("fields.page-head-only").isPresent(), "the .mmr rules still load");
    }
}
