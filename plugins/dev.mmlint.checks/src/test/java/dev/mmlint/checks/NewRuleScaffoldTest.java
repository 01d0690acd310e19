package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mmlint.engine.Engine;
import dev.mmlint.engine.check.Check;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/new-rule, run into a copy of the parts of the repository it writes: the rule it generates
 * is registered, its clause validates against the rules the loader knows, its check compiles and
 * passes the catalog's rules (metadata, rationale sections, bad and ok fixtures), and its own fixtures
 * find exactly what they say. The full proof (a fresh clone that builds the checks module and runs
 * FixtureTest and CatalogTest with the rule registered) is scripts/new-rule-selftest, opt-in because
 * it rebuilds the modules.
 */
class NewRuleScaffoldTest {
    @Test void generatesARuleThatValidatesCompilesAndPassesItsOwnFixtures(@TempDir Path copy) throws Exception {
        Path root = FixtureTest.root();
        Path checks = Path.of("plugins/dev.mmlint.checks/src/main/java/dev/mmlint/checks");
        copyTree(root.resolve(checks), copy.resolve(checks));
        copyTree(root.resolve("rules"), copy.resolve("rules"));
        Files.createDirectories(copy.resolve("plugins/dev.mmlint.checks/rationale"));
        Files.createDirectories(copy.resolve("test-fixtures/rules"));
        Files.copy(root.resolve("README.md"), copy.resolve("README.md"));

        Process p = new ProcessBuilder("bash", root.resolve("scripts/new-rule").toString(), "MM900", "example-rule", copy.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);

        // registered once, in the one list, the README table and the shipped rules index
        String registry = Files.readString(copy.resolve(checks.resolve("Checks.java")));
        assertTrue(registry.contains("new GupPairing(),\n                new ExampleRule()\n                // new-rule: next check"), registry);
        assertTrue(Files.readString(copy.resolve("README.md")).contains("| MM007 |") && Files.readString(copy.resolve("README.md"))
                .matches("(?s).*\\| MM007 \\|[^\n]*\n\\| MM900 \\|.*"), "README row after MM007");
        assertTrue(Files.readAllLines(copy.resolve("rules/index.txt")).contains("example_rule.mmr"));

        // the check compiles (as a custom rule, in-process) and its clause backs a rule the loader knows
        Path java = copy.resolve(checks.resolve("ExampleRule.java"));
        Mmlint.Loaded l = Mmlint.load(List.of(copy.resolve("rules"), java));
        assertEquals(List.of(), l.problems());
        assertEquals(1, l.custom().size());
        Check c = l.custom().get(0);
        assertEquals("MM900", c.info().id());
        assertEquals("example-rule", c.info().slug());
        assertEquals("MM900", l.model().clause("example_rule.example").orElseThrow().rule());
        CatalogTest.checkRationale(copy, c);

        Engine engine = Mmlint.engine(Engine.Options.defaults(), l.model(), l.custom());
        Path fixtures = copy.resolve("test-fixtures/rules/MM900-example-rule");
        int bad = 0, ok = 0;
        try (Stream<Path> s = Files.list(fixtures)) {
            for (Path f : s.sorted().toList()) {
                String text = Files.readString(f);
                FixtureExpectations e = FixtureExpectations.parse(text);
                var found = FixtureTest.analyse(engine, f, text, e);
                List<String> diff = e.compare(found);
                if (!diff.isEmpty()) fail(f + ":\n  " + String.join("\n  ", diff));
                if (f.getFileName().toString().startsWith("bad-")) {
                    bad++;
                    assertTrue(found.stream().anyMatch(x -> x.ruleId().equals("MM900") && x.confirmed()),
                            "the stub's finding is confirmed by its replay scenario: " + found);
                } else ok++;
            }
        }
        assertEquals(1, bad);
        assertEquals(1, ok);

        // a second run refuses to overwrite, and a malformed id is a usage error
        Process again = new ProcessBuilder("bash", root.resolve("scripts/new-rule").toString(), "MM900", "example-rule", copy.toString())
                .redirectErrorStream(true).start();
        String msg = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(again.waitFor(60, TimeUnit.SECONDS) && again.exitValue() == 2 && msg.contains("MM900"), msg);
        Process bad2 = new ProcessBuilder("bash", root.resolve("scripts/new-rule").toString(), "M9", "x", copy.toString())
                .redirectErrorStream(true).start();
        bad2.getInputStream().readAllBytes();
        assertTrue(bad2.waitFor(60, TimeUnit.SECONDS) && bad2.exitValue() == 2);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
