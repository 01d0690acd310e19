package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether Kbuild builds a file, from obj-y / obj-$(CONFIG_X) / composite lines, with the reason. */
class BuildStatusTest {
    static final String MAKEFILE = """
            # comment
            mmu-y\t\t\t:= nommu.o
            mmu-$(CONFIG_MMU)\t:= memory.o \\
            \t\t\t   mlock.o

            obj-y\t\t\t:= filemap.o $(mmu-y)
            obj-$(CONFIG_FOO)\t+= foo.o
            obj-$(CONFIG_BAR) += bar.o
            ifdef CONFIG_SWAP
            obj-y += swap.o
            else
            obj-y += noswap.o
            endif
            ifeq ($(CONFIG_MMU),y)
            \tobj-$(CONFIG_ADVISE) += madvise.o
            endif
            page-alloc-y := page_alloc.o
            page-alloc-$(CONFIG_SHUFFLE) += shuffle.o
            obj-y += page-alloc.o
            obj-$(CONFIG_SUB) += sub/
            obj-y += odd/
            CFLAGS_filemap.o += $(call cc-option, -fno-foo)
            """;

    static Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("mm/Makefile", MAKEFILE);
        f.put("mm/sub/Makefile", "obj-y += x.o\n");
        f.put("mm/odd/Makefile", "obj-y += $(addprefix a, .o)\nobj-$(CONFIG_FOO) += plain.o\n");
        for (String c : new String[] {"filemap", "nommu", "memory", "mlock", "foo", "bar", "swap", "noswap", "madvise",
                "page_alloc", "shuffle", "sub/x", "odd/a", "odd/plain", "odd/other"})
            f.put("mm/" + c + ".c", "int " + c.replace('/', '_') + "_fn(void)\n{\n\treturn 0;\n}\n");
        f.put("mm/filemap.c", "#include \"inlined.c\"\nint filemap_fn(void)\n{\n\treturn inlined_fn();\n}\n");
        f.put("mm/inlined.c", "static int inlined_fn(void)\n{\n\treturn 1;\n}\n");
        return f;
    }

    @Test void verdictsAndReasons(@TempDir Path dir) throws Exception {
        Path root = MiniTree.create(dir, "CONFIG_MMU=y\nCONFIG_BAR=m\n# CONFIG_FOO is not set\n", files());
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        Map<String, String> expect = new LinkedHashMap<>();
        expect.put("filemap", "BUILT");
        expect.put("memory", "BUILT");
        expect.put("mlock", "BUILT");
        expect.put("bar", "BUILT"); // =m: a module is built too
        expect.put("noswap", "BUILT");
        expect.put("page_alloc", "BUILT"); // part of the composite page-alloc.o
        expect.put("nommu", "NOT_BUILT listed in 'mmu-y' at mm/Makefile:2, then replaced by 'mmu-$(CONFIG_MMU) :=' at line 3, CONFIG_MMU=y");
        expect.put("foo", "NOT_BUILT obj-$(CONFIG_FOO) in mm/Makefile, CONFIG_FOO is not set");
        expect.put("swap", "NOT_BUILT inside 'ifdef CONFIG_SWAP' in mm/Makefile, CONFIG_SWAP is not set");
        expect.put("madvise", "NOT_BUILT obj-$(CONFIG_ADVISE) in mm/Makefile, CONFIG_ADVISE is not set");
        expect.put("shuffle", "NOT_BUILT page-alloc-$(CONFIG_SHUFFLE) in mm/Makefile, CONFIG_SHUFFLE is not set");
        expect.put("sub/x", "NOT_BUILT directory mm/sub/ is not built: obj-$(CONFIG_SUB) in mm/Makefile, CONFIG_SUB is not set");
        expect.put("inlined", "NOT_BUILT not listed in mm/Makefile; it is #included by mm/filemap.c");
        // a Make function may name anything: never "not built" on a guess
        expect.put("odd/a", "UNKNOWN a.o is not listed literally in mm/odd/Makefile, which uses Make functions mmlint does not evaluate");
        expect.put("odd/other", "UNKNOWN other.o is not listed literally in mm/odd/Makefile, which uses Make functions mmlint does not evaluate");
        expect.put("odd/plain", "NOT_BUILT obj-$(CONFIG_FOO) in mm/odd/Makefile, CONFIG_FOO is not set");
        for (var e : expect.entrySet()) {
            BuildStatus b = fe.buildStatus(root.resolve("mm/" + e.getKey() + ".c"));
            assertEquals(e.getValue(), (b.verdict() + " " + b.reason()).strip(), e.getKey());
        }
    }

    @Test void functionsOfAFileThatIsNotBuiltSayWhy(@TempDir Path dir) throws Exception {
        Path root = MiniTree.create(dir, "CONFIG_MMU=y\n", files());
        KernelTreeFrontend fe = MiniTree.frontend(root, dir.resolve("cache"));
        ParsedUnit u = fe.parse(root.resolve("mm/foo.c"));
        assertEquals(BuildStatus.Verdict.NOT_BUILT, u.build().verdict());
        FunctionCoverage fc = u.coverage().get(0);
        assertEquals(FunctionCoverage.Status.NOT_BUILT, fc.status());
        assertEquals(FunctionCoverage.Status.CLEAN, fc.parseStatus(), "what the parse alone gave");
        assertEquals("not built: obj-$(CONFIG_FOO) in mm/Makefile, CONFIG_FOO is not set", fc.reasons().get(0));
        ParsedUnit built = fe.parse(root.resolve("mm/filemap.c"));
        assertEquals(BuildStatus.Verdict.BUILT, built.build().verdict());
        assertEquals(FunctionCoverage.Status.CLEAN, built.coverage().get(0).status());
    }

    @Test void realTrees() throws Exception {
        Path t612 = TestSupport.kernel("6.12");
        KernelTreeFrontend fe = new KernelTreeFrontend(KernelTree.at(t612).orElseThrow(),
                FrontendOptions.defaults().withConfig(TestSupport.kernelConfig("6.12")));
        assertEquals(new BuildStatus(BuildStatus.Verdict.NOT_BUILT, "obj-$(CONFIG_MEMCG_V1) in mm/Makefile, CONFIG_MEMCG_V1 is not set"),
                fe.buildStatus(t612.resolve("mm/memcontrol-v1.c")));
        for (String f : new String[] {"mm/gup.c", "mm/memcontrol.c", "mm/page_alloc.c", "mm/shuffle.c", "mm/damon/core.c"})
            assertEquals(BuildStatus.Verdict.BUILT, fe.buildStatus(t612.resolve(f)).verdict(), f);
        assertTrue(fe.buildStatus(t612.resolve("mm/percpu-km.c")).reason().contains("#included by mm/percpu.c"));
        assertFalse(Files.exists(t612.resolve(".config")), "the tree must not be written");

        Path t61 = TestSupport.kernel("6.1");
        KernelTreeFrontend fe61 = new KernelTreeFrontend(KernelTree.at(t61).orElseThrow(),
                FrontendOptions.defaults().withConfig(TestSupport.kernelConfig("6.1")));
        assertEquals("obj-$(CONFIG_SLAB) in mm/Makefile, CONFIG_SLAB is not set", fe61.buildStatus(t61.resolve("mm/slab.c")).reason());
        assertEquals(BuildStatus.Verdict.BUILT, fe61.buildStatus(t61.resolve("mm/slub.c")).verdict());
    }
}
