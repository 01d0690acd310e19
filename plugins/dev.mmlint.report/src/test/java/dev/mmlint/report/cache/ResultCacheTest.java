package dev.mmlint.report.cache;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmlint.engine.Engine;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.MiniTree;
import dev.mmlint.report.JsonFormatter;
import dev.mmlint.report.LintRun;
import dev.mmlint.report.RunResult;
import dev.mmlint.checks.Mmlint;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent result cache on a small kernel tree: a warm run takes every file from the cache and
 * reports the same bytes as a cold one and as a run without cache; an edited .c file, or an edited
 * header, makes exactly the files that read it be analysed again; a corrupt or foreign entry is ignored
 * with a note and rebuilt; nothing is ever written into the analysed tree.
 */
class ResultCacheTest {
    @TempDir Path tmp;
    Path root, cacheDir;

    static final String HDR = """
            struct page { unsigned long flags; };
            struct page *pfn_to_page(unsigned long pfn);
            void set_page_count(struct page *page, int v);
            """;

    static String unit(String name, boolean onlyA) {
        return "#include <linux/mmhdr.h>\n" + (onlyA ? "#include <linux/onlya.h>\n" : "") + """

                static void %s(unsigned long pfn)
                {
                	struct page *page = pfn_to_page(pfn);

                	set_page_count(page, 1);
                }
                """.formatted(name);
    }

    @BeforeEach void tree() throws IOException {
        root = MiniTree.create(tmp, "CONFIG_MMU=y\n", Map.of(
                "mm/Makefile", "obj-y += a.o b.o\n",
                "mm/a.c", unit("reset_a", true),
                "mm/b.c", unit("reset_b", false),
                "include/linux/mmhdr.h", HDR,
                "include/linux/onlya.h", "#define ONLY_A 1\n"));
        cacheDir = tmp.resolve("cache/results");
    }

    record Ran(String json, ResultCache cache) {}

    private Ran run(String tool) throws IOException {
        return run(new ResultCache(cacheDir, "rules", tool, List.of(root.resolve("mm"))));
    }

    private Ran run(ResultCache cache) throws IOException {
        FrontendOptions fo = FrontendOptions.defaults().withCacheDir(tmp.resolve("cache"));
        LintRun.Options o = new LintRun.Options(fo, Engine.Options.defaults(), null, 2, null).withCache(cache);
        LintRun.Outcome out = LintRun.run(List.of(root.resolve("mm")), o);
        StringWriter w = new StringWriter();
        new JsonFormatter().write(RunResult.of(out, Mmlint.shippedModel(), "test"), w);
        return new Ran(w.toString(), cache);
    }

    private static void counts(Ran r, int hits, int misses) {
        assertEquals(hits, r.cache().hits(), "hits; notes: " + r.cache().notes());
        assertEquals(misses, r.cache().misses(), "misses; notes: " + r.cache().notes());
    }

    private Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) m.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.getLastModifiedTime(p).toMillis() + Files.size(p) : -1);
        }
        return m;
    }

    /** The entries (in directories named by their key's first two hex digits; beside them: stamps, memos). */
    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.walk(cacheDir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().matches("[0-9a-f]{2}")).sorted().toList();
        }
    }

    @Test void warmRunTakesEveryFileFromTheCacheAndReportsTheSameBytes() throws IOException {
        String none = run((ResultCache) null).json();
        assertTrue(none.contains("\"MM006\""), "the tree has findings to compare: " + none);
        assertFalse(Files.exists(cacheDir), "a run without cache writes none");
        Map<String, Long> before = snapshot(root);
        Ran cold = run("v1");
        counts(cold, 0, 2);
        assertEquals(2, cold.cache().stored());
        Ran warm = run("v1");
        counts(warm, 2, 0);
        assertEquals(0, warm.cache().stored());
        assertEquals(none, cold.json());
        assertEquals(none, warm.json());
        assertEquals(List.of(), warm.cache().notes());
        assertEquals(before, snapshot(root), "nothing written into the analysed tree");
    }

    @Test void editedSourceFileIsAnalysedAgain() throws IOException {
        run("v1");
        Files.writeString(root.resolve("mm/a.c"), unit("reset_a", true) + unit("reset_c", false).replace("#include <linux/mmhdr.h>\n", ""));
        Ran edited = run("v1");
        counts(edited, 1, 1);
        String none = run((ResultCache) null).json();
        assertEquals(none, edited.json(), "the edit's findings, not the cached ones");
        assertTrue(none.contains("reset_c"), none);
        counts(run("v1"), 2, 0);
    }

    @Test void editedHeaderReanalysesOnlyTheFilesThatIncludeIt() throws IOException {
        run("v1");
        Files.writeString(root.resolve("include/linux/onlya.h"), "#define ONLY_A 2\n");
        counts(run("v1"), 1, 1); // a.c includes it, b.c does not
        Files.writeString(root.resolve("include/linux/mmhdr.h"), HDR + "void put_page(struct page *page);\n");
        counts(run("v1"), 0, 2);
        counts(run("v1"), 2, 0);
    }

    static final String FS_HDR = """
            struct address_space;
            struct page { unsigned long flags; struct address_space *mapping; unsigned long index; };
            struct inode { struct address_space *i_mapping; };
            struct file_system_type { const char *name; };
            struct page *find_get_page(struct address_space *mapping, unsigned long offset);
            void put_page(struct page *page);
            int register_filesystem(struct file_system_type *fs);
            void mapping_set_large_folios(struct address_space *mapping);
            """;

    static final String FS_SUPER = """
            #include <linux/fshdr.h>

            static struct file_system_type smallfs_type;

            static int smallfs_init(void)
            {
            	return register_filesystem(&smallfs_type);
            }
            """;

    /**
     * A file system whose sources start to let a mapping hold large folios: the files that look pages up in its
     * mappings are analysed again, although they did not change, and their lookups may now return tails.
     */
    @Test void aFileSystemThatOptsInToLargeFoliosIsAnalysedAgain() throws IOException {
        root = MiniTree.create(tmp.resolve("fs-tree"), "CONFIG_MMU=y\n", Map.of(
                "Kbuild", "obj-y += fs/\n",
                "fs/Makefile", "obj-y += smallfs/\n",
                "fs/smallfs/Makefile", "obj-y += lookup.o super.o\n",
                "fs/smallfs/lookup.c", """
                        #include <linux/fshdr.h>

                        static unsigned long smallfs_index(struct inode *inode, unsigned long i)
                        {
                        	struct page *page = find_get_page(inode->i_mapping, i);
                        	unsigned long index = page->index;

                        	put_page(page);
                        	return index;
                        }
                        """,
                "fs/smallfs/super.c", FS_SUPER,
                "include/linux/fshdr.h", FS_HDR));
        java.util.function.Supplier<Ran> fs = () -> {
            try {
                ResultCache cache = new ResultCache(cacheDir, "rules", "v1", List.of());
                FrontendOptions fo = FrontendOptions.defaults().withCacheDir(tmp.resolve("cache"));
                LintRun.Outcome out = LintRun.run(List.of(root.resolve("fs")), new LintRun.Options(fo, Engine.Options.defaults(), null, 2, null).withCache(cache));
                StringWriter w = new StringWriter();
                new JsonFormatter().write(RunResult.of(out, Mmlint.shippedModel(), "test"), w);
                return new Ran(w.toString(), cache);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Ran small = fs.get();
        counts(small, 0, 2);
        assertTrue(small.json().contains("\"findings\" : [ ]"), "order-0 page cache: " + small.json());
        counts(fs.get(), 2, 0);
        Files.writeString(root.resolve("fs/smallfs/super.c"), FS_SUPER.replace("{\n", "{\n\tmapping_set_large_folios(0);\n"));
        Ran large = fs.get();
        counts(large, 0, 2);
        assertFalse(large.json().contains("\"findings\" : [ ]"), "a lookup may return a tail now: " + large.json());
        assertTrue(large.json().contains("may be a tail"), large.json());
    }

    @Test void settingsAndCodeAreInTheKey() throws IOException {
        run("v1");
        counts(run("v2"), 0, 2); // another build of mmlint
        ResultCache other = new ResultCache(cacheDir, "rules", "v1", List.of(root.resolve("mm"))).keyedBy(List.of("rules-on:[MM001]"));
        counts(run(other), 0, 2);
        counts(run("v1"), 2, 0);
    }

    @Test void corruptEntryIsIgnoredWithANoteAndRebuilt() throws IOException {
        String cold = run("v1").json();
        for (Path e : entries()) {
            byte[] b = Files.readAllBytes(e);
            b[b.length / 2] ^= 0x5a;
            Files.write(e, b);
        }
        Ran r = run("v1");
        counts(r, 0, 2);
        assertEquals(2, r.cache().notes().size(), r.cache().notes().toString());
        for (String n : r.cache().notes()) assertTrue(n.contains("ignored and rebuilt") && n.contains("checksum"), n);
        assertEquals(cold, r.json());
        counts(run("v1"), 2, 0);
        // truncated, and not an entry at all
        List<Path> es = entries();
        Files.write(es.get(0), java.util.Arrays.copyOf(Files.readAllBytes(es.get(0)), 40));
        Files.writeString(es.get(1), "garbage");
        r = run("v1");
        counts(r, 0, 2);
        assertEquals(2, r.cache().notes().size(), r.cache().notes().toString());
        assertEquals(cold, r.json());
    }

    @Test void entryOfAnotherBuildAtTheExpectedPlaceIsIgnored() throws IOException {
        Files.delete(root.resolve("mm/b.c"));
        Files.writeString(root.resolve("mm/Makefile"), "obj-y += a.o\n");
        String cold = run("v1").json();
        Path mine = entries().get(0);
        Files.delete(mine);
        run("v2");
        Path foreign = entries().get(0);
        Files.move(foreign, mine); // an entry written by another build where this build looks
        Ran r = run("v1");
        counts(r, 0, 1);
        assertEquals(1, r.cache().notes().size(), r.cache().notes().toString());
        assertTrue(r.cache().notes().get(0).contains("written for another key"), r.cache().notes().toString());
        assertEquals(cold, r.json());
        counts(run("v1"), 1, 0);
    }

    @Test void aCacheInsideTheAnalysedTreeIsNeverWritten() throws IOException {
        Map<String, Long> before = snapshot(root);
        ResultCache inside = new ResultCache(root.resolve("mm/.cache"), "rules", "v1", List.of(root.resolve("mm")));
        Ran r = run(inside);
        assertEquals(0, r.cache().stored());
        assertTrue(r.cache().notes().stream().anyMatch(n -> n.contains("inside the analysed")), r.cache().notes().toString());
        assertEquals(before, snapshot(root));
        ResultCache inTree = new ResultCache(root.resolve("Documentation/.cache"), "rules", "v1", List.of(root.resolve("mm/a.c")));
        r = run(inTree);
        assertEquals(0, r.cache().stored());
        assertEquals(before, snapshot(root));
    }

    @Test void touchedFilesWithTheSameContentAreStillHits() throws IOException {
        run("v1");
        java.nio.file.attribute.FileTime later = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000);
        for (String f : List.of("mm/a.c", "mm/b.c", "include/linux/mmhdr.h", "include/linux/onlya.h"))
            Files.setLastModifiedTime(root.resolve(f), later);
        counts(run("v1"), 2, 0);
    }

    @Test void aHeaderRewrittenWithItsSizeAndModificationTimeIsReadAgain() throws IOException {
        String before = run("v1").json();
        Path h = root.resolve("include/linux/onlya.h");
        java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(h);
        Files.writeString(h, "#define ONLY_A 7\n"); // the same length
        Files.setLastModifiedTime(h, t);
        counts(run("v1"), 1, 1); // a.c reads it
        // the same for the .c file itself: its content is in the key
        Path c = root.resolve("mm/b.c");
        t = Files.getLastModifiedTime(c);
        String text = Files.readString(c);
        Files.writeString(c, text.replace("reset_b", "reset_x"));
        Files.setLastModifiedTime(c, t);
        Ran r = run("v1");
        counts(r, 1, 1);
        assertEquals(run((ResultCache) null).json(), r.json());
        assertNotEquals(before, r.json());
    }

    @Test void aHeaderAddedAheadOnTheIncludePathIsNoticed() throws IOException {
        run("v1");
        // <linux/onlya.h> is looked for in arch/x86/include before include/: a header there now wins
        Path shadow = root.resolve("arch/x86/include/linux/onlya.h");
        Files.createDirectories(shadow.getParent());
        Files.writeString(shadow, "void set_page_count(struct page *page, int v);\nstatic inline void shadowed(void) {}\n");
        Ran r = run("v1");
        counts(r, 0, 2); // both looked in that directory (it did not exist)
        assertEquals(run((ResultCache) null).json(), r.json());
        counts(run("v1"), 2, 0);
        // another header in a directory both looked in: both miss; a file that is not a header there: no miss
        Files.writeString(root.resolve("arch/x86/include/linux/mmhdr.h"), HDR);
        counts(run("v1"), 0, 2);
        Files.writeString(root.resolve("arch/x86/include/linux/.onlya.h.swp"), "editor state");
        Files.writeString(root.resolve("arch/x86/include/linux/notes.txt"), "notes");
        counts(run("v1"), 2, 0);
        // a quoted include looks in the including file's directory first
        Files.writeString(root.resolve("mm/b.c"), "#include \"local.h\"\n" + unit("reset_b", false));
        Files.writeString(root.resolve("include/local.h"), "#define LOCAL 1\n");
        counts(run("v1"), 1, 1);
        Files.writeString(root.resolve("mm/local.h"), "#define LOCAL 2\n");
        counts(run("v1"), 1, 1);
    }

    @Test void anotherConfigOrOtherRulesMiss() throws IOException {
        run("v1");
        Files.writeString(root.resolve(".config"), "CONFIG_MMU=y\nCONFIG_NUMA=y\n");
        counts(run("v1"), 0, 2);
        counts(run("v1"), 2, 0);
        counts(run(new ResultCache(cacheDir, "other rules", "v1", List.of(root.resolve("mm")))), 0, 2);
        counts(run("v1 0.2.0"), 0, 2); // another mmlint version
    }

    @Test void modelTablesAreKeptAsAMemoAndADamagedOneIsRebuilt() throws IOException {
        ResultCache c = new ResultCache(cacheDir, "rules", "v1", List.of(root.resolve("mm")));
        RunResult.ModelTables t = RunResult.ModelTables.of(Mmlint.shippedModel());
        int[] computed = {0};
        java.util.function.Supplier<RunResult.ModelTables> f = () -> {
            computed[0]++;
            return t;
        };
        assertEquals(t, c.memo("model-tables", RunResult.ModelTables.class, f));
        assertEquals(t, c.memo("model-tables", RunResult.ModelTables.class, f));
        assertEquals(1, computed[0], "read back, not computed again");
        try (Stream<Path> s = Files.walk(cacheDir.resolve("memo"))) {
            for (Path m : s.filter(Files::isRegularFile).toList()) Files.writeString(m, "damaged");
        }
        assertEquals(t, c.memo("model-tables", RunResult.ModelTables.class, f));
        assertEquals(2, computed[0]);
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("ignored and rebuilt")), c.notes().toString());
        ResultCache other = new ResultCache(cacheDir, "other rules", "v1", List.of(root.resolve("mm")));
        other.memo("model-tables", RunResult.ModelTables.class, f);
        assertEquals(3, computed[0], "other rules: another memo");
    }

    @Test void jarsAreDigestedAgainWhenTheirStatChanges() throws Exception {
        Path jar = tmp.resolve("dev.mmlint.x.jar");
        Files.writeString(jar, "first");
        Path stampsFile = tmp.resolve("stamps");
        int[] computed = {0};
        FileStamps.Digest d = p -> {
            computed[0]++;
            return Files.readString(p);
        };
        FileStamps s = FileStamps.read(stampsFile);
        assertEquals("first", s.digest(jar, d));
        assertEquals("first", s.digest(jar, d));
        assertEquals(2, computed[0], "changed in the last 2 s: not trusted by its stat");
        Thread.sleep(2_100);
        assertEquals("first", s.digest(jar, d));
        s.write();
        s = FileStamps.read(stampsFile);
        assertEquals("first", s.digest(jar, d));
        assertEquals(3, computed[0], "an unchanged stat is trusted, also in the next run");
        java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(jar);
        Files.writeString(jar, "other"); // the same size and modification time: the change time tells
        Files.setLastModifiedTime(jar, t);
        assertEquals("other", s.digest(jar, d));
        Thread.sleep(2_100);
        assertEquals("other", s.digest(jar, d));
        s.write();
        assertEquals(5, computed[0]);
        Files.writeString(stampsFile, Files.readString(stampsFile).replace("\tother\n", "\tforge\n"));
        s = FileStamps.read(stampsFile);
        assertEquals("other", s.digest(jar, d), "a stamps file that fails its checksum is not used");
        assertEquals(6, computed[0]);
    }

    @Test void codecCarriesEveryComponent() throws IOException {
        var f = new dev.mmlint.engine.api.Finding("MM001", dev.mmlint.engine.api.Severity.WARNING, dev.mmlint.model.api.Confidence.HIGH,
                "mm/x.c", "fn", 3, 4, 3, 9, "msg \u00e9", List.of(new dev.mmlint.engine.api.Evidence(2, 1, "from")), "hint",
                List.of(new dev.mmlint.engine.api.Fix("d", List.of(new dev.mmlint.engine.api.TextEdit(5, 2, "x")))), "clause", "appl",
                List.of("w"), true, null, "fp");
        assertEquals(f, RecordCodec.decode(RecordCodec.encode(f)));
        assertThrows(IllegalArgumentException.class, () -> RecordCodec.encode(new Object()));
        byte[] b = RecordCodec.encode(List.of("x"));
        b[0] = 9; // a record tag over a string: not a type of mmlint's
        assertThrows(IOException.class, () -> RecordCodec.decode(b));
    }
}
