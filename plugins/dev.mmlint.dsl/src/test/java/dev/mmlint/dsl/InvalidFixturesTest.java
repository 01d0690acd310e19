package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each file under test-fixtures/dsl/invalid/ says which errors it must produce, in comments
 * {@code // expect-error: LINE:COL message-substring}. Closed world: every expectation must be met by an
 * error at exactly that position whose message contains the text, and every error must be expected.
 */
class InvalidFixturesTest {

    /** The rules clauses may back here: those the shipped rule files back (the registry lives in the checks module). */
    static final KnownRules SHIPPED_RULE_IDS = KnownRules.of(RuleSetLoader.load(Roots.rules()).model().clauses().stream()
            .map(dev.mmlint.model.api.ClauseInfo::rule).collect(java.util.stream.Collectors.toSet()));

    private static final Pattern EXPECT = Pattern.compile("//\\s*expect-error:\\s*(\\d+):(\\d+)\\s+(.*?)\\s*$");

    record Expectation(int line, int column, String text) {
        boolean matches(DslDiagnostic d) {
            return d.isError() && d.line() == line && d.column() == column && d.message().contains(text);
        }
    }

    static List<Expectation> expectations(Path file) throws IOException {
        List<Expectation> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            Matcher m = EXPECT.matcher(l);
            if (m.find()) out.add(new Expectation(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
        }
        return out;
    }

    static void check(Path file, List<DslDiagnostic> actual) throws IOException {
        List<Expectation> expected = expectations(file);
        assertFalse(expected.isEmpty(), file + " states no expect-error: an invalid fixture must say what is wrong");
        List<DslDiagnostic> unmatched = new ArrayList<>(actual);
        List<Expectation> missing = new ArrayList<>();
        for (Expectation e : expected) {
            DslDiagnostic hit = unmatched.stream().filter(e::matches).findFirst().orElse(null);
            if (hit == null) missing.add(e);
            else unmatched.remove(hit);
        }
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            StringBuilder sb = new StringBuilder(file.getFileName() + ":\n");
            for (Expectation e : missing) sb.append("  missing    ").append(e.line()).append(':').append(e.column()).append(' ').append(e.text()).append('\n');
            for (DslDiagnostic d : unmatched) sb.append("  unexpected ").append(d.line()).append(':').append(d.column()).append(' ').append(d.message()).append('\n');
            sb.append("  all:\n");
            for (DslDiagnostic d : actual) sb.append("    ").append(d.format()).append('\n');
            fail(sb.toString());
        }
    }

    @TestFactory
    List<DynamicTest> everyInvalidFixtureReportsExactlyItsExpectedErrors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(Roots.fixtures().resolve("invalid"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".mmr")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    LoadResult r = RuleSetLoader.load(List.of(p), SHIPPED_RULE_IDS);
                    check(p, r.diagnostics());
                    assertTrue(r.rejected().contains(p.toString()), "a file with errors must be left out of the engine's model");
                }));
            }
        }
        assertTrue(tests.size() >= 10, "expected the invalid fixtures, found " + tests.size());
        return tests;
    }

    /** The harness itself: it must fail on a missing and on an unexpected error. */
    @Test
    void harnessRejectsMissingAndUnexpectedErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("harness.mmr");
        Files.writeString(f, "family harness \"x\";\nconfidence high;\n\n// expect-error: 9:9 something that will not happen\n");
        List<DslDiagnostic> none = List.of();
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> check(f, none));
        Files.writeString(f, "family harness \"x\";\n// expect-error: 1:1 first\n");
        List<DslDiagnostic> extra = List.of(DslDiagnostic.error("harness.mmr", 1, 1, "first"), DslDiagnostic.error("harness.mmr", 2, 2, "second"));
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> check(f, extra));
        check(f, List.of(DslDiagnostic.error("harness.mmr", 1, 1, "the first problem")));
        Files.writeString(f, "family harness \"x\";\n");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> check(f, List.of()));
    }

    @Test
    void allFilesOfADirectoryAreReportedTogether() throws IOException {
        LoadResult r = RuleSetLoader.load(List.of(Roots.fixtures().resolve("invalid"), Roots.fixtures().resolve("valid")), SHIPPED_RULE_IDS);
        long files = r.diagnostics().stream().map(DslDiagnostic::file).distinct().count();
        assertTrue(files >= 10, "errors from every broken file, got " + files);
        assertTrue(r.model().clause("minimal.one").isPresent(), "valid files still reach the engine's model");
        assertFalse(r.model().clause("contradictions.tail").isPresent(), "files with errors do not");
        List<DslDiagnostic> sorted = new ArrayList<>(r.diagnostics());
        sorted.sort(DslDiagnostic.ORDER);
        org.junit.jupiter.api.Assertions.assertEquals(sorted, r.diagnostics());
    }
}
