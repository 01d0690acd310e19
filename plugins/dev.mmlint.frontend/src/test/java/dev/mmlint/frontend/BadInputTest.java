package dev.mmlint.frontend;

import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs give one clear line naming the file; nothing stops the rest of a run. */
class BadInputTest {
    private final FragmentFrontend fe = new FragmentFrontend();

    private InputException refused(Path p) {
        return assertThrows(InputException.class, () -> fe.parse(p));
    }

    @Test void binaryFileIsRefusedNamingFileAndLine(@TempDir Path d) throws Exception {
        Path f = d.resolve("blob.c");
        Files.write(f, new byte[] {'i', 'n', 't', '\n', 'x', 0, 1, 2});
        InputException e = refused(f);
        assertEquals(2, e.diagnostic().line());
        assertTrue(e.getMessage().contains("blob.c") && e.getMessage().contains("binary"), e.getMessage());
    }

    @Test void nonUtf8IsDecodedLenientlyWithAWarning(@TempDir Path d) throws Exception {
        Path f = d.resolve("latin1.c");
        Files.write(f, "/* Copyright J\u00f6rg */\nint f(void)\n{\n\treturn 1;\n}\n".getBytes(StandardCharsets.ISO_8859_1));
        ParsedUnit u = fe.parse(f);
        assertEquals(FunctionCoverage.Status.CLEAN, u.coverage().get(0).status());
        assertEquals(2, u.coverage().get(0).line(), "line numbers survive the lenient decoding");
        Diagnostic w = u.problems().stream().filter(p -> p.message().contains("UTF-8")).findFirst().orElseThrow();
        assertEquals(1, w.line());
        assertEquals(Diagnostic.Severity.WARNING, w.severity());
    }

    @Test void hugeFileIsRefusedBeforeReading(@TempDir Path d) throws Exception {
        Path f = d.resolve("huge.c");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) { r.setLength(50L * 1024 * 1024); }
        InputException e = refused(f);
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("50.0 MB"), e.getMessage());
    }

    @Test void missingFileAndDirectoryAreRefused(@TempDir Path d) {
        assertTrue(refused(d.resolve("nope.c")).getMessage().contains("no such file"));
        assertTrue(refused(d).getMessage().contains("directory"));
    }

    @Test void unbalancedBracesParsePartiallyAndCoverageSaysWhich(@TempDir Path d) throws Exception {
        Path f = d.resolve("unbalanced.c");
        Files.writeString(f, """
                int good(struct page *page)
                {
                	return page_count(page);
                }

                int broken(struct folio *folio)
                {
                	if (folio_test_large(folio)) {
                		folio_put(folio);
                	return 0;
                }

                int after(void)
                {
                	return 1;
                }
                """);
        ParsedUnit u = fe.parse(f);
        FunctionCoverage good = u.coverage().stream().filter(c -> c.name().equals("good")).findFirst().orElseThrow();
        assertEquals(FunctionCoverage.Status.CLEAN, good.status());
        List<FunctionCoverage> notClean = u.coverage().stream().filter(c -> c.status() != FunctionCoverage.Status.CLEAN).toList();
        assertFalse(notClean.isEmpty(), () -> "the broken function must not be reported clean: " + u.coverage());
        assertTrue(notClean.stream().anyMatch(c -> c.name().equals("broken") || c.name().equals("after")), notClean::toString);
        for (FunctionCoverage c : notClean) assertFalse(c.reasons().isEmpty(), "a reason is always given");
    }

    @Test void walkerReportsLoopsEmptyDirsAndMissingPathsAndGoesOn(@TempDir Path d) throws Exception {
        Path src = Files.createDirectories(d.resolve("src"));
        Files.writeString(src.resolve("b.c"), "int b;\n");
        Files.writeString(src.resolve("a.c"), "int a;\n");
        Files.writeString(src.resolve("notes.txt"), "x\n");
        Files.createSymbolicLink(src.resolve("loop"), src);
        Path empty = Files.createDirectories(d.resolve("empty"));
        SourceWalker.Result r = SourceWalker.expand(List.of(src, empty, d.resolve("missing")), false);
        assertEquals(List.of(src.resolve("a.c"), src.resolve("b.c")), r.files(), "sorted, no duplicates through the loop");
        String all = r.diagnostics().toString();
        assertTrue(all.contains("symbolic link loop"), all);
        assertTrue(all.contains("no C files"), all);
        assertTrue(all.contains("missing: error: no such file or directory"), all);
    }
}
