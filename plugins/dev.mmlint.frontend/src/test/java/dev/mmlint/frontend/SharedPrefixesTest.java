package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.Fingerprint;
import dev.mmlint.frontend.internal.SharedPrefixes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files of one run that begin with the same directives start from the headers another file
 * preprocessed ({@link SharedPrefixes}), and each parses as it does from scratch: the same coverage
 * and problems, the same binding and type for every name and expression of its functions, the same
 * macro expansions and includes in the file. Real files: the first three begin with
 * {@code #include <linux/mm.h>} and then part ways; the next two also share their second include;
 * the last two begin with {@code #define pr_fmt(fmt) KBUILD_MODNAME ": " fmt}, a macro whose
 * command-line value differs between the files, then the same include.
 */
class SharedPrefixesTest {
    private static final List<String> FILES = List.of("mm/page_isolation.c", "mm/page_reporting.c", "mm/sparse.c",
            "mm/mempool.c", "mm/util.c", "mm/khugepaged.c", "mm/huge_memory.c");

    @Test
    void sharedPrefixParsesAsFromScratch() throws Exception {
        Path tree = TestSupport.kernel("6.12");
        FrontendOptions opts = FrontendOptions.defaults().withConfig(TestSupport.kernelConfig("6.12"));
        KernelTree kt = KernelTree.at(tree).orElseThrow();
        KernelTreeFrontend sharing = new KernelTreeFrontend(kt, opts);
        List<Path> paths = new ArrayList<>();
        for (String f : FILES) paths.add(tree.resolve(f));
        sharing.planSharedPrefixes(paths);
        KernelTreeFrontend scratch = new KernelTreeFrontend(kt, opts);

        long reused = 0;
        for (int i = 0; i < paths.size(); i++) {
            ParsedUnit r;
            try (Counter.Scope c = Counter.scope()) {
                r = sharing.parse(paths.get(i));
                reused += c.count(SharedPrefixes.REUSED);
                assertEquals(0, c.count(SharedPrefixes.REJECTED), FILES.get(i) + ": a snapshot was tried and refused");
                if (i > 0 && !FILES.get(i).equals("mm/khugepaged.c"))
                    assertEquals(1, c.count(SharedPrefixes.REUSED), FILES.get(i) + " did not start from a shared prefix: the comparison would be void");
            }
            assertEquivalent(scratch.parse(paths.get(i)), r, FILES.get(i));
        }
        assertEquals(paths.size() - 2, reused);
    }

    private void assertEquivalent(ParsedUnit fromScratch, ParsedUnit shared, String what) {
        anonymousIds.clear();
        List<String> a = comparable(Fingerprint.of(fromScratch, Fingerprint.Depth.DEEP));
        anonymousIds.clear();
        List<String> b = comparable(Fingerprint.of(shared, Fingerprint.Depth.DEEP));
        assertTrue(a.size() > 500, "fingerprint too small to mean anything: " + a.size());
        assertNull(Fingerprint.firstDifference(a, b), what);
    }

    /** As in {@link PreambleReuseTest}: header definitions are not preprocessed again, header nodes lie in the padding. */
    private List<String> comparable(List<String> fp) {
        return fp.stream().filter(s -> !s.startsWith("macro definitions "))
                .map(s -> ANON.matcher(s).replaceAll(m -> "{" + anonymous(m.group(1)) + "}")).toList();
    }

    private static final java.util.regex.Pattern ANON = java.util.regex.Pattern.compile("\\{(/[^}:]+:\\d+)\\}");
    private final java.util.Map<String, Integer> anonymousIds = new java.util.HashMap<>();

    private int anonymous(String location) {
        return anonymousIds.computeIfAbsent(location, k -> anonymousIds.size());
    }
}
