package dev.mmlint.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.Counter;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.FunctionCoverage;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.internal.Preambles;
import dev.mmlint.frontend.testing.KernelTestTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the language server and Eclipse report for an edited buffer (its preamble re-used) is what a
 * parse from scratch reports: the same findings, and no function lost to an internal error. In a
 * unit with a re-used preamble the headers' macro definitions are in effect but not recorded again,
 * so the engine must never ask CDT where a name of a header macro's definition was written (CDT
 * fails there): 6.1's do_migrate_range() reads pfn_to_page() and PageTransHuge() through such macros.
 */
class PreambleFindingsTest {
    @ParameterizedTest
    @CsvSource({"6.1,mm/memory_hotplug.c,MM004"})
    void anEditedBufferKeepsItsFindings(String version, String file, String rule) throws Exception {
        Path tree = KernelTestTrees.tree(version);
        Path path = tree.resolve(file);
        String text = Files.readString(path, StandardCharsets.ISO_8859_1);
        FrontendOptions opts = FrontendOptions.defaults().withConfig(KernelTestTrees.debianConfig(version));
        KernelTree kt = KernelTree.at(tree).orElseThrow();
        KernelTreeFrontend reusing = new KernelTreeFrontend(kt, opts);
        reusing.setPreambleReuse(2);
        Engine engine = Mmlint.engine(Engine.Options.defaults(), Mmlint.shippedModel());

        UnitAnalyzer.Result scratch = engine.analyze(reusing.parseText(path, file, text));
        UnitAnalyzer.Result edited;
        try (Counter.Scope c = Counter.scope()) {
            edited = engine.analyze(reusing.parseText(path, file, text + "\n/* edited */\n"));
            assertEquals(1, c.count(Preambles.REUSED), "the edit did not re-use the preamble: the comparison would be void");
        }
        assertTrue(scratch.findings().stream().anyMatch(f -> f.ruleId().equals(rule)), "no " + rule + " in " + file + ": " + scratch.findings());
        assertEquals(keys(scratch.findings()), keys(edited.findings()));
        assertEquals(List.of(), failures(edited), "functions lost to an internal error with the re-used preamble");
        assertEquals(failures(scratch), failures(edited));
    }

    private static List<String> keys(List<Finding> fs) {
        return fs.stream().map(f -> f.ruleId() + " " + f.function() + ":" + f.line() + ":" + f.column() + " " + f.message()).sorted().toList();
    }

    private static List<String> failures(UnitAnalyzer.Result r) {
        return r.functions().stream().filter(fc -> fc.status() == FunctionCoverage.Status.SKIPPED)
                .filter(fc -> fc.reasons().stream().anyMatch(s -> s.startsWith("dataflow:")))
                .map(fc -> fc.name() + " " + fc.reasons()).toList();
    }
}
