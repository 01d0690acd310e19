package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.engine.check.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule = a quartet, or it does not exist: metadata, rationale, bad/ok fixtures, .fixed.c for fixes. */
class CatalogTest {
    private static final List<String> SECTIONS = List.of("## What", "## Why it matters", "## How to fix", "## Known false positives",
            "## References");

    @Test void idsAreUniqueAndSummariesShort() {
        Set<String> ids = new HashSet<>(), slugs = new HashSet<>();
        for (Check c : Checks.all()) {
            assertTrue(ids.add(c.info().id()), "rule id reused: " + c.info().id());
            assertTrue(slugs.add(c.info().slug()), "slug reused: " + c.info().slug());
            assertTrue(c.info().summary().length() <= 80, c.info().id() + ": summary over 80 characters");
            assertTrue(c.info().slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), c.info().id() + ": slug not kebab-case");
            assertTrue(Character.isLowerCase(c.info().summary().charAt(0)), c.info().id() + ": summary must start lower-case");
            assertTrue(!c.info().summary().endsWith("."), c.info().id() + ": summary ends with a period");
        }
    }

    @Test void everyRuleHasARationaleWithAllSections() throws IOException {
        Path root = FixtureTest.root();
        for (Check c : Checks.all()) checkRationale(root, c);
    }

    static void checkRationale(Path root, Check c) throws IOException {
        Path r = root.resolve(c.info().rationalePath());
        assertTrue(Files.isRegularFile(r), "missing " + c.info().rationalePath());
        String text = Files.readString(r);
        assertTrue(text.startsWith("# " + c.info().id()), r + " must start with '# " + c.info().id() + "'");
        for (String s : SECTIONS) assertTrue(text.contains(s), r + " lacks section '" + s + "'");
        String refs = text.substring(text.indexOf("## References"));
        assertTrue(refs.matches("(?s).*([0-9a-f]{12}|lore\\.kernel\\.org|lkml).*"), r + ": References cite no commit id or thread");
    }

    @Test void rulesThatOfferFixesHaveFixedFixtures() throws IOException {
        Path rules = FixtureTest.root().resolve("test-fixtures/rules");
        for (String id : Checks.all().stream().filter(c -> c.info().offersFix()).map(c -> c.info().id()).toList()) {
            try (Stream<Path> s = Files.walk(rules)) {
                assertTrue(s.anyMatch(p -> p.getFileName().toString().endsWith(".fixed.c") && p.getParent().getFileName().toString().startsWith(id)),
                        id + " offers fixes but has no *.fixed.c fixture");
            }
        }
    }

    @Test void everyRuleIsBackedByAShippedClauseAndEveryClauseByARule() {
        var model = Mmlint.shippedModel();
        for (String id : Checks.ids()) assertTrue(!model.clausesFor(id).isEmpty(), "no clause of rules/*.mmr backs " + id);
        for (var c : model.clauses()) assertTrue(Checks.ids().contains(c.rule()), c.id() + " backs " + c.rule() + ", which no check implements");
    }

    /** The README's rule table lists exactly the registry's rules, in order. */
    @Test void theReadmeTableListsTheRegistry() throws IOException {
        String readme = Files.readString(FixtureTest.root().resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Rules"));
        List<String> rows = table.lines().takeWhile(l -> !l.startsWith("Each rule has")).map(l -> l.matches("\\| (MM\\d{3}) \\|.*") ? l.substring(2, 7) : null)
                .filter(java.util.Objects::nonNull).toList();
        assertEquals(Checks.ids(), rows, "README.md's '## Rules' table");
    }

    /** One summary text: `rules show` names a clause's rule with the check's summary, as check and SARIF do. */
    @Test void rulesShowUsesTheRulesOneSummary() {
        var catalog = Mmlint.catalog(Mmlint.shippedRules());
        for (Check c : Checks.all()) {
            String clause = Mmlint.shippedModel().clausesFor(c.info().id()).get(0).id();
            assertTrue(catalog.show(clause).orElseThrow().startsWith(clause + " [" + c.info().id() + ": " + c.info().summary() + "]"), clause);
        }
    }

    /** `for MMnnn` is checked against the rules the loader knows: built-in and custom, which may own clauses. */
    @Test void clausesBackTheRulesTheLoaderKnowsIncludingCustomOnes(@TempDir Path dir) throws IOException {
        Path mmr = dir.resolve("owned.mmr");
        Files.writeString(mmr, """
                family owned "a clause owned by a custom rule";
                confidence medium;

                clause owned.example for MM901 {
                    why "a custom rule may own a clause of its own instead of citing a built-in rule's clauses";
                    ref commit 1d798ca3f164 "mm: make compound_head() robust";
                    fn owned_example_requires_head(page) { page: requires_head; }
                }
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mmlint.load(List.of(mmr)));
        assertTrue(e.getMessage().contains("owned.mmr:4:") && e.getMessage().contains("backs unknown rule 'MM901' (known: "
                + String.join(", ", Checks.ids()) + ")"), e.getMessage());
        Files.createDirectories(dir.resolve("custom"));
        Files.writeString(dir.resolve("custom/Owner.java"), """
                import dev.mmlint.engine.api.RuleInfo;
                import dev.mmlint.engine.api.Severity;
                import dev.mmlint.engine.check.Check;
                import dev.mmlint.engine.check.Event;
                import dev.mmlint.engine.check.Reporter;
                import dev.mmlint.model.api.Confidence;

                public final class Owner implements Check {
                    @Override public RuleInfo info() {
                        return new RuleInfo("MM901", "owned-example", Severity.NOTE, Confidence.MEDIUM, "a custom rule owning a clause", "none", false);
                    }
                    @Override public void on(Event e, Reporter r) {
                        if (e instanceof Event.HeadRequired h && h.clause() != null && h.clause().ruleId().equals("MM901"))
                            r.finding(this, h).message("owned").clause(h.clause()).report();
                    }
                }
                """);
        Mmlint.Loaded l = Mmlint.load(List.of(dir));
        assertEquals(List.of(), l.problems());
        assertEquals("MM901", l.model().clause("owned.example").orElseThrow().rule());
        assertEquals(List.of("MM901"), l.custom().stream().map(c -> c.info().id()).toList());
    }
}
