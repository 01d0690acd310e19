package dev.mmlint.review.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mmlint.frontend.testing.FuzzGuard;
import dev.mmlint.review.Diff;
import dev.mmlint.review.MailReader;
import dev.mmlint.review.PatchMail;

/**
 * Review's readers on arbitrary bytes: the diff / format-patch reader and the mbox / MIME reader.
 * Bad input is a problem line (per file, per hunk, per mail), never an exception.
 */
class ReviewInputFuzzTest {
    private static final int MAX = 256 * 1024;

    @FuzzTest
    void diffReader(byte[] data) {
        String text = FuzzGuard.text(FuzzGuard.cap(data, MAX));
        FuzzGuard.run(() -> {
            Diff d = Diff.parse(text);
            d.problems().forEach(FuzzGuard::assertClear);
            for (Diff.FileDiff f : d.files()) {
                if (f.problem() != null) FuzzGuard.assertClear(f.problem());
                else if (f.path() == null) throw new AssertionError("a file diff without a path and without a problem");
                for (Diff.Hunk h : f.hunks()) {
                    if (h.problem() != null) FuzzGuard.assertClear(h.problem());
                    h.oldImage();
                    h.newImage();
                    h.atHeader();
                }
            }
        });
    }

    @FuzzTest
    void mboxReader(byte[] data) {
        byte[] bytes = FuzzGuard.cap(data, MAX);
        FuzzGuard.run(() -> {
            MailReader.Read r = MailReader.read("fuzz.mbox", bytes);
            r.problems().forEach(p -> {
                FuzzGuard.assertClear(p);
                if (!p.startsWith("fuzz.mbox")) throw new AssertionError("problem does not name the input: " + p);
            });
            for (PatchMail m : r.mails()) {
                if (m.body() == null) throw new AssertionError("mail without a body: " + m.name());
                m.name();
                m.attribution();
                Diff.parse(m.body());
            }
        });
    }
}
