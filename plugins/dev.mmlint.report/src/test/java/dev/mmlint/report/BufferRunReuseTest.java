package dev.mmlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.engine.UnitAnalyzer;
import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.Counter;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.KernelTree;
import dev.mmlint.frontend.KernelTreeFrontend;
import dev.mmlint.frontend.ParsedUnit;
import dev.mmlint.frontend.testing.KernelTestTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.junit.jupiter.api.Test;

/**
 * The language server's and the IDE's path ({@link BufferAnalysis}) on a real kernel file edited as a
 * developer edits it (a statement typed in a function, a helper and a global added between two functions, a
 * fix): after each edit only the functions it may have changed are run again, and the
 * findings are those of an analysis from scratch of the edited text (the build's tests also compare every
 * carried-over run with a new one, {@code -Dmmlint.checkRunReuse=true}). Linux 6.1's
 * {@code mm/memory_hotplug.c}, whose {@code do_migrate_range()} passes a possible tail to
 * {@code PageTransHuge()} (MM004).
 */
class BufferRunReuseTest {
    private static final String FIX_FROM = "} else if (PageTransHuge(page))\n\t\t\tpfn = page_to_pfn(head) + thp_nr_pages(page) - 1;";
    private static final String FIX_TO = "} else if (PageTransHuge(head))\n\t\t\tpfn = page_to_pfn(head) + thp_nr_pages(head) - 1;";

    @Test void editsOfARealFileReportWhatAFreshAnalysisDoes() throws Exception {
        Path tree = KernelTestTrees.tree("6.1");
        Path file = tree.resolve("mm/memory_hotplug.c");
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        FrontendOptions opts = FrontendOptions.defaults().withConfig(KernelTestTrees.debianConfig("6.1"));
        Engine engine = Mmlint.engine(Engine.Options.defaults(), Mmlint.shippedModel());
        KernelTreeFrontend scratch = new KernelTreeFrontend(KernelTree.at(tree).orElseThrow(), opts);
        try (BufferAnalysis buffers = new BufferAnalysis(opts, null)) {
            List<Finding> original = buffers.analyse(file, 1, text, () -> false).findings();
            long migrate = original.stream().filter(f -> f.ruleId().equals("MM004") && f.function().equals("do_migrate_range")).count();
            assertTrue(migrate >= 1, "the MM004 finding of do_migrate_range(): " + original);

            // a statement typed at the top of functions spread over the file: everything after it moves a line
            ParsedUnit u = scratch.parseText(file, "mm/memory_hotplug.c", text);
            List<String> edits = new ArrayList<>();
            List<IASTFunctionDefinition> fns = u.functions();
            for (int i = fns.size() / 8; i < fns.size(); i += Math.max(1, fns.size() / 3)) {
                int brace = fns.get(i).getBody().getFileLocation().getNodeOffset() + 1;
                edits.add(text.substring(0, brace) + "\n\tbarrier();" + text.substring(brace));
            }
            // a new helper written between two functions, and a new global: the other functions keep their runs
            int before = text.indexOf("\nstatic int\ndo_migrate_range(");
            if (before < 0) before = text.indexOf("\ndo_migrate_range(");
            int lineStart = text.lastIndexOf('\n', before - 1) + 1;
            edits.add(text.substring(0, lineStart) + "static unsigned long mmlint_added;\n\nstatic unsigned long mmlint_helper(struct page *page)\n{\n"
                    + "\treturn page_to_pfn(page) + mmlint_added;\n}\n\n" + text.substring(lineStart));
            // the fix of do_migrate_range(): its findings go
            assertTrue(text.contains(FIX_FROM));
            String fixed = text.replace(FIX_FROM, FIX_TO);
            edits.add(fixed);

            int version = 2;
            for (String edited : edits) {
                List<Finding> fresh = engine.analyze(scratch.parseText(file, "mm/memory_hotplug.c", edited)).findings().stream()
                        .sorted(Finding.ORDER).toList();
                List<Finding> again;
                long kept;
                try (Counter.Scope c = Counter.scope()) {
                    again = buffers.analyse(file, version++, edited, () -> false).findings();
                    kept = c.count(UnitAnalyzer.Memo.REUSED);
                }
                assertEquals(fresh, again, "findings after an edit");
                assertTrue(kept > fns.size() / 2, "runs carried over after an edit: " + kept + " of a unit of " + fns.size() + " functions");
                buffers.analyse(file, version++, text, () -> false); // undone
            }
            List<Finding> afterFix = buffers.analyse(file, version++, fixed, () -> false).findings();
            assertEquals(original.size() - migrate, afterFix.size(), "the fix removes do_migrate_range()'s findings: " + afterFix);
        } finally {
            scratch.close();
        }
    }
}
