package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.api.Confidence;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself must fail on a missing finding, an extra finding and an unmarked file. */
class FixtureExpectationsTest {
    private static Finding finding(String rule, int line, String msg) {
        return new Finding(rule, Severity.WARNING, Confidence.HIGH, "f.c", "fn", line, 1, line, 2, msg, List.of(), "", List.of(),
                "c", "applies", List.of(), true, "", "fp");
    }

    private static final String FIXTURE = String.join("\n",
            "/* mmlint-fixture: two expectations */",
            "x = page + i; /* expect: MM001 \"section\" */",
            "/* expect@+1: MM002, MM004 */",
            "y = page->mapping;");

    @Test void exactMatchPasses() {
        FixtureExpectations e = FixtureExpectations.parse(FIXTURE);
        assertEquals(List.of(), e.compare(List.of(finding("MM001", 2, "may cross a memory section"),
                finding("MM002", 4, "tail"), finding("MM004", 4, "head"))));
    }

    @Test void missingFindingFails() {
        List<String> d = FixtureExpectations.parse(FIXTURE).compare(List.of(finding("MM001", 2, "may cross a memory section"),
                finding("MM002", 4, "tail")));
        assertEquals(List.of("line 4: MM004 expected, not found"), d);
    }

    @Test void extraFindingFails() {
        List<String> d = FixtureExpectations.parse(FIXTURE).compare(List.of(finding("MM001", 2, "may cross a memory section"),
                finding("MM002", 4, "tail"), finding("MM004", 4, "head"), finding("MM005", 2, "mapcount")));
        assertEquals(List.of("line 2: MM005 unexpected: mapcount"), d);
    }

    @Test void messageTextMustMatch() {
        List<String> d = FixtureExpectations.parse(FIXTURE).compare(List.of(finding("MM001", 2, "other words"),
                finding("MM002", 4, "tail"), finding("MM004", 4, "head")));
        assertEquals(2, d.size());
        assertTrue(d.get(0).contains("MM001 expected (\"section\")"), d.toString());
    }

    @Test void unmarkedFileFails() {
        List<String> d = FixtureExpectations.parse("int x; /* expect: MM001 */").compare(List.of(finding("MM001", 1, "m")));
        assertEquals(List.of("unmarked fixture: no 'mmlint-fixture:' line"), d);
    }

    @Test void negativeFixtureWithFindingFails() {
        FixtureExpectations e = FixtureExpectations.parse("/* mmlint-fixture: clean\n * mmlint-expect: none */\nint x;");
        assertEquals(List.of(), e.compare(List.of()));
        assertEquals(List.of("line 3: MM002 unexpected: m"), e.compare(List.of(finding("MM002", 3, "m"))));
    }

    @Test void fileWithoutAnyExpectationFails() {
        assertEquals(List.of("no expectations: add expect markers or 'mmlint-expect: none'"),
                FixtureExpectations.parse("/* mmlint-fixture: says nothing */").compare(List.of()));
    }

    @Test void kernelAndConfigAreRead() {
        FixtureExpectations e = FixtureExpectations.parse("/* mmlint-fixture: x\n * mmlint-kernel: 6.18\n * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n\n * mmlint-expect: none */");
        assertEquals("6.18", e.kernel);
        assertEquals("y", e.config.get("SPARSEMEM"));
        assertEquals("n", e.config.get("SPARSEMEM_VMEMMAP"));
    }
}
