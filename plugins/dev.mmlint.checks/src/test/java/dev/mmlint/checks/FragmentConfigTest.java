package dev.mmlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.engine.api.Finding;
import dev.mmlint.frontend.FragmentFrontend;
import dev.mmlint.frontend.ParsedUnit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lone fragments with no Kconfig: both arms of the CONFIG_ conditionals they test are analysed and
 * their findings merged; the options a {@code mmlint-config:} line leaves out are unknown, not off.
 */
class FragmentConfigTest {
    @TempDir Path dir;

    private List<Finding> findings(String text) throws Exception {
        try (FragmentFrontend fe = new FragmentFrontend()) {
            ParsedUnit u = fe.parseText(dir.resolve("f.c"), "f.c", text);
            return Mmlint.engine().analyze(u).findings();
        }
    }

    private static final String TAIL_INDEX = """
            static pgoff_t offset_of(pte_t *ptep)
            {
            	struct page *page = pte_page(ptep_get(ptep));

            	return page->index;
            }
            """;
    private static final String HEAD_INDEX = """
            static pgoff_t offset_of(pte_t *ptep)
            {
            	struct page *page = compound_head(pte_page(ptep_get(ptep)));

            	return page->index;
            }
            """;

    @Test void aFunctionInsideIfdefIsAnalysedAndSaysOnWhichConfig() throws Exception {
        List<Finding> fs = findings("/* mmlint-kernel: 6.1 */\n#ifdef CONFIG_MMLINT_TEST_A\n" + TAIL_INDEX + "#endif\n");
        assertEquals(1, fs.size(), fs::toString);
        assertEquals("MM002", fs.get(0).ruleId());
        assertTrue(fs.get(0).applicability().contains("found only with CONFIG_MMLINT_TEST_A=y"), fs.get(0).applicability());
    }

    @Test void theOtherArmSaysTheSymbolIsNotSet() throws Exception {
        List<Finding> fs = findings("/* mmlint-kernel: 6.1 */\n#if !IS_ENABLED(CONFIG_MMLINT_TEST_A)\n" + TAIL_INDEX
                + "#else\n" + HEAD_INDEX + "#endif\n");
        assertEquals(1, fs.size(), fs::toString);
        assertTrue(fs.get(0).applicability().contains("found only with CONFIG_MMLINT_TEST_A not set"), fs.get(0).applicability());
    }

    @Test void aFindingOfBothArmsIsReportedOnceAsItIs() throws Exception {
        String text = "/* mmlint-kernel: 6.1 */\n" + TAIL_INDEX
                + "static int g(void)\n{\n#ifdef CONFIG_MMLINT_TEST_B\n\treturn 1;\n#endif\n\treturn 0;\n}\n";
        List<Finding> fs = findings(text);
        assertEquals(1, fs.size(), fs::toString);
        assertFalse(fs.get(0).applicability().contains("found only"), fs.get(0).applicability());
    }

    @Test void headResolvedInEitherArmIsNotFlagged() throws Exception {
        assertEquals(List.of(), findings("#ifdef CONFIG_MMLINT_TEST_A\n" + HEAD_INDEX + "#else\n"
                + HEAD_INDEX.replace("offset_of", "offset_of2") + "#endif\n"));
    }

    @Test void aStatedOffSymbolKeepsItsArmOut() throws Exception {
        assertEquals(List.of(), findings("/*\n * mmlint-kernel: 6.1\n * mmlint-config: CONFIG_MMLINT_TEST_A=n\n */\n"
                + "#ifdef CONFIG_MMLINT_TEST_A\n" + TAIL_INDEX + "#endif\n"));
        // stated on: compiled in every parse, so not a one-config finding
        List<Finding> on = findings("/*\n * mmlint-kernel: 6.1\n * mmlint-config: CONFIG_MMLINT_TEST_A=y\n */\n"
                + "#ifdef CONFIG_MMLINT_TEST_A\n" + TAIL_INDEX + "#endif\n");
        assertEquals(1, on.size(), on::toString);
        assertFalse(on.get(0).applicability().contains("found only"), on.get(0).applicability());
    }

    private static final String MAPCOUNT_REUSE = """
            void page_move_anon_rmap(struct page *page, struct vm_area_struct *vma);

            static vm_fault_t pte_wp(struct vm_area_struct *vma, unsigned long address, pte_t *ptep)
            {
            	struct page *old_page = pte_page(ptep_get(ptep));

            	if (page_mapcount(old_page) == 1 && PageAnon(old_page)) {
            		if (!PageAnonExclusive(old_page))
            			page_move_anon_rmap(old_page, vma);
            		return 0;
            	}
            	return VM_FAULT_OOM;
            }
            """;

    private List<Finding> mapcount(String config) throws Exception {
        return findings("/*\n * mmlint-kernel: 6.1\n * mmlint-config: " + config + "\n */\n" + MAPCOUNT_REUSE)
                .stream().filter(f -> f.ruleId().equals("MM005")).toList();
    }

    /** MM005's clause needs TRANSPARENT_HUGEPAGE. */
    @Test void kconfigGatedClauseFollowsWhatTheFragmentStates() throws Exception {
        List<Finding> on = mapcount("CONFIG_TRANSPARENT_HUGEPAGE=y");
        assertEquals(1, on.size(), on::toString);
        assertEquals(List.of(), mapcount("CONFIG_TRANSPARENT_HUGEPAGE=n"), "stated off stays off");
        List<Finding> unstated = mapcount("CONFIG_SPARSEMEM=y");
        assertEquals(1, unstated.size(), "an option the line leaves out is unknown, not off: " + unstated);
        assertTrue(unstated.get(0).applicability().contains("Kconfig of this code not known"), unstated.get(0).applicability());
        assertEquals(on.get(0).confidence().lower(), unstated.get(0).confidence(), "conditional: one step less confident");
    }
}
