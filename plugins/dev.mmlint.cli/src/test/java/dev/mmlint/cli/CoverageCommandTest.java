package dev.mmlint.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CoverageCommandTest {
    private record Run(int code, List<String> out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString().lines().toList());
    }

    @Test void summaryLineIsLastAndBadInputsAreReportedWhileTheRunGoesOn(@TempDir Path d) throws Exception {
        Files.writeString(d.resolve("a.c"), "int a(struct page *p)\n{\n\treturn page_count(p);\n}\n");
        Files.writeString(d.resolve("b.c"), "int b(void)\n{\n\treturn (;\n}\n");
        Files.write(d.resolve("bin.c"), new byte[] {1, 0, 2});
        Run r = run("coverage", "--jobs", "2", d.toString(), d.resolve("missing.c").toString());
        assertEquals(1, r.code(), "some inputs were not analysed");
        String last = r.out().get(r.out().size() - 1);
        assertEquals("functions: 2 analysed, 1 clean, 1 partial, 0 skipped (50.0% clean)", last);
        String all = String.join("\n", r.out());
        assertTrue(all.contains("bin.c:1: error: binary file"), all);
        assertTrue(all.contains("missing.c: error: no such file or directory"), all);
        assertTrue(all.contains("b.c:1: partial: b: line 3: syntax problem"), all);
    }

    @Test void outputIsTheSameForOneAndTwoJobs(@TempDir Path d) throws Exception {
        for (int i = 0; i < 6; i++)
            Files.writeString(d.resolve("f" + i + ".c"), "int f" + i + "(struct folio *f)\n{\n\treturn folio_ref_count(f) + " + i + ";\n}\n");
        assertEquals(run("coverage", "--jobs", "1", d.toString()).out(), run("coverage", "--jobs", "2", d.toString()).out());
    }

    /** Files the tree's Kconfig does not build are analysed, marked, and counted on a line of their own. */
    @Test void filesTheConfigDoesNotBuildAreCountedApart(@TempDir Path d) throws Exception {
        Path root = d.resolve("linux");
        write(root.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\n");
        write(root.resolve("Kbuild"), "obj-y += mm/\n");
        write(root.resolve("include/linux/kconfig.h"), "");
        write(root.resolve("include/linux/compiler_types.h"), "");
        write(root.resolve(".config"), "CONFIG_MMU=y\n");
        write(root.resolve("mm/Makefile"), "obj-y := a.o\nobj-$(CONFIG_MEMCG_V1) += b.o\n");
        write(root.resolve("mm/a.c"), "int a(void)\n{\n\treturn 1;\n}\nint a2(void)\n{\n\treturn 2;\n}\n");
        write(root.resolve("mm/b.c"), "int b(void)\n{\n\treturn 1;\n}\nint b2(struct nosuch *p)\n{\n\treturn p->x;\n}\n");
        String cache = System.getProperty("mmlint.cache");
        System.setProperty("mmlint.cache", d.resolve("cache").toString()); // generated headers: not in ~/.cache
        Run r;
        try {
            r = run("coverage", "--jobs", "2", root.resolve("mm").toString());
        } finally {
            if (cache == null) System.clearProperty("mmlint.cache"); else System.setProperty("mmlint.cache", cache);
        }
        assertEquals(0, r.code(), String.join("\n", r.out()));
        List<String> out = r.out();
        assertEquals("functions: 2 analysed, 2 clean, 0 partial, 0 skipped (100.0% clean)", out.get(out.size() - 1));
        assertEquals("not built under this config: 1 file, 2 functions (1 clean, 1 partial, 0 skipped; not counted below)",
                out.get(out.size() - 2));
        String all = String.join("\n", out);
        assertTrue(all.contains("mm/b.c: not built: obj-$(CONFIG_MEMCG_V1) in mm/Makefile, CONFIG_MEMCG_V1 is not set"), all);
        assertTrue(all.matches("(?s).*mm/b.c +2 +1 +1 +0  not built.*"), all);
        assertTrue(all.contains("mm/b.c:5: not built, partial: b2: "), all);
    }

    private static void write(Path p, String s) throws java.io.IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, s);
    }

    @Test void mainIsASubcommandHost() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("coverage"));
        assertEquals(2, run("coverage").code(), "missing PATH is a usage error");
    }
}
