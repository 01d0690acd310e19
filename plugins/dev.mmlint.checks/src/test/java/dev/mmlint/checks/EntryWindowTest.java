package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.model.api.EffectInfo;
import dev.mmlint.model.api.EffectKind;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.model.api.TreeContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finding states the version window that gated it: when the API entry that produced it has a
 * window narrower than its clause's ({@code fn page_mapcount(page) before 6.12} inside
 * {@code mapcount.not-exclusivity-proof}, a clause for all kernels), the finding's applicability is
 * the entry's window, not the clause's.
 */
class EntryWindowTest {
    @Test void aFindingThroughANarrowerEntryStatesTheEntrysWindow() throws Exception {
        ReferenceModel model = Mmlint.shippedModel();
        EffectInfo entry = model.function("page_mapcount", new TreeContext(null, null)).orElseThrow().effects().stream()
                .filter(e -> e.kind() == EffectKind.NOT_EXCLUSIVITY_PROOF).findFirst().orElseThrow();
        assertNotEquals(entry.clause().window(), entry.window(),
                "page_mapcount()'s entry no longer narrows its clause's window: the test would prove nothing");

        Path file = FixtureTest.root().resolve("test-fixtures/rules/MM005-mapcount-exclusivity-on-thp/bad-pte-reuse-not-huge.c");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Finding> fs = FixtureTest.analyse(file, text, FixtureExpectations.parse(text)).stream()
                .filter(f -> f.ruleId().equals("MM005")).toList();
        assertEquals(1, fs.size(), fs.toString());
        Finding f = fs.get(0);
        assertEquals(entry.clause().id(), f.clause());
        // the fixture states its kernel (6.1): "kernel 6.1 in < 6.12; ...", not "kernel 6.1 in all kernels"
        assertTrue(f.applicability().contains(" in " + entry.window()),
                "finding says '" + f.applicability() + "', the entry's window is " + entry.window());
        assertFalse(f.applicability().contains(" in " + entry.clause().window()),
                "finding states the clause's window '" + entry.clause().window() + "'");
    }
}
