package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.engine.api.Fix;
import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.KernelConfig;
import dev.mmlint.frontend.KernelContext;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.frontend.ParsedUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The closed-world fixture test: every C file under test-fixtures/rules/ is analysed as a lone file
 * (no tree), and its findings must be exactly what its markers say. A {@code *.fixed.c} must equal
 * its bad file with every offered fix applied, and must not draw the rule again.
 */
class FixtureTest {
    static Path root() {
        return dev.mmlint.frontend.testing.RepoRoot.path();
    }

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(root().resolve("test-fixtures/rules"))) {
            return s.filter(p -> p.toString().endsWith(".c") && !p.toString().endsWith(".fixed.c")).sorted().toList();
        }
    }

    static List<Finding> analyse(Path file, String text, FixtureExpectations e) throws Exception {
        return analyse(Mmlint.engine(), file, text, e);
    }

    /** A fixture's findings under {@code engine}, as a lone file with the kernel and config its header states. */
    static List<Finding> analyse(dev.mmlint.engine.Engine engine, Path file, String text, FixtureExpectations e) throws Exception {
        KernelContext ctx = new KernelContext(e.kernel == null ? null : KernelVersion.parse(e.kernel),
                e.kernel == null ? "unknown (lone fragment)" : "mmlint-kernel: " + e.kernel,
                new KernelConfig(e.config, e.config.isEmpty() ? "no Kconfig known" : "mmlint-config"));
        try (FragmentFrontend fe = new FragmentFrontend(ctx)) {
            ParsedUnit u = fe.parseText(file, root().relativize(file).toString(), text);
            return engine.analyze(u).findings();
        }
    }

    @TestFactory Stream<DynamicTest> everyFixtureFindsExactlyWhatItSays() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(root().resolve("test-fixtures/rules").relativize(f).toString(), f.toUri(), () -> {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            FixtureExpectations e = FixtureExpectations.parse(text);
            List<String> diff = e.compare(analyse(f, text, e));
            if (!diff.isEmpty()) fail(f + ":\n  " + String.join("\n  ", diff));
        }));
    }

    @TestFactory Stream<DynamicTest> fixedFilesAreTheFixesApplied() throws IOException {
        List<Path> fixed;
        try (Stream<Path> s = Files.walk(root().resolve("test-fixtures/rules"))) {
            fixed = s.filter(p -> p.toString().endsWith(".fixed.c")).sorted().toList();
        }
        return fixed.stream().map(fx -> DynamicTest.dynamicTest(fx.getFileName().toString(), fx.toUri(), () -> {
            Path bad = fx.resolveSibling(fx.getFileName().toString().replace(".fixed.c", ".c"));
            String text = Files.readString(bad, StandardCharsets.UTF_8);
            FixtureExpectations e = FixtureExpectations.parse(text);
            List<Finding> fs = analyse(bad, text, e);
            List<TextEdit> edits = new ArrayList<>();
            for (Finding f : fs) for (Fix x : f.fixes()) edits.addAll(x.edits());
            assertFalse(edits.isEmpty(), bad + " offers no fix, but has a .fixed.c");
            edits.sort(Comparator.comparingInt(TextEdit::offset).reversed());
            StringBuilder b = new StringBuilder(text);
            for (TextEdit t : edits) b.replace(t.offset(), t.offset() + t.length(), t.replacement());
            String applied = b.toString().replaceAll("\\s*/\\* expect(@[+-]\\d+)?:[^*]*\\*/", "");
            assertEquals(Files.readString(fx, StandardCharsets.UTF_8), applied, "fixes applied to " + bad.getFileName());
            String fixedText = Files.readString(fx, StandardCharsets.UTF_8);
            List<String> rules = e.expected.stream().map(FixtureExpectations.Expected::rule).distinct().toList();
            for (Finding f : analyse(fx, fixedText, e))
                assertFalse(rules.contains(f.ruleId()), fx.getFileName() + " still draws " + f.ruleId() + " at line " + f.line());
        }));
    }

    @Test void everyRuleHasBadAndOkFixtures() throws IOException {
        for (var c : Checks.all()) {
            String id = c.info().id();
            Path dir;
            try (Stream<Path> s = Files.list(root().resolve("test-fixtures/rules"))) {
                dir = s.filter(p -> p.getFileName().toString().startsWith(id + "-")).findFirst().orElse(null);
            }
            assertTrue(dir != null, "no test-fixtures/rules/" + id + "-<slug>/ directory");
            assertEquals(id + "-" + c.info().slug(), dir.getFileName().toString(), "fixture directory named after the rule's slug");
            try (Stream<Path> s = Files.list(dir)) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                assertTrue(names.stream().anyMatch(n -> n.startsWith("bad-") && n.endsWith(".c") && !n.endsWith(".fixed.c")), id + ": no bad-*.c");
                assertTrue(names.stream().anyMatch(n -> n.startsWith("ok-") && n.endsWith(".c")), id + ": no ok-*.c");
            }
        }
    }
}
