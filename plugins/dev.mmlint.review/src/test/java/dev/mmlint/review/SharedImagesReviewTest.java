package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.checks.Mmlint;
import dev.mmlint.engine.Engine;
import dev.mmlint.frontend.FrontendOptions;
import dev.mmlint.frontend.testing.KernelTestTrees;
import dev.mmlint.model.api.ReferenceModel;
import dev.mmlint.report.LintRun;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A series whose patches touch the same file: the post-image of one patch is the pre-image of the
 * next, analysed once when images are shared. The review is the same with and without sharing
 * (every finding, status and line), and sharing parses fewer images.
 */
class SharedImagesReviewTest {
    /**
     * Three patches to 6.1's mm/memory_hotplug.c, on a real tree: a comment, then the head fix of
     * do_migrate_range()'s PageTransHuge(page) (MM004 fixed), then a page_count() comment elsewhere;
     * and a fourth patch to another file (mm/secretmem.c), whose images are not shared with anything.
     */
    @Test void sameReviewWithAndWithoutSharing() throws IOException {
        Path tree = KernelTestTrees.tree("6.1");
        Path config = KernelTestTrees.debianConfig("6.1");
        String hp = Files.readString(tree.resolve("mm/memory_hotplug.c"), StandardCharsets.UTF_8);
        String sm = Files.readString(tree.resolve("mm/secretmem.c"), StandardCharsets.UTF_8);
        String hp1 = once(hp, "static int scan_movable_pages(", "/* scans for movable pages */\nstatic int scan_movable_pages(");
        String hp2 = once(hp1, "\t\t} else if (PageTransHuge(page))\n", "\t\t} else if (PageTransHuge(head))\n");
        String hp3 = once(hp2, "static int online_memory_block(", "/* onlines one block */\nstatic int online_memory_block(");
        String sm1 = once(sm, "static vm_fault_t secretmem_fault(", "/* a fault on secret memory */\nstatic vm_fault_t secretmem_fault(");
        List<PatchMail> series = new ArrayList<>();
        series.add(mail(1, "mm/memory_hotplug: comment", RealPatchReviewTest.diff("mm/memory_hotplug.c", hp, hp1)));
        series.add(mail(2, "mm/memory_hotplug: test the head", RealPatchReviewTest.diff("mm/memory_hotplug.c", hp1, hp2)));
        series.add(mail(3, "mm/secretmem: comment", RealPatchReviewTest.diff("mm/secretmem.c", sm, sm1)));
        series.add(mail(4, "mm/memory_hotplug: another comment", RealPatchReviewTest.diff("mm/memory_hotplug.c", hp2, hp3)));

        int[] shared = new int[3], separate = new int[3];
        String a = json(series, tree, config, true, shared), b = json(series, tree, config, false, separate);
        assertEquals(b, a);
        assertTrue(a.contains("\"status\" : \"fixed\""), a);
        // 4 patches, 4 post- and 4 pre-images; shared: hotplug's 4 versions and secretmem's 2
        assertArrayEquals(new int[] {8, 6}, new int[] {shared[0], shared[1]});
        assertArrayEquals(new int[] {8, 8}, new int[] {separate[0], separate[1]});
    }

    /**
     * The images run file by file, the file with the most work first, once the whole series is known;
     * or, as before, each as soon as its patch is applied: the same review. Five patches to three files
     * of 6.1 (memory_hotplug.c twice, then secretmem.c, then the largest, memory.c, last, then
     * memory_hotplug.c again), so that the order of the analyses differs from the order of the patches.
     */
    @Test void sameReviewWhateverTheOrderOfTheImages() throws IOException {
        Path tree = KernelTestTrees.tree("6.1");
        Path config = KernelTestTrees.debianConfig("6.1");
        String hp = Files.readString(tree.resolve("mm/memory_hotplug.c"), StandardCharsets.UTF_8);
        String sm = Files.readString(tree.resolve("mm/secretmem.c"), StandardCharsets.UTF_8);
        String me = Files.readString(tree.resolve("mm/memory.c"), StandardCharsets.UTF_8);
        String hp1 = once(hp, "static int scan_movable_pages(", "/* scans for movable pages */\nstatic int scan_movable_pages(");
        String hp2 = once(hp1, "\t\t} else if (PageTransHuge(page))\n", "\t\t} else if (PageTransHuge(head))\n");
        String hp3 = once(hp2, "static int online_memory_block(", "/* onlines one block */\nstatic int online_memory_block(");
        String sm1 = once(sm, "static vm_fault_t secretmem_fault(", "/* a fault on secret memory */\nstatic vm_fault_t secretmem_fault(");
        String me1 = once(me, "static vm_fault_t do_anonymous_page(", "/* an anonymous fault */\nstatic vm_fault_t do_anonymous_page(");
        List<PatchMail> series = new ArrayList<>();
        series.add(mail(1, "mm/memory_hotplug: comment", RealPatchReviewTest.diff("mm/memory_hotplug.c", hp, hp1)));
        series.add(mail(2, "mm/memory_hotplug: test the head", RealPatchReviewTest.diff("mm/memory_hotplug.c", hp1, hp2)));
        series.add(mail(3, "mm/secretmem: comment", RealPatchReviewTest.diff("mm/secretmem.c", sm, sm1)));
        series.add(mail(4, "mm/memory: comment", RealPatchReviewTest.diff("mm/memory.c", me, me1)));
        series.add(mail(5, "mm/memory_hotplug: another comment", RealPatchReviewTest.diff("mm/memory_hotplug.c", hp2, hp3)));
        boolean was = ImageAnalyses.largestFirst;
        String largestFirst, asApplied;
        int[] a = new int[3], b = new int[3];
        try {
            ImageAnalyses.largestFirst = true;
            largestFirst = json(series, tree, config, true, a);
            ImageAnalyses.largestFirst = false;
            asApplied = json(series, tree, config, true, b);
        } finally {
            ImageAnalyses.largestFirst = was;
        }
        assertEquals(asApplied, largestFirst);
        assertTrue(largestFirst.contains("\"status\" : \"fixed\""), largestFirst);
        assertArrayEquals(new int[] {10, 8}, new int[] {a[0], a[1]});
        assertArrayEquals(new int[] {10, 8}, new int[] {b[0], b[1]});
    }

    private static String json(List<PatchMail> series, Path tree, Path config, boolean share, int[] stats) throws IOException {
        ReferenceModel model = Mmlint.shippedModel();
        Engine engine = Mmlint.engine(Engine.Options.defaults(), model);
        FrontendOptions fo = FrontendOptions.defaults().withConfig(config);
        Review r = Reviewer.review(series, List.of(), new Reviewer.Options(tree, fo, engine, LintRun.clauseTable(model), share), stats);
        StringWriter w = new StringWriter();
        ReviewJson.write(r, "test", w);
        return w.toString();
    }

    private static PatchMail mail(int n, String subject, String diff) {
        return PatchMail.of("series.mbox", "[PATCH " + n + "/4] " + subject, "Jane Doe <jane@example.org>", "Mon, 11 Nov 2024 12:00:00 +0000",
                "A change.\n\nSigned-off-by: Jane Doe <jane@example.org>\n---\n" + diff);
    }

    private static String once(String text, String what, String with) {
        int i = text.indexOf(what);
        assertTrue(i >= 0 && text.indexOf(what, i + 1) < 0, "once in the file: " + what);
        return text.substring(0, i) + with + text.substring(i + what.length());
    }
}
