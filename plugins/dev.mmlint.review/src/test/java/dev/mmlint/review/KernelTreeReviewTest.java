package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end on a real tree: a small patch to mm/gup.c reviewed against Debian's linux-source-6.12,
 * applied in memory (the tree is not written), judged under 6.12's rules.
 */
class KernelTreeReviewTest {
    static Path locate() { return dev.mmlint.frontend.testing.KernelTestTrees.tree("6.12"); }

    @Test void gupPatchAgainstLinux612() throws IOException {
        Path tree = locate();
        FileTime gup = Files.getLastModifiedTime(tree.resolve("mm/gup.c")), mm = Files.getLastModifiedTime(tree.resolve("mm"));
        long entries;
        try (var s = Files.list(tree.resolve("mm"))) { entries = s.count(); }
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = ReviewRun.run(new ReviewRun.Request(List.of(GoldenReviewTest.DIR.resolve("e2e-gup-6.12.patch")), tree, "review",
                null, null, false, "test"), out, new PrintWriter(err, true));
        String reply = out.toString();
        assertEquals(1, rc, err.toString());
        assertTrue(err.toString().contains("1 patch, 1 file reviewed: 1 introduced"), err.toString());
        assertTrue(reply.contains("> +\tfile = page->mapping && !PageAnon(page);\n\nThis is MM002 (model clause fields.page-head-only"), reply);
        assertTrue(reply.startsWith("Re: [PATCH] mm/gup: add gup_user_page_is_file()\n\nOn Mon, 11 Nov 2024 12:00:00 +0000, Jane Doe"), reply);
        // nothing was written into the tree
        assertEquals(gup, Files.getLastModifiedTime(tree.resolve("mm/gup.c")));
        assertEquals(mm, Files.getLastModifiedTime(tree.resolve("mm")));
        try (var s = Files.list(tree.resolve("mm"))) { assertEquals(entries, s.count()); }
    }
}
