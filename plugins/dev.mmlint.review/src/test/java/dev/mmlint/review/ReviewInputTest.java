package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading mail and diffs, applying hunks in memory, and the exit status on bad input. */
class ReviewInputTest {
    @TempDir Path tmp;

    @Test void mboxIsDecodedOrderedAndTheCoverLetterKept() throws Exception {
        MailReader.Read r = MailReader.read(GoldenReviewTest.DIR.resolve("05-series-qp.mbox"));
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.mails().size());
        assertTrue(r.mails().get(0).isCoverLetter());
        assertEquals(2, r.mails().get(1).number());
        PatchMail p1 = r.mails().get(2);
        assertEquals(1, p1.number());
        assertEquals(2, p1.total());
        assertEquals("Jane Doe <jane@example.org>", p1.author());
        assertTrue(p1.body().contains("+\tmapping = page->mapping;\n"), "quoted-printable decoded: " + p1.body());
        assertTrue(r.mails().get(1).body().contains("+\t/* the reference"), "=09 decoded to a tab");
    }

    /** {@code git format-patch --no-signature} files concatenated: no blank line before the next envelope. */
    @Test void gitEnvelopeStartsAMailWithoutABlankLineBefore() {
        String mail = "From %s Mon Sep 17 00:00:00 2001\nFrom: Jane Doe <jane@example.org>\nDate: Tue, 1 Sep 2009 00:00:00 +0000\n"
                + "Subject: [PATCH %d/2] mm: patch %d\n\nWhy.\n---\ndiff --git a/mm/x.c b/mm/x.c\n--- a/mm/x.c\n+++ b/mm/x.c\n"
                + "@@ -1,2 +1,2 @@\n int a;\n-int b;\n+int c;\n";
        String both = String.format(mail, "1".repeat(40), 1, 1) + String.format(mail, "2".repeat(40), 2, 2);
        MailReader.Read r = MailReader.read("series.mbox", both.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, r.mails().size(), r.mails()::toString);
        assertEquals(2, r.mails().get(1).number());
        assertTrue(r.mails().get(0).body().contains("+int c;") && !r.mails().get(0).body().contains("patch 2"), r.mails().get(0).body());
    }

    @Test void bareDiffHasNoAttribution() throws Exception {
        MailReader.Read r = MailReader.read(GoldenReviewTest.DIR.resolve("04-does-not-apply.diff"));
        PatchMail m = r.mails().get(0);
        assertNull(m.attribution());
        assertEquals("04-does-not-apply.diff", m.name());
        assertEquals(-1, m.number());
    }

    @Test void unsafePathsAreRefused() {
        assertTrue(Diff.safePath("mm/gup.c"));
        assertTrue(!Diff.safePath("/etc/passwd"));
        assertTrue(!Diff.safePath("mm/../../etc/passwd"));
        assertTrue(!Diff.safePath(".."));
    }

    @Test void hunksApplyWithAnOffsetAndFailOnAContextMismatch() {
        List<String> base = List.of("a", "b", "c", "d", "e", "f");
        Diff d = Diff.parse("--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n c\n-d\n+D\n e\n");
        Diff.Hunk h = d.files().get(0).hunks().get(0);
        assertNull(h.problem());
        var ok = Reviewer.apply(base, List.of(h));
        assertEquals(List.of("a", "b", "c", "D", "e", "f"), ok.after());
        Diff bad = Diff.parse("--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n c\n-X\n+D\n e\n");
        assertNotNull(Reviewer.apply(base, bad.files().get(0).hunks()).failed());
    }

    @Test void wrongHunkCountIsNamed() {
        Diff d = Diff.parse("--- a/x.c\n+++ b/x.c\n@@ -1,5 +1,5 @@\n c\n-d\n+D\n e\n");
        assertTrue(d.files().get(0).hunks().get(0).problem().contains("do not match its header"));
    }

    @Test void emptyMailAndNothingReviewedExitTwo() throws Exception {
        Path empty = tmp.resolve("empty.mbox");
        Files.writeString(empty, "From 0 Mon Sep 17 00:00:00 2001\nFrom: A <a@b>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nSubject: [PATCH] x\n\n");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = ReviewRun.run(new ReviewRun.Request(List.of(empty, GoldenReviewTest.DIR.resolve("04-does-not-apply.diff")),
                GoldenReviewTest.TREE, "review", null, null, false, "t"), out, new PrintWriter(err, true));
        assertEquals(0, rc, err.toString());   // the rest is still reviewed
        assertTrue(err.toString().contains("empty.mbox: [PATCH] x: empty mail"), err.toString());
        err = new StringWriter();
        rc = ReviewRun.run(new ReviewRun.Request(List.of(empty), GoldenReviewTest.TREE, "review", null, null, false, "t"),
                out, new PrintWriter(err, true));
        assertEquals(2, rc);
        assertTrue(err.toString().contains("nothing could be reviewed"), err.toString());
    }

    @Test void treeIsNeverWritten() throws Exception {
        long before;
        try (var s = Files.walk(GoldenReviewTest.TREE)) { before = s.mapToLong(p -> p.toFile().lastModified() + p.toString().hashCode()).sum(); }
        StringWriter out = new StringWriter(), err = new StringWriter();
        ReviewRun.run(new ReviewRun.Request(List.of(GoldenReviewTest.DIR.resolve("05-series-qp.mbox")), GoldenReviewTest.TREE, "review",
                null, null, false, "t"), out, new PrintWriter(err, true));
        long after;
        try (var s = Files.walk(GoldenReviewTest.TREE)) { after = s.mapToLong(p -> p.toFile().lastModified() + p.toString().hashCode()).sum(); }
        assertEquals(before, after);
    }

    @Test void sarifAndGithubUseTheReportFormattersOrSayTheyAreMissing() throws Exception {
        for (String f : List.of("sarif", "github")) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            int rc = ReviewRun.run(new ReviewRun.Request(List.of(GoldenReviewTest.DIR.resolve("01-tail-mapping.patch")), GoldenReviewTest.TREE,
                    f, null, null, false, "t"), out, new PrintWriter(err, true));
            if (ReviewRun.reportFormatter(f) == null) {
                assertEquals(2, rc);
                assertTrue(err.toString().contains("format '" + f + "' needs the report module's formatters"), err.toString());
            } else {
                assertEquals(1, rc, err.toString());
                assertTrue(out.toString().contains(f.equals("sarif") ? "\"new\"" : "file=mm/page_info.c,line=17"), out.toString());
            }
        }
    }
}
