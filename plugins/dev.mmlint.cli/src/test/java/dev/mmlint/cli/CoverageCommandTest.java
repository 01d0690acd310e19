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

    @Test void mainIsASubcommandHost() {
        assertTrue(Main.commandLine().getSubcommands().containsKey("coverage"));
        assertEquals(2, run("coverage").code(), "missing PATH is a usage error");
    }
}
