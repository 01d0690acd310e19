package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets on hostile input: a macro bomb beside a good file ends fast, the good file's findings are
 * reported, the bomb is listed as not analysed with the reason, exit status 3. A file with a syntax
 * error is reported with its first parse problem and partial coverage.
 */
class BudgetTest {
    /** Forty nested doubling #defines: 2^40 tokens from one line. */
    static String macroBomb() {
        StringBuilder b = new StringBuilder("#define A0 x\n");
        for (int i = 1; i <= 40; i++) b.append("#define A").append(i).append(" A").append(i - 1).append(" A").append(i - 1).append('\n');
        return b.append("int v = A40;\n").toString();
    }

    /**
     * A thousand invocations of a doubling function-like macro nested sixteen deep: each stays under
     * the macro expansion budget (2^16 tokens), together they take far longer than a time budget.
     */
    static String argumentBomb() {
        StringBuilder b = new StringBuilder("#define D(x) x x\n");
        for (int i = 0; i < 1000; i++) b.append("int v").append(i).append(" = ").append("D(".repeat(16)).append('y').append(")".repeat(16)).append(";\n");
        return b.toString();
    }

    @Test void macroBombBesideAGoodFile(@TempDir Path d) throws Exception {
        Path good = Files.writeString(d.resolve("good.c"), CheckCommandTest.BAD);
        Path bomb = Files.writeString(d.resolve("bomb.c"), macroBomb());
        long t0 = System.nanoTime();
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--no-settings", "--jobs", "2", good.toString(), bomb.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("macro bomb beside a good file: " + ms + " ms");
        assertTrue(ms < 45_000, "the run ends well under a minute: " + ms + " ms");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("good.c:10:") && r.out().contains("[MM002]"), "the good file's finding: " + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("bomb.c") && l.contains("not analysed: macro expansion budget exceeded")),
                r.out());
        String summary = r.out().lines().reduce((a, b) -> b).orElse("");
        assertTrue(summary.contains("1 finding in 1 file, 1 not analysed") && summary.contains("over budget"), summary);
    }

    @Test void timeBudgetStopsAnArgumentBomb(@TempDir Path d) throws Exception {
        Path good = Files.writeString(d.resolve("good.c"), CheckCommandTest.BAD);
        Path bomb = Files.writeString(d.resolve("argbomb.c"), argumentBomb());
        long t0 = System.nanoTime();
        // one job: the good file first and alone (the budget is wall time; a loaded machine must not push it over)
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--no-settings", "--jobs", "1", "--time-budget", "5s", good.toString(), bomb.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("argument bomb, --time-budget 5s: " + ms + " ms");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("argbomb.c: error: not analysed: time budget exceeded after 5 s"), r.out());
        assertTrue(r.out().contains("[MM002]"), r.out());
        assertTrue(ms < 40_000, ms + " ms");
    }

    @Test void budgetsFromTheSettingsFileAndBadValues(@TempDir Path d) throws Exception {
        Path bomb = Files.writeString(d.resolve("argbomb.c"), argumentBomb());
        Path s = Files.writeString(d.resolve(".mmlint.json"), "{ \"budgets\": { \"time\": \"1500ms\" } }");
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--settings", s.toString(), bomb.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("time budget exceeded after 1.5 s"), r.out());
        Files.writeString(s, "{ \"budgets\": { \"time\": \"soon\" } }");
        r = CheckCommandTest.run("check", "--settings", s.toString(), bomb.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("budgets: 'soon' is not a time"), r.err());
        Files.writeString(s, "{ \"budgets\": { \"cpu\": \"1s\" } }");
        r = CheckCommandTest.run("check", "--settings", s.toString(), bomb.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown budget 'cpu'"), r.err());
        r = CheckCommandTest.run("check", "--no-settings", "--memory-budget", "lots", bomb.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'lots' is not a memory size"), r.err());
    }

    @Test void functionOverItsBudgetIsSkippedAndTheRestAnalysed(@TempDir Path d) throws Exception {
        StringBuilder big = new StringBuilder("unsigned long big(unsigned long start, unsigned long n)\n{\n\tunsigned long i, sum = 0;\n\tstruct page *page;\n\n\tfor (i = 0; i < n; i++) {\n");
        for (int k = 0; k < 4000; k++) big.append("\t\tpage = pfn_to_page(start + i + ").append(k).append(");\n\t\tif (PageLRU(page))\n\t\t\tsum += page_to_pfn(page);\n");
        big.append("\t}\n\treturn sum;\n}\n\n");
        Path f = Files.writeString(d.resolve("twofns.c"), "#include <linux/mm.h>\n\n" + big + CheckCommandTest.BAD.replace("#include <linux/mm.h>\n", ""));
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--no-settings", "--function-budget", "1ms", f.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("twofns.c:3: note: function 'big' not analysed: time budget exceeded after 1 ms"), r.out());
        assertTrue(r.out().contains("[MM002]"), "the other function's finding: " + r.out());
        String summary = r.out().lines().reduce((a, b) -> b).orElse("");
        assertTrue(summary.startsWith("mmlint: 1 finding in 1 file;") && summary.contains("1 not analysed") && summary.endsWith("1 file or function over budget"), summary);
    }

    @Test void syntaxErrorIsANoteWithPartialCoverage(@TempDir Path d) throws Exception {
        Path f = Files.writeString(d.resolve("unbalanced.c"), """
                struct page;

                int good(int a)
                {
                	return a + 1;
                }

                int broken(int a)
                {
                	if (a) {
                		a++;
                	return a;
                }
                """);
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--no-settings", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(".*unbalanced\\.c:10: note: parse problem: syntax problem .* in function 'broken'")),
                r.out());
        String summary = r.out().lines().reduce((a, b) -> b).orElse("");
        assertEquals("mmlint: 0 findings in 1 file; 1 file with parse problems; functions: 1 of 2 analysed whole, 1 partially", summary);
    }

    @Test void aCleanFileHasNoNoteAndTheSummaryIsUnchanged(@TempDir Path d) throws Exception {
        Path f = Files.writeString(d.resolve("ok.c"), CheckCommandTest.OK);
        CheckCommandTest.Run r = CheckCommandTest.run("check", "--no-settings", f.toString());
        assertEquals("mmlint: 0 findings in 1 file\n", r.out());
    }
}
