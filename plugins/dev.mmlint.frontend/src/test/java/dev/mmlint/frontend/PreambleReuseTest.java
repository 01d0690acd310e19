package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.Fingerprint;
import dev.mmlint.frontend.internal.Preambles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file parsed again with its preamble re-used ({@link Preambles}), header pruning resuming after
 * the recorded tokens, is what a parse from scratch of the same text gives: the same coverage and problems, the same binding and type for every name and
 * expression of its functions, the same macro expansions and includes in the file. Edits of the
 * kinds an editor sends: a comment typed at the end of a statement, a line inserted in the middle
 * (every later line moves), a new function at the end that uses header declarations the file did
 * not use before, a {@code #define} and an {@code #include} before the first function, and an
 * include added inside the preamble, which must not re-use. Real files: vmscan.c includes its
 * trace-event header a second time in the middle, percpu.c includes .c files.
 */
class PreambleReuseTest {
    /** A 6.12 file's text, a front end that re-uses preambles and one that parses from scratch. */
    private record Setup(Path path, String text, KernelTreeFrontend reusing, KernelTreeFrontend scratch) {}

    private static Setup setup(String file) throws Exception {
        Path tree = TestSupport.kernel("6.12");
        Path path = tree.resolve(file);
        FrontendOptions opts = FrontendOptions.defaults().withConfig(TestSupport.kernelConfig("6.12"));
        KernelTree kt = KernelTree.at(tree).orElseThrow();
        KernelTreeFrontend reusing = new KernelTreeFrontend(kt, opts);
        reusing.setPreambleReuse(2);
        return new Setup(path, Files.readString(path, StandardCharsets.ISO_8859_1), reusing, new KernelTreeFrontend(kt, opts));
    }

    @ParameterizedTest
    @CsvSource({"mm/memory.c", "mm/gup.c", "mm/vmscan.c", "mm/percpu.c"})
    void reusedPreambleParsesAsFromScratch(String file) throws Exception {
        Setup set = setup(file);
        Path path = set.path();
        String text = set.text();
        KernelTreeFrontend reusing = set.reusing(), scratch = set.scratch();

        ParsedUnit first;
        try (Counter.Scope c = Counter.scope()) {
            first = reusing.parseText(path, file, text);
            assertEquals(1, c.count(Preambles.RECORDED), file + ": the first parse records the preamble");
        }

        int firstCode = first.functions().get(0).getFileLocation().getStartingLineNumber() - 1;
        List<UnaryOperator<String>> reusable = List.of(
                t -> appendToLine(t, statementLine(t, 0.75), " /* edited */"),
                t -> insertLine(t, statementLine(t, 0.5), "\tcond_resched();"),
                t -> t + "\nstatic unsigned long mmlint_edit(struct page *page)\n{\n\treturn page_to_pfn(compound_head(page)) + folio_nr_pages(page_folio(page));\n}\n",
                t -> insertLine(t, firstCode, "#define MMLINT_EDIT(x) ((x) + 1)\n#include <linux/kasan.h>"));
        for (int k = 0; k < reusable.size(); k++) {
            String edited = reusable.get(k).apply(text);
            ParsedUnit r;
            try (Counter.Scope c = Counter.scope()) {
                r = reusing.parseText(path, file, edited);
                assertEquals(1, c.count(Preambles.REUSED), file + " edit " + k + " did not re-use the preamble: the comparison would be void");
                assertEquals(1, c.count(Preambles.PRUNING_RESUMED), file + " edit " + k + ": pruning did not resume after the preamble");
            }
            assertEquivalent(scratch.parseText(path, file, edited), r, file + " edit " + k);
        }

        String inPreamble = insertLine(text, firstInclude(text) + 1, "#include <linux/kasan.h>");
        ParsedUnit r;
        try (Counter.Scope c = Counter.scope()) {
            r = reusing.parseText(path, file, inPreamble);
            assertEquals(0, c.count(Preambles.REUSED), file + ": an edited preamble must be preprocessed again");
        }
        assertEquivalent(scratch.parseText(path, file, inPreamble), r, file + " preamble edit");
        try (Counter.Scope c = Counter.scope()) {
            reusing.parseText(path, file, inPreamble + "\n");
            assertEquals(1, c.count(Preambles.REUSED), file + ": the edited preamble is the one kept now");
        }
    }

    /**
     * A text whose pruned parse has a doubt pruning may have caused (a syntax problem: no missing name
     * explains it) is parsed again in full; that full parse starts from the preamble too (its headers are not preprocessed a
     * third time) and gives what the full parse from scratch gives.
     */
    @ParameterizedTest
    @CsvSource({"mm/memory.c", "mm/gup.c"})
    void fullParseAfterADoubtReusesThePreamble(String file) throws Exception {
        Setup set = setup(file);
        Path path = set.path();
        String text = set.text();
        KernelTreeFrontend reusing = set.reusing(), scratch = set.scratch();
        reusing.parseText(path, file, text);
        String doubtful = text + "\nstatic int mmlint_doubt(struct page *page)\n{\n\treturn (folio_nr_pages(page_folio(page)) +;\n}\n";
        ParsedUnit r;
        try (Counter.Scope c = Counter.scope()) {
            r = reusing.parseText(path, file, doubtful);
            assertEquals(1, c.count(CdtFrontend.PRUNE_FALLBACKS), file + ": the pruned parse must have a doubt");
            assertEquals(1, c.count(Preambles.REUSED_FULL), file + ": the full parse did not re-use the preamble: the comparison would be void");
        }
        ParsedUnit s;
        try (Counter.Scope c = Counter.scope()) {
            s = scratch.parseText(path, file, doubtful);
            assertEquals(0, c.count(Preambles.REUSED_FULL));
        }
        assertEquivalent(s, r, file + " full parse after a doubt");
    }

    private void assertEquivalent(ParsedUnit scratch, ParsedUnit reused, String what) {
        anonymousIds.clear();
        List<String> a = comparable(Fingerprint.of(scratch, Fingerprint.Depth.DEEP));
        anonymousIds.clear();
        List<String> b = comparable(Fingerprint.of(reused, Fingerprint.Depth.DEEP));
        assertTrue(a.size() > 500, "fingerprint too small to mean anything: " + a.size());
        assertNull(Fingerprint.firstDifference(a, b), what);
    }

    /**
     * The fingerprint without what a re-used preamble changes by design (documented in
     * {@link Preambles}): the count of macro definitions of the whole unit (the headers'
     * {@code #define}s are in effect but not preprocessed again, so the AST records only the main
     * file's), and the header location by which an anonymous type is printed ({@code enum
     * {include/linux/stddef.h:158}}): header nodes lie inside the padding. The anonymous type is
     * still told apart from others by its position among the recorded tokens.
     */
    private List<String> comparable(List<String> fp) {
        return fp.stream().filter(s -> !s.startsWith("macro definitions "))
                .map(s -> ANON.matcher(s).replaceAll(m -> "{" + anonymous(m.group(1)) + "}")).toList();
    }

    private static final java.util.regex.Pattern ANON = java.util.regex.Pattern.compile("\\{(/[^}:]+:\\d+)\\}");
    private final java.util.Map<String, Integer> anonymousIds = new java.util.HashMap<>();

    /** Anonymous types numbered in order of first appearance in the fingerprint. */
    private int anonymous(String location) {
        return anonymousIds.computeIfAbsent(location, k -> anonymousIds.size());
    }

    private static int firstInclude(String t) {
        String[] ls = t.split("\n", -1);
        for (int i = 0; i < ls.length; i++) if (ls[i].startsWith("#include")) return i;
        throw new AssertionError("no #include");
    }

    /** A line at {@code share} of the file that ends a statement inside a function (0-based). */
    private static int statementLine(String t, double share) {
        String[] ls = t.split("\n", -1);
        for (int i = (int) (ls.length * share); i < ls.length; i++) if (ls[i].startsWith("\t") && ls[i].endsWith(";")) return i;
        throw new AssertionError("no statement line");
    }

    private static String appendToLine(String t, int line, String s) {
        String[] ls = t.split("\n", -1);
        ls[line] = ls[line] + s;
        return String.join("\n", ls);
    }

    private static String insertLine(String t, int line, String s) {
        String[] ls = t.split("\n", -1);
        ls[line] = s + "\n" + ls[line];
        return String.join("\n", ls);
    }
}
