package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.Fingerprint;
import dev.mmlint.frontend.internal.InclusionMemo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inclusions replayed from an earlier translation unit of the run ({@link InclusionMemo}) parse as
 * inclusions preprocessed from their text: the same function coverage and problems, the same binding
 * and type for every name and expression of the main file's functions, the same macro expansions and
 * includes in the main file, and the same headers read (the include directives the result cache keys
 * on), on real kernel files and on headers of the shapes the replay must refuse or tell apart. Under
 * the build's tests every unit that replayed is also preprocessed again from scratch and its token
 * stream and macros compared ({@code mmlint.checkInclusionMemo}, set for surefire).
 */
class InclusionMemoTest {
    @Test
    void realFilesParseAsFromScratch() throws Exception {
        Path tree = TestSupport.kernel("6.12");
        FrontendOptions opts = FrontendOptions.defaults().withConfig(TestSupport.kernelConfig("6.12"));
        KernelTree kt = KernelTree.at(tree).orElseThrow();
        KernelTreeFrontend scratch = new KernelTreeFrontend(kt, opts);
        scratch.headerCache().setInclusionMemo(false);
        KernelTreeFrontend memo = new KernelTreeFrontend(kt, opts);
        memo.headerCache().setInclusionMemo(true);
        long replayed = 0;
        for (String f : List.of("mm/memory.c", "mm/gup.c", "mm/filemap.c", "mm/slub.c", "mm/vmscan.c")) {
            Path p = tree.resolve(f);
            replayed += assertSame(scratch, memo, p, f, Files.readString(p, StandardCharsets.ISO_8859_1));
        }
        assertTrue(replayed > 500, "inclusions replayed over four files after the first: " + replayed);
    }

    /**
     * A header reading the includer's {@code pr_fmt}, one whose types depend on a macro the includer may
     * define, one undefining and redefining a macro, one reading {@code __COUNTER__} (at another value in a
     * file that read it first), one without a guard
     * included twice, headers whose first or last token meets the includer's (a string literal concatenated
     * across the inclusion, a function-like macro's name whose parenthesis is the header's first token),
     * and the same headers included in another order.
     */
    @Test
    void headersOfEveryShape(@TempDir Path dir) throws Exception {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("include/linux/fmt.h", "#ifndef _FMT_H\n#define _FMT_H\n#ifndef pr_fmt\n#define pr_fmt(fmt) fmt\n#endif\n"
                + "int fmt_fn(const char *);\n#define fmt_call() fmt_fn(pr_fmt(\"x\"))\n#endif\n");
        files.put("include/linux/leaf.h", "#ifndef _LEAF_H\n#define _LEAF_H\n#ifdef LEAF_WIDE\ntypedef long leaf_t;\n#else\ntypedef short leaf_t;\n#endif\n"
                + "#define LEAF_MAX 7\n#endif\n");
        files.put("include/linux/top.h", "#ifndef _TOP_H\n#define _TOP_H\n#include <linux/fmt.h>\n#include <linux/leaf.h>\n"
                + "struct top { leaf_t t; };\n#endif\n");
        files.put("include/linux/count.h", "#ifndef _COUNT_H\n#define _COUNT_H\nenum { count_first = __COUNTER__ };\n#endif\n");
        files.put("include/linux/undef.h", "#ifndef _UNDEF_H\n#define _UNDEF_H\n#undef LEAF_MAX\n#define LEAF_MAX 9\n#endif\n");
        files.put("include/linux/again.h", "#include <linux/leaf.h>\nint again_n;\n");
        files.put("include/linux/str.h", "#ifndef _STR_H\n#define _STR_H\n\"tail\";\n#endif\n");
        files.put("include/linux/strend.h", "#ifndef _STREND_H\n#define _STREND_H\n\"end\"\n#endif\n");
        files.put("include/linux/paren.h", "#ifndef _PAREN_H\n#define _PAREN_H\n(1)\n#endif\n");
        files.put("mm/a.c", "#include <linux/top.h>\n#include <linux/count.h>\n#include <linux/again.h>\n#include <linux/again.h>\n"
                + "const char *t =\n#include <linux/str.h>\nconst char *u =\n#include <linux/strend.h>\n;\nint w =\n#include <linux/paren.h>\n;\n"
                + "int a_fn(struct top *p)\n{\n\tleaf_t l = LEAF_MAX;\n\tchar arr[count_first + 2];\n"
                + "\treturn p->t + l + fmt_call() + (int)sizeof(arr) + again_n;\n}\n");
        files.put("mm/b.c", "#define pr_fmt(fmt) \"b: \" fmt\n#define LEAF_WIDE\nint c0 = __COUNTER__;\n#include <linux/leaf.h>\n"
                + "#include <linux/top.h>\n#include <linux/count.h>\n#include <linux/undef.h>\n"
                + "const char *s = \"head\"\n#include <linux/str.h>\nconst char *u =\n#include <linux/strend.h>\n\"more\";\n"
                + "#define F(x) (x + 1)\nint v = F\n#include <linux/paren.h>\n;\n"
                + "int b_fn(struct top *p)\n{\n\tleaf_t l = LEAF_MAX;\n\tchar arr[count_first + 2];\n"
                + "\treturn p->t + (int)l + fmt_call() + (int)sizeof(arr) + v + (int)sizeof(s);\n}\n");
        files.put("mm/c.c", "#include <linux/leaf.h>\n#include <linux/again.h>\n#include <linux/top.h>\n#include <linux/count.h>\n"
                + "int c_fn(struct top *p)\n{\n\tleaf_t l = LEAF_MAX;\n\tchar arr[count_first + 2];\n"
                + "\treturn p->t + l + fmt_call() + (int)sizeof(arr) + again_n;\n}\n");
        // __COUNTER__ read before the header: the value the header's enumerator gets differs from a.c's
        files.put("mm/d.c", "int c0 = __COUNTER__;\n#include <linux/count.h>\n#include <linux/leaf.h>\n"
                + "int d_fn(void)\n{\n\tchar arr[count_first + 2];\n\treturn (int)sizeof(arr) + LEAF_MAX;\n}\n");
        files.put("mm/Makefile", "obj-y += a.o b.o c.o d.o\n");
        Path root = MiniTree.create(dir, "CONFIG_MMU=y\n", files);
        KernelTreeFrontend[] fe = scratchAndMemo(root, dir);
        KernelTreeFrontend scratch = fe[0], memo = fe[1];
        long replayed = 0;
        for (String f : List.of("mm/a.c", "mm/b.c", "mm/c.c", "mm/d.c", "mm/a.c", "mm/b.c", "mm/d.c")) {
            Path c = root.resolve(f);
            replayed += assertSame(scratch, memo, c, f, Files.readString(c));
        }
        assertTrue(replayed > 0, "nothing was replayed: the comparison would be void");
    }

    /**
     * A run's last unit records nothing ({@link CdtFrontend#recordInclusions}): a unit parsed with recording off
     * records no inclusion and, with nothing recorded yet, replays none; with inclusions recorded by an earlier
     * unit it still replays them, and parses as from scratch.
     */
    @Test
    void aUnitNotRecordingStillReplays(@TempDir Path dir) throws Exception {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("include/linux/leaf.h", "#ifndef _LEAF_H\n#define _LEAF_H\ntypedef short leaf_t;\n#define LEAF_MAX 7\n#endif\n");
        files.put("include/linux/top.h", "#ifndef _TOP_H\n#define _TOP_H\n#include <linux/leaf.h>\nstruct top { leaf_t t; };\n#endif\n");
        files.put("mm/a.c", "#include <linux/top.h>\nint a_fn(struct top *p)\n{\n\tleaf_t l = LEAF_MAX;\n\treturn p->t + l;\n}\n");
        files.put("mm/b.c", "#include <linux/top.h>\nint b_fn(struct top *p)\n{\n\treturn p->t * LEAF_MAX;\n}\n");
        files.put("mm/Makefile", "obj-y += a.o b.o\n");
        Path root = MiniTree.create(dir, "CONFIG_MMU=y\n", files);
        KernelTreeFrontend[] fe = scratchAndMemo(root, dir);
        KernelTreeFrontend scratch = fe[0], memo = fe[1];
        Path a = root.resolve("mm/a.c"), b = root.resolve("mm/b.c");
        boolean before = CdtFrontend.recordInclusions(false);
        try {
            try (Counter.Scope s = Counter.scope()) {
                assertEquals(0, assertSame(scratch, memo, a, "mm/a.c", Files.readString(a)), "replayed from an empty store");
                assertEquals(0, s.count(InclusionMemo.RECORDED), "recorded with recording off");
            }
            CdtFrontend.recordInclusions(true);
            try (Counter.Scope s = Counter.scope()) {
                assertSame(scratch, memo, a, "mm/a.c", Files.readString(a));
                assertTrue(s.count(InclusionMemo.RECORDED) > 0, "nothing recorded with recording on");
            }
            CdtFrontend.recordInclusions(false);
            try (Counter.Scope s = Counter.scope()) {
                assertTrue(assertSame(scratch, memo, b, "mm/b.c", Files.readString(b)) > 0, "recording off stopped the replay");
                assertEquals(0, s.count(InclusionMemo.RECORDED), "recorded with recording off");
            }
        } finally {
            CdtFrontend.recordInclusions(before);
        }
    }

    /** Two front ends of the mini tree at {@code root}: inclusions preprocessed from their text, and recorded and replayed. */
    private static KernelTreeFrontend[] scratchAndMemo(Path root, Path dir) throws Exception {
        KernelTreeFrontend scratch = MiniTree.frontend(root, dir.resolve("c1"));
        scratch.headerCache().setInclusionMemo(false);
        KernelTreeFrontend memo = MiniTree.frontend(root, dir.resolve("c2"));
        memo.headerCache().setInclusionMemo(true);
        return new KernelTreeFrontend[] {scratch, memo};
    }

    /** Parses the file with both front ends and compares; returns the inclusions the second replayed. */
    private static long assertSame(KernelTreeFrontend scratch, KernelTreeFrontend memo, Path path, String display, String text) throws Exception {
        ParsedUnit a;
        try (Counter.Scope s = Counter.scope()) {
            a = scratch.parseText(path, display, text);
            assertEquals(0, s.count(InclusionMemo.REPLAYED), display + ": replayed with the memo off");
        }
        ParsedUnit b;
        long replayed;
        try (Counter.Scope s = Counter.scope()) {
            b = memo.parseText(path, display, text);
            replayed = s.count(InclusionMemo.REPLAYED);
            if (replayed > 0 && Boolean.getBoolean("mmlint.checkInclusionMemo"))
                assertTrue(s.count(InclusionMemo.CHECKED) > 0, display + ": the replayed stream was not compared with one from scratch");
        }
        List<String> fa = withoutDefinitionCount(Fingerprint.of(a, Fingerprint.Depth.DEEP));
        List<String> fb = withoutDefinitionCount(Fingerprint.of(b, Fingerprint.Depth.DEEP));
        assertTrue(fa.size() > 5, "fingerprint too small to mean anything: " + fa.size());
        assertNull(Fingerprint.firstDifference(fa, fb), display);
        assertEquals(sorted(CdtFrontend.includes(a.ast())), sorted(CdtFrontend.includes(b.ast())), display + ": headers read");
        return replayed;
    }

    /**
     * The fingerprint without what a replay changes by design (as for a re-used preamble, documented in
     * {@link InclusionMemo}): the count of the unit's macro definitions (a replayed header's {@code #define}s
     * are in effect but not recorded again), and the header location by which an anonymous type is printed
     * ({@code enum {mm/internal.h:42068}}): replayed header nodes lie inside the padding. The anonymous type is
     * still told apart from others by its order of first appearance.
     */
    static List<String> withoutDefinitionCount(List<String> f) {
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        return f.stream().filter(l -> !l.startsWith("macro definitions "))
                .map(l -> ANON.matcher(l).replaceAll(m -> "{" + ids.computeIfAbsent(m.group(1), k -> ids.size()) + "}")).toList();
    }

    private static final java.util.regex.Pattern ANON = java.util.regex.Pattern.compile("\\{(/[^}:]+:\\d+)\\}");

    private static List<IncludeFact> sorted(List<IncludeFact> l) {
        List<IncludeFact> out = new ArrayList<>(l);
        out.sort(Comparator.comparing(IncludeFact::toString));
        return out;
    }
}
