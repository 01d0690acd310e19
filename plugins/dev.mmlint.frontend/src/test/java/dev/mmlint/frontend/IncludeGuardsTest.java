package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.frontend.internal.Fingerprint;
import dev.mmlint.frontend.internal.IncludeGuards;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Include guards answered from a stand-in, with the main file's significant macros not collected
 * ({@link IncludeGuards}), parse as CDT's own detection on every inclusion and collection do: the same binding and type for every name and expression, the same macro
 * expansions, includes and problems, on real kernel files (vmscan.c includes its trace-event header
 * a second time, percpu.c includes .c files) and on headers of every shape the detection tells
 * apart. Every detection of those parses was answered, and each stand-in was switched back where
 * the preprocessor's order of calls says.
 */
class IncludeGuardsTest {
    @ParameterizedTest
    @CsvSource({"mm/memory.c", "mm/vmscan.c", "mm/percpu.c", "mm/slub.c"})
    void answeredGuardsParseAsDetectedOnes(String file) throws Exception {
        Path tree = TestSupport.kernel("6.12");
        FrontendOptions opts = FrontendOptions.defaults().withConfig(TestSupport.kernelConfig("6.12"));
        KernelTree kt = KernelTree.at(tree).orElseThrow();
        Path path = tree.resolve(file);
        String text = Files.readString(path, StandardCharsets.ISO_8859_1);
        KernelTreeFrontend detecting = new KernelTreeFrontend(kt, opts);
        detecting.headerCache().setGuardAnswers(false);
        KernelTreeFrontend answering = new KernelTreeFrontend(kt, opts);
        answering.headerCache().setGuardAnswers(true);
        assertEquivalent(detecting, answering, path, file, text);
        // a second file of the same run: every header it shares with the first is answered from the stand-in made then
        assertEquivalent(detecting, answering, tree.resolve("mm/gup.c"), "mm/gup.c",
                Files.readString(tree.resolve("mm/gup.c"), StandardCharsets.ISO_8859_1));
    }

    /**
     * Headers the detection tells apart: a plain guard, one written {@code #if !defined(G)}, one after
     * {@code #pragma once}, text after the closing {@code #endif} (no guard), an {@code #ifdef} that is no
     * guard, no guard at all, an empty header. The two headers without a guard declare a function only
     * when they are read a second time, which the file calls: a guard wrongly answered leaves it unresolved.
     */
    @Test
    void headersOfEveryShape(@TempDir Path dir) throws Exception {
        Map<String, String> files = Map.of(
                "include/linux/plain.h", "#ifndef _PLAIN_H\n#define _PLAIN_H\nstruct page { unsigned long flags; };\n#define PLAIN 1\n#endif /* _PLAIN_H */\n",
                "include/linux/defined.h", "#if !defined(_DEFINED_H)\n#define _DEFINED_H\n#include <linux/plain.h>\nint defined_fn(struct page *p);\n#endif\n",
                "include/linux/once.h", "#pragma once\n#ifndef _ONCE_H\n#define _ONCE_H\nint once_fn(void);\n#endif\n",
                // read again at its second inclusion: only then does it declare trailing_again()
                "include/linux/trailing.h", "#ifndef _TRAILING_H\n#define _TRAILING_H\nint trailing_a(void);\n#endif\n"
                        + "#ifdef TRAILING_SEEN\nint trailing_again(void);\n#endif\n#define TRAILING_SEEN\n",
                "include/linux/ifdef.h", "#ifdef PLAIN\nint ifdef_fn(void);\n#endif\n",
                "include/linux/unguarded.h", "#ifdef UNGUARDED_SEEN\nint unguarded_again(void);\n#endif\n#define UNGUARDED_SEEN\nint unguarded_count;\n",
                "include/linux/empty.h", "",
                "mm/shapes.c", "#include <linux/plain.h>\n#include <linux/defined.h>\n#include <linux/once.h>\n#include <linux/trailing.h>\n"
                        + "#include <linux/ifdef.h>\n#include <linux/unguarded.h>\n#include <linux/empty.h>\n#include <linux/plain.h>\n"
                        + "#include <linux/defined.h>\n#include <linux/once.h>\n#include <linux/trailing.h>\n#include <linux/unguarded.h>\n"
                        + "int shapes(struct page *page)\n{\n\tunguarded_count++;\n\treturn defined_fn(page) + once_fn() + trailing_a() + trailing_again() + unguarded_again() + ifdef_fn() + PLAIN;\n}\n");
        Path root = MiniTree.create(dir, "CONFIG_MMU=y\n", files);
        KernelTreeFrontend detecting = MiniTree.frontend(root, dir.resolve("c1"));
        detecting.headerCache().setGuardAnswers(false);
        KernelTreeFrontend answering = MiniTree.frontend(root, dir.resolve("c2"));
        answering.headerCache().setGuardAnswers(true);
        Path c = root.resolve("mm/shapes.c");
        assertEquivalent(detecting, answering, c, "mm/shapes.c", Files.readString(c));
    }

    private static void assertEquivalent(KernelTreeFrontend detecting, KernelTreeFrontend answering, Path path, String display, String text) throws Exception {
        List<String> a;
        try (Counter.Scope s = Counter.scope()) {
            a = Fingerprint.of(detecting.parseText(path, display, text), Fingerprint.Depth.DEEP);
            assertEquals(0, s.count(IncludeGuards.ANSWERED), display + ": detection was answered with answers off");
        }
        List<String> b;
        try (Counter.Scope s = Counter.scope()) {
            b = Fingerprint.of(answering.parseText(path, display, text), Fingerprint.Depth.DEEP);
            assertTrue(s.count(IncludeGuards.ANSWERED) > 0, display + ": no detection was answered: the comparison would be void");
            assertEquals(0, s.count(IncludeGuards.LATE), display + ": a stand-in was still served after the detection");
        }
        assertTrue(a.size() > 5, "fingerprint too small to mean anything: " + a.size());
        assertEquals(a.size(), b.size(), display);
        assertNull(Fingerprint.firstDifference(a, b), display);
    }
}
