package dev.mmlint.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.Budgets;
import dev.mmlint.frontend.FrontendOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Budgets apply to editor buffers (LSP, Eclipse) as to files: the bomb is not analysed, with why; the next buffer is. */
class BufferBudgetTest {
    @Test void aBombBufferIsNotAnalysedAndTheNextOneIs(@TempDir Path d) throws Exception {
        FrontendOptions o = FrontendOptions.defaults().withBudgets(Budgets.UNSET.withFileTime(Duration.ofSeconds(5)));
        try (BufferAnalysis warm = new BufferAnalysis(FrontendOptions.defaults(), null);
             BufferAnalysis a = new BufferAnalysis(o, null)) {
            String good = """
                    static int file_backed(unsigned long addr)
                    {
                    	struct page *page;
                    	struct address_space *mapping;

                    	if (get_user_pages_fast(addr, 1, FOLL_WRITE, &page) != 1)
                    		return -EFAULT;
                    	mapping = page->mapping;
                    	put_page(page);
                    	return mapping != NULL;
                    }
                    """;
            // class loading and the JIT are no part of what is measured
            assertNull(warm.analyse(d.resolve("good.c"), 1, good, () -> false).error());
            assertNull(a.analyse(d.resolve("good.c"), 1, good, () -> false).error());
            // a thousand invocations, each under the macro expansion budget: only the time budget stops them
            StringBuilder sb = new StringBuilder("#define D(x) x x\n");
            for (int i = 0; i < 1000; i++) sb.append("int v").append(i).append(" = ").append("D(".repeat(16)).append('y').append(")".repeat(16)).append(";\n");
            String bomb = sb.toString();
            long t0 = System.nanoTime();
            BufferAnalysis.Analysis r = a.analyse(d.resolve("bomb.c"), 1, bomb, () -> false);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("not analysed: time budget exceeded after 5 s", r.error());
            assertTrue(ms < 30_000, ms + " ms");
            BufferAnalysis.Analysis g = a.analyse(d.resolve("good.c"), 2, good, () -> false);
            assertNull(g.error(), g.error());
            assertEquals(1, g.findings().size(), g.findings().toString());
            assertEquals("MM002", g.findings().get(0).ruleId());
        }
    }
}
