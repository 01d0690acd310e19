package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.frontend.testing.FuzzGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmlint review --tree T} on hostile input. Every series here is a hostile patch followed by a
 * good one (the fixture that introduces one MM002 finding in mm/page_info.c). Each hostile patch must
 * give a clear problem line naming it, the good patch must still be reviewed (exactly one finding
 * introduced), the tree and the directory beside it must be left as they were, and nothing outside the
 * tree may be read: the files outside are copies of mm/page_info.c that the hostile patch would apply
 * to, so reading one would show as a second introduced finding.
 */
class HostileReviewInputTest {
    private static final String GOOD = "01-tail-mapping.patch";
    @TempDir Path tmp;
    private Path tree, outside, secret;
    private FuzzGuard.Snapshot treeBefore, outsideBefore;

    @BeforeEach void setUp() throws IOException {
        tree = tmp.resolve("linux");
        copy(GoldenReviewTest.TREE, tree);
        outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        secret = outside.resolve("secret.c");
        Files.copy(tree.resolve("mm/page_info.c"), secret);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
    }

    private record Result(int rc, String out, String err) {}

    private Result review(Path... inputs) throws IOException {
        treeBefore = FuzzGuard.Snapshot.of(tree);
        outsideBefore = FuzzGuard.Snapshot.of(outside);
        List<Path> in = new ArrayList<>(List.of(inputs));
        in.add(GoldenReviewTest.DIR.resolve(GOOD));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = ReviewRun.run(new ReviewRun.Request(in, tree, "review", null, null, false, "t"), out, new PrintWriter(err, true));
        treeBefore.assertUnchanged();
        outsideBefore.assertUnchanged();
        return new Result(rc, out.toString(), err.toString());
    }

    /** The good patch was reviewed, and nothing else produced a finding. */
    private static void onlyTheGoodPatchFound(Result r) {
        assertEquals(1, r.rc(), r.err());
        assertTrue(r.err().contains("reviewed: 1 introduced,"), r.err());
        assertTrue(r.out().contains("This is MM002"), r.out());
    }

    private static void problem(Result r, String... parts) {
        List<String> lines = r.err().lines().filter(l -> l.startsWith("mmlint review: ")).toList();
        assertTrue(lines.stream().anyMatch(l -> Stream.of(parts).allMatch(l::contains)),
                () -> "no problem line with " + List.of(parts) + " in:\n" + r.err());
        for (String l : lines) FuzzGuard.assertClear(l);
    }

    /** The good patch's hunk, aimed at another path (so it would apply to a copy of mm/page_info.c). */
    private Path aimedAt(String name, String oldPath, String newPath, boolean git) throws IOException {
        String good = Files.readString(GoldenReviewTest.DIR.resolve(GOOD));
        String hunk = good.substring(good.indexOf("@@ "), good.indexOf("-- \n"));
        String head = (git ? "diff --git a/" + oldPath + " b/" + newPath + "\n--- a/" + oldPath + "\n+++ b/" + newPath + "\n"
                : "--- " + oldPath + "\n+++ " + newPath + "\n");
        return mail(name, "[PATCH] hostile: " + name, head + hunk);
    }

    private Path mail(String file, String subject, String body) throws IOException {
        Path p = tmp.resolve(file);
        Files.writeString(p, "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: Mallory <m@example.org>\n"
                + "Date: Tue, 5 Nov 2024 10:00:00 +0100\nSubject: " + subject + "\n\nhostile\n---\n" + body + "-- \n2.39.5\n\n");
        return p;
    }

    @Test void dotDotPathIsRefused() throws IOException {
        Result r = review(aimedAt("dotdot.patch", "../outside/secret.c", "../outside/secret.c", true));
        problem(r, "hostile: dotdot.patch", "unsafe file name '../outside/secret.c'", "not applied");
        onlyTheGoodPatchFound(r);
    }

    @Test void absolutePathIsRefused() throws IOException {
        String abs = secret.toAbsolutePath().toString();
        Result r = review(aimedAt("absolute.patch", abs, abs, false));
        problem(r, "hostile: absolute.patch", "secret.c");
        onlyTheGoodPatchFound(r);
    }

    @Test void symlinkedFileLeadingOutIsNotRead() throws IOException {
        Files.createSymbolicLink(tree.resolve("mm/link.c"), secret);
        Result r = review(aimedAt("link.patch", "mm/link.c", "mm/link.c", true));
        problem(r, "hostile: link.patch: mm/link.c", "symlink leading outside the tree, not read");
        onlyTheGoodPatchFound(r);
    }

    @Test void symlinkedDirectoryLeadingOutIsNotRead() throws IOException {
        Files.createSymbolicLink(tree.resolve("ext"), outside);
        Result r = review(aimedAt("dirlink.patch", "ext/secret.c", "ext/secret.c", true));
        problem(r, "hostile: dirlink.patch: ext/secret.c", "symlink leading outside the tree, not read");
        onlyTheGoodPatchFound(r);
        // a new file there is not created (nor judged) either
        Path p = mail("newfile.patch", "[PATCH] hostile: newfile", "diff --git a/ext/new.c b/ext/new.c\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/ext/new.c\n@@ -0,0 +1,1 @@\n+int x;\n");
        Result n = review(p);
        problem(n, "hostile: newfile: ext/new.c", "symlink leading outside the tree, not applied");
        onlyTheGoodPatchFound(n);
    }

    @Test void symlinkInsideTheTreeStillWorks() throws IOException {
        // the negative case: a link that stays inside the tree is an ordinary file
        Files.createDirectories(tree.resolve("mm/sub"));
        Files.createSymbolicLink(tree.resolve("mm/sub/alias.c"), tree.resolve("mm/page_check.c"));
        Result r = review(aimedAt("inside.patch", "mm/sub/alias.c", "mm/sub/alias.c", true));
        assertFalse(r.err().contains("symlink"), r.err());
        problem(r, "hostile: inside.patch: mm/sub/alias.c", "does not apply");
        onlyTheGoodPatchFound(r);
    }

    /** A new file whose only finding comes through a macro defined in the header it includes. */
    private Path includePatch(String name, String include) throws IOException {
        String c = """
                #include <linux/mm.h>
                #include "%s"

                static int grab_mapping(unsigned long addr)
                {
                	struct page *page;
                	struct address_space *mapping;

                	if (get_user_pages_fast(addr, 1, FOLL_WRITE, &page) != 1)
                		return -EFAULT;
                	mapping = MAPPING_OF(page);
                	put_page(page);
                	return mapping != NULL;
                }
                """.formatted(include);
        List<String> ls = c.lines().toList();
        StringBuilder d = new StringBuilder("diff --git a/mm/inc.c b/mm/inc.c\nnew file mode 100644\n--- /dev/null\n+++ b/mm/inc.c\n@@ -0,0 +1,"
                + ls.size() + " @@\n");
        for (String l : ls) d.append('+').append(l).append('\n');
        return mail(name, "[PATCH] hostile: " + name, d.toString());
    }

    private static final String MACRO = "#define MAPPING_OF(p) ((p)->mapping)\n";

    @Test void includeLeadingOutOfTheTreeIsNotRead() throws IOException {
        Files.writeString(outside.resolve("evil.h"), MACRO);
        Files.writeString(tree.resolve("mm/good.h"), MACRO);
        // the control: the same header inside the tree is read, and its macro gives the finding
        Result in = review(includePatch("inside-include.patch", "good.h"));
        assertTrue(in.err().contains("reviewed: 2 introduced,"), in.err());
        assertTrue(in.out().contains("mm/inc.c"), in.out());
        for (String inc : List.of("../../outside/evil.h", outside.resolve("evil.h").toString())) {
            Result r = review(includePatch("include.patch", inc));
            onlyTheGoodPatchFound(r);
            assertFalse(r.out().contains("grab_mapping"), r.out());
        }
    }

    @Test void binaryHunksAreNamed() throws IOException {
        Path p = mail("binary.patch", "[PATCH] hostile: binary", """
                diff --git a/mm/page_info.c b/mm/page_info.c
                index 1111111..2222222 100644
                GIT binary patch
                literal 12
                TcmZQzKn4H5L<UCx0000000000

                literal 0
                HcmV?d00001

                diff --git a/mm/blob.o b/mm/blob.o
                new file mode 100644
                index 0000000..3333333
                Binary files /dev/null and b/mm/blob.o differ
                """);
        Result r = review(p);
        problem(r, "hostile: binary: mm/page_info.c", "binary diff, not reviewed");
        problem(r, "hostile: binary: mm/blob.o", "binary diff, not reviewed");
        onlyTheGoodPatchFound(r);
    }

    @Test void patchThatDoesNotApplyIsNamedAndTheSeriesGoesOn() throws IOException {
        Path p = mail("stale.patch", "[PATCH] hostile: stale", """
                diff --git a/mm/page_info.c b/mm/page_info.c
                --- a/mm/page_info.c
                +++ b/mm/page_info.c
                @@ -14,3 +14,3 @@ static int user_page_is_file_backed(unsigned long addr)
                 	if (ret != 1)
                -		return -ENOTHERE;
                +		return -EFAULT;
                 
                diff --git a/mm/missing.c b/mm/missing.c
                --- a/mm/missing.c
                +++ b/mm/missing.c
                @@ -1,1 +1,1 @@
                -int a;
                +int b;
                """);
        Result r = review(p);
        problem(r, "hostile: stale: mm/page_info.c: hunk @@ -14,3 +14,3 @@", "does not apply (context mismatch at line 14)");
        problem(r, "hostile: stale: mm/missing.c", "does not apply: no such file in the base tree");
        onlyTheGoodPatchFound(r);
    }

    @Test @Timeout(300) void fiftyMegabyteMbox() throws IOException {
        // a series in one 50 MB mbox: a patch adding a 50 MB "source file", then the good patch
        Path big = tmp.resolve("big.mbox");
        int lines = 50 * 1024 * 1024 / 64;
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: Mallory <m@example.org>\n"
                    + "Date: Tue, 5 Nov 2024 10:00:00 +0100\nSubject: [PATCH 1/2] hostile: huge file\n\nhuge\n---\n"
                    + "diff --git a/mm/huge.c b/mm/huge.c\nnew file mode 100644\n--- /dev/null\n+++ b/mm/huge.c\n@@ -0,0 +1," + lines + " @@\n");
            String l = "+static int filler_%08d = 0; /* ......................... */\n";
            for (int i = 0; i < lines; i++) w.write(String.format(l, i));
            w.write("-- \n2.39.5\n\n");
            String good = Files.readString(GoldenReviewTest.DIR.resolve(GOOD)).replace("[PATCH]", "[PATCH 2/2]");
            w.write(good);
        }
        assertTrue(Files.size(big) >= 50L * 1024 * 1024, "the mbox is 50 MB");
        treeBefore = FuzzGuard.Snapshot.of(tree);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = ReviewRun.run(new ReviewRun.Request(List.of(big), tree, "review", null, null, false, "t"), out, new PrintWriter(err, true));
        treeBefore.assertUnchanged();
        Result r = new Result(rc, out.toString(), err.toString());
        problem(r, "hostile: huge file: mm/huge.c", "patched file too large", "not reviewed");
        onlyTheGoodPatchFound(r);
    }

    /** A mail whose patch sits {@code depth} multipart levels deep. */
    private Path nested(String file, int depth) throws IOException {
        String good = Files.readString(GoldenReviewTest.DIR.resolve(GOOD));
        String patch = good.substring(good.indexOf("\n\n") + 2);
        StringBuilder sb = new StringBuilder("From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
                + "From: Mallory <m@example.org>\nDate: Tue, 5 Nov 2024 10:00:00 +0100\nSubject: [PATCH] hostile: nested " + depth
                + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 0; i < depth - 1; i++)
            sb.append("--b").append(i).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\n\n");
        sb.append("--b").append(depth - 1).append("\nContent-Type: text/plain; charset=utf-8\n\n").append(patch.replace("\n-- \n", "\n"));
        for (int i = depth - 1; i >= 0; i--) sb.append("\n--b").append(i).append("--\n");
        Path p = tmp.resolve(file);
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test @Timeout(120) void mimeBombIsRefusedAndTheSeriesGoesOn() throws IOException {
        Path bomb = nested("bomb.mbox", 20_000);
        StringWriter out = new StringWriter(), err = new StringWriter();
        treeBefore = FuzzGuard.Snapshot.of(tree);
        // the bomb alone: a clear line, nothing reviewed
        int rc = ReviewRun.run(new ReviewRun.Request(List.of(bomb), tree, "review", null, null, false, "t"), out, new PrintWriter(err, true));
        assertEquals(2, rc, err.toString());
        problem(new Result(rc, out.toString(), err.toString()), "bomb.mbox: [PATCH] hostile: nested 20000", "MIME structure too deep");
        // beside the good patch: the good patch is reviewed
        Result r = review(bomb);
        problem(r, "MIME structure too deep");
        onlyTheGoodPatchFound(r);
    }

    @Test void modestMimeNestingIsRead() throws IOException {
        // the negative case: a patch three multipart levels deep is an ordinary mail
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = ReviewRun.run(new ReviewRun.Request(List.of(nested("nested.mbox", 3)), tree, "review", null, null, false, "t"), out,
                new PrintWriter(err, true));
        assertEquals(1, rc, err.toString());
        assertTrue(err.toString().contains("reviewed: 1 introduced,"), err.toString());
    }
}
