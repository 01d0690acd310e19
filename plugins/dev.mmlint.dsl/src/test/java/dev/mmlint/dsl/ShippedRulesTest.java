package dev.mmlint.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.model.MmModel;
import dev.mmlint.model.api.ClauseInfo;
import dev.mmlint.model.api.RuleFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ShippedRulesTest {

    private static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> s = Files.list(Roots.rules())) {
            return s.filter(p -> p.toString().endsWith(".mmr")).sorted().toList();
        }
    }

    @Test
    void everyShippedFileLoadsWithoutAnyDiagnostic() {
        LoadResult r = RuleSetLoader.load(Roots.rules());
        assertEquals(List.of(), r.diagnostics().stream().map(DslDiagnostic::format).toList());
        assertEquals(List.of(), r.rejected());
        assertTrue(r.model().clauses().size() >= 30, "clauses: " + r.model().clauses().size());
    }

    @TestFactory
    List<DynamicTest> everyShippedFileRoundTrips() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : ruleFiles()) {
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> RoundTrip.assertRoundTrips(RuleSource.of(p))));
        }
        return tests;
    }

    @Test
    void classPathCopyIsTheSameAsTheRulesDirectory() throws IOException {
        List<RuleSource> cp = RuleSetLoader.shippedSources();
        List<Path> fs = ruleFiles();
        assertEquals(fs.size(), cp.size());
        for (int i = 0; i < fs.size(); i++) {
            assertEquals("mmlint-rules/" + fs.get(i).getFileName(), cp.get(i).name());
            assertEquals(Files.readString(fs.get(i)), cp.get(i).text());
        }
        LoadResult shipped = RuleSetLoader.loadShipped();
        assertEquals(List.of(), shipped.diagnostics());
        assertEquals(RuleSetLoader.load(Roots.rules()).model().clauses().size(), shipped.model().clauses().size());
    }

    @Test
    void indexListsExactlyTheShippedFiles() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        for (Path p : ruleFiles()) onDisk.add(p.getFileName().toString());
        Path custom = Roots.rules().resolve("custom");
        if (Files.isDirectory(custom)) {
            try (Stream<Path> s = Files.list(custom)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(p -> onDisk.add("custom/" + p.getFileName()));
            }
        }
        List<String> index = new ArrayList<>();
        for (String l : Files.readAllLines(Roots.rules().resolve("index.txt"))) {
            if (!l.isBlank() && !l.startsWith("#")) index.add(l.strip());
        }
        assertEquals(new ArrayList<>(onDisk), index, "rules/index.txt must list the shipped files in sorted order");
    }

    @Test
    void everyClauseIsSourced() {
        LoadResult r = RuleSetLoader.load(Roots.rules());
        for (ClauseInfo c : r.model().clauses()) {
            assertFalse(c.references().isEmpty(), c.id());
            assertTrue(c.rationale().length() > 40, c.id() + " needs a real rationale");
        }
        for (RuleFile f : r.ruleSet().files()) assertTrue(f.family().equals(Path.of(f.path()).getFileName().toString().replace(".mmr", "")));
    }

    @Test
    void theModelIsCopiedNotSharedWithTheRuleSet() {
        LoadResult r = RuleSetLoader.load(Roots.rules());
        assertTrue(EcoreUtil.equals(r.ruleSet().files().get(0).eObject(), r.ruleSet().copy().files().get(0).eObject()));
    }
}
