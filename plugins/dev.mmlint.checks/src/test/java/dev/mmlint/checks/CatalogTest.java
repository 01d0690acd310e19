package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        for (Check c : Checks.all()) {
            Path r = root.resolve(c.info().rationalePath());
            assertTrue(Files.isRegularFile(r), "missing " + c.info().rationalePath());
            String text = Files.readString(r);
            assertTrue(text.startsWith("# " + c.info().id()), r + " must start with '# " + c.info().id() + "'");
            for (String s : SECTIONS) assertTrue(text.contains(s), r + " lacks section '" + s + "'");
            String refs = text.substring(text.indexOf("## References"));
            assertTrue(refs.matches("(?s).*([0-9a-f]{12}|lore\\.kernel\\.org|lkml).*"), r + ": References cite no commit id or thread");
        }
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
}
