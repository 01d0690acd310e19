package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.engine.Engine;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.Frontends;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.model.api.KernelVersion;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.model.api.ClauseInfo;
import dev.mmlint.model.api.ReferenceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on real Linux 6.12 mm/ files (Debian's linux-source-6.12, unpacked by
 * scripts/kernel-sources.sh): the whole pipeline runs in kernel-tree mode, and its findings obey the
 * properties a maintainer relies on. Nothing here names an expected finding.
 */
class RealKernelTest {
    /** Three large files the rules are about: every function of theirs must parse cleanly. */
    static final List<String> CLEAN_FILES = List.of("mm/gup.c", "mm/hugetlb.c", "mm/memory-failure.c");
    /**
     * And two where the rules find something: on 6.12 the three alone draw no finding, and the properties
     * below would hold vacuously. (page_owner.c is built only with CONFIG_PAGE_OWNER: without a config
     * most of its functions are partial, so it is not held to the clean-parse property.)
     */
    static final List<String> FILES = List.of("mm/gup.c", "mm/hugetlb.c", "mm/memory-failure.c", "mm/vmalloc.c", "mm/page_owner.c");
    static Path tree;
    static final Map<String, List<Finding>> at612 = new HashMap<>(), at618 = new HashMap<>();
    static final Map<String, ParsedUnit> units = new HashMap<>();
    static final Map<String, List<FunctionCoverage>> coverage = new HashMap<>();

    static Path locate() { return dev.mmlint.frontend.testing.KernelTestTrees.tree("6.12"); }

    @BeforeAll static void analyse() throws Exception {
        tree = locate();
        List<Path> files = FILES.stream().map(tree::resolve).toList();
        run(files, FrontendOptions.defaults(), at612, true);
        run(files, FrontendOptions.defaults().withKernelVersion(KernelVersion.parse("6.18")), at618, false);
    }

    static void run(List<Path> files, FrontendOptions o, Map<String, List<Finding>> out, boolean keep) throws Exception {
        Engine engine = Mmlint.engine();
        try (Frontends.Plan plan = Frontends.forPaths(files, o)) {
            for (Frontends.Planned p : plan.files()) {
                ParsedUnit u = p.frontend().parse(p.file());
                var r = engine.analyze(u);
                out.put(u.displayPath(), r.findings());
                if (keep) { units.put(u.displayPath(), u); coverage.put(u.displayPath(), r.functions()); }
            }
        }
    }

    /** The properties below are about findings: on three mm/ files there must be some, or they would hold vacuously. */
    static List<Finding> findings612() {
        List<Finding> all = at612.values().stream().flatMap(List::stream).toList();
        assertFalse(all.isEmpty(), "no finding on " + FILES + ": the properties would hold on an empty set");
        return all;
    }

    @Test void everyFileIsParsedAndAnalysed() {
        assertEquals(FILES.size(), units.size());
        for (String f : CLEAN_FILES) {
            List<FunctionCoverage> c = coverage.get(f);
            assertTrue(c != null && c.size() > 20, f + ": functions analysed");
            long skipped = c.stream().filter(x -> x.status() == FunctionCoverage.Status.SKIPPED).toList().size();
            assertEquals(0, skipped, f + ": skipped functions " + c.stream().filter(x -> x.status() == FunctionCoverage.Status.SKIPPED).toList());
            long clean = c.stream().filter(x -> x.status() == FunctionCoverage.Status.CLEAN).count();
            assertTrue(clean >= 0.95 * c.size(), f + ": only " + clean + " of " + c.size() + " functions clean");
        }
    }

    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z_]\\w*)");

    @Test void positionsPointAtTheNamedCode() {
        int checked = 0;
        for (var e : at612.entrySet()) {
            ParsedUnit u = units.get(e.getKey());
            for (Finding f : e.getValue()) {
                assertTrue(f.line() >= 1 && f.line() <= u.text().lineCount(), f.toString());
                Matcher m = QUOTED.matcher(f.message());
                if (!m.find()) continue;
                String line = u.text().lineText(f.line());
                assertTrue(line.contains(m.group(1)), e.getKey() + ":" + f.line() + " '" + line.trim() + "' does not mention " + m.group(1)
                        + " named by: " + f.message());
                checked++;
            }
        }
        assertTrue(checked > 0, "no finding could be position-checked (of " + findings612().size() + ")");
    }

    @Test void everyFindingCitesAnApplicableClauseOfItsRule() {
        ReferenceModel model = Mmlint.shippedModel();
        for (Finding f : findings612()) {
                ClauseInfo c = model.clause(f.clause()).orElseThrow(() -> new AssertionError("unknown clause " + f.clause()));
                assertEquals(f.ruleId(), c.rule(), "clause " + c.id() + " backs " + c.rule() + ", cited by " + f.ruleId());
                assertTrue(c.window().contains(dev.mmlint.model.api.KernelVersion.parse("6.12")), c.id() + " does not apply to 6.12");
                assertFalse(f.applicability().isBlank());
        }
    }

    @Test void declaringTheCode618ChangesExactlyTheVersionGatedFindings() {
        ReferenceModel model = Mmlint.shippedModel();
        var v612 = dev.mmlint.model.api.KernelVersion.parse("6.12");
        var v618 = dev.mmlint.model.api.KernelVersion.parse("6.18");
        int compared = 0;
        for (String f : FILES) {
            List<String> a = at612.get(f).stream().map(Finding::fingerprint).toList();
            List<String> b = at618.get(f).stream().map(Finding::fingerprint).toList();
            List<Finding> diff = new ArrayList<>();
            at612.get(f).stream().filter(x -> !b.contains(x.fingerprint())).forEach(diff::add);
            at618.get(f).stream().filter(x -> !a.contains(x.fingerprint())).forEach(diff::add);
            compared += at612.get(f).size() + at618.get(f).size();
            for (Finding x : diff) {
                var w = model.clause(x.clause()).orElseThrow().window();
                assertTrue(w.contains(v612) != w.contains(v618), f + ": " + x.ruleId() + " at line " + x.line()
                        + " differs between 6.12 and 6.18 but its clause " + x.clause() + " (" + w + ") is not version-gated between them");
            }
        }
        assertTrue(compared > 0, "no finding at 6.12 or 6.18 to compare");
    }

    /**
     * The engine reasons about known API macros as written (compound_head(), pte_page(), nth_page()):
     * in a kernel tree every such call in the file's text must reach the written view, whatever the
     * front end does to save time (a parse that loses macro expansions would silently miss findings).
     */
    @Test void knownMacrosAreSeenAsWritten() {
        ParsedUnit u = units.get("mm/gup.c");
        var kb = Mmlint.engine().knowledge(u.context());
        var view = dev.mmlint.engine.ast.WrittenView.build(u.ast(), u.text(), kb.names());
        java.util.Set<String> seen = new java.util.HashSet<>();
        view.all().forEach(i -> seen.add(i.name()));
        java.util.Set<String> macros = new java.util.TreeSet<>();
        for (var e : u.ast().getMacroExpansions()) macros.add(e.getMacroReference().toString());
        int checked = 0;
        for (String name : List.of("pte_page", "pmd_page", "compound_head", "page_folio", "nth_page", "folio_page", "pfn_to_page")) {
            if (!macros.contains(name) || !u.text().content().contains(name + "(")) continue;
            assertTrue(seen.contains(name), name + " is a macro called in mm/gup.c but the written view does not see it");
            checked++;
        }
        assertTrue(checked >= 2, "mm/gup.c should call at least two known API macros (found " + checked + "; expansions recorded: "
                + u.ast().getMacroExpansions().length + ")");
    }

    @Test void analysisIsDeterministic() {
        ParsedUnit u = units.get("mm/gup.c");
        assertEquals(Mmlint.engine().analyze(u).findings(), Mmlint.engine().analyze(u).findings());
    }
}
