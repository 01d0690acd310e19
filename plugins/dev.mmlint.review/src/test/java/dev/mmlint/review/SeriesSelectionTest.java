package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which mails of a thread are reviewed: the latest version's patches, no replies, no cover letters. */
class SeriesSelectionTest {
    static PatchMail mail(String source, String subject) { return PatchMail.of(source, subject, "A <a@b>", "d", ""); }

    @Test void versionsFromTheSubjectTag() {
        assertEquals(1, SeriesSelection.version(mail("t", "[PATCH 2/5] mm: x")));
        assertEquals(3, SeriesSelection.version(mail("t", "[RFC PATCH v3 2/5] mm: x")));
        assertEquals(10, SeriesSelection.version(mail("t", "[PATCH v10] mm: x")));
        assertEquals(2, SeriesSelection.version(mail("t", "[PATCH mm-unstable v2 1/3] mm: x")));
        assertEquals(1, SeriesSelection.version(mail("t", "[PATCH 1/3] mm: drop v2 of the helper")), "vN outside the tag is not a version");
        assertEquals(1, SeriesSelection.version(mail("t", null)));
    }

    @Test void replies() {
        assertTrue(SeriesSelection.isReply(mail("t", "Re: [PATCH 1/2] mm: x")));
        assertTrue(SeriesSelection.isReply(mail("t", "RE: [PATCH v2 1/2] mm: x")));
        assertTrue(SeriesSelection.isReply(mail("t", "AW: [PATCH] mm: x")));
        assertFalse(SeriesSelection.isReply(mail("t", "[PATCH] mm: rework readahead")));
        assertFalse(SeriesSelection.isReply(mail("t", null)));
    }

    @Test void latestVersionPerInputFile() {
        List<PatchMail> in = List.of(mail("a.mbox", "[PATCH 0/2] s"), mail("a.mbox", "[PATCH 1/2] one"), mail("a.mbox", "[PATCH 2/2] two"),
                mail("a.mbox", "Re: [PATCH 1/2] one"), mail("a.mbox", "[PATCH v2 0/2] s"), mail("a.mbox", "[PATCH v2 1/2] one"),
                mail("a.mbox", "[PATCH v2 2/2] two"), mail("b.patch", "[PATCH] other file"));
        SeriesSelection s = SeriesSelection.of(in);
        assertEquals(List.of("[PATCH v2 1/2] one", "[PATCH v2 2/2] two", "[PATCH] other file"), s.patches().stream().map(PatchMail::subject).toList());
        assertEquals("[PATCH v2 0/2] s", s.cover());
        assertEquals(List.of("a.mbox: reviewed v2, 2 patches (1/2, 2/2); skipped 2 patches of an earlier version, 1 reply, 2 cover letters"), s.notes());
    }

    @Test void aSingleVersionSaysNothing() {
        SeriesSelection s = SeriesSelection.of(List.of(mail("a", "[PATCH 0/1] s"), mail("a", "[PATCH 1/1] one")));
        assertEquals(1, s.patches().size());
        assertTrue(s.notes().isEmpty());
        assertNull(SeriesSelection.of(List.of(mail("a", "[PATCH] one"))).cover());
    }
}
