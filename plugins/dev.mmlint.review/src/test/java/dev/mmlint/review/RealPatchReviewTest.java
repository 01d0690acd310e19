package dev.mmlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmlint.frontend.testing.KernelTestTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixed, pre-existing and introduced on real edits of Debian's 6.1 and 6.12 trees: each patch is
 * made here from the tree's own file (an exact edit, diffed like {@code git diff}), then reviewed
 * against the tree with its Debian config.
 */
class RealPatchReviewTest {
    @TempDir Path tmp;

    /**
     * 6.1 do_migrate_range(): PageTransHuge() and thp_nr_pages() given the head: check's MM004 on
     * PageTransHuge(page) is gone (thp_nr_pages(page) runs only where PageTransHuge(page) was true, so
     * check does not flag it).
     */
    @Test void headFixInDoMigrateRangeIsFixed() throws IOException {
        String r = review("6.1", "mm/memory_hotplug.c", List.<String[]>of(
                new String[] {"\t\t} else if (PageTransHuge(page))\n\t\t\tpfn = page_to_pfn(head) + thp_nr_pages(page) - 1;\n",
                        "\t\t} else if (PageTransHuge(head))\n\t\t\tpfn = page_to_pfn(head) + thp_nr_pages(head) - 1;\n"}));
        assertTrue(r.contains("1 patch, 1 file reviewed: 0 introduced, 0 pre-existing, 1 fixed"), r);
        assertTrue(r.contains("\"status\" : \"fixed\""), r);
        assertEquals(1, count(r, "requires a head page\""), r);
    }

    /**
     * Half of that fix: PageTransHuge(head) fixes the test, but the untouched thp_nr_pages(page) under it
     * is now reached by a page no test proved a head: one fixed, one introduced.
     */
    @Test void halfTheFixLeavesTheOtherPreExisting() throws IOException {
        String r = review("6.1", "mm/memory_hotplug.c", List.<String[]>of(
                new String[] {"\t\t} else if (PageTransHuge(page))\n", "\t\t} else if (PageTransHuge(head))\n"}));
        assertTrue(r.contains("1 introduced, 0 pre-existing, 1 fixed"), r);
        assertTrue(r.contains("\"status\" : \"introduced\",\n      \"rule\" : \"MM004\""), r);
    }

    /**
     * A real new bug beside a harmless edit in one patch: the hugetlb branch now sizes the page with
     * thp_nr_pages(page), a tail (introduced); thp_nr_pages(head) in the THP branch changes nothing check
     * reports; the untouched PageTransHuge(page) stays pre-existing.
     */
    @Test void newBugBesideAHarmlessEdit() throws IOException {
        String r = review("6.1", "mm/memory_hotplug.c", List.<String[]>of(
                new String[] {"\t\t\tpfn = page_to_pfn(head) + compound_nr(head) - 1;\n", "\t\t\tpfn = page_to_pfn(head) + thp_nr_pages(page) - 1;\n"},
                new String[] {"\t\t\tpfn = page_to_pfn(head) + thp_nr_pages(page) - 1;\n\n", "\t\t\tpfn = page_to_pfn(head) + thp_nr_pages(head) - 1;\n\n"}));
        assertTrue(r.contains("1 introduced, 1 pre-existing, 0 fixed"), r);
    }

    /**
     * 6.12 vmalloc_to_page(): the PUD offset moved into a named local, same arithmetic: that MM001 is
     * pre-existing, like the untouched P4D one beside it.
     */
    @Test void offsetMovedIntoALocalIsPreExisting() throws IOException {
        String r = review("6.12", "mm/vmalloc.c", List.<String[]>of(new String[] {
                "\tif (pud_leaf(*pud))\n\t\treturn pud_page(*pud) + ((addr & ~PUD_MASK) >> PAGE_SHIFT);\n",
                "\tif (pud_leaf(*pud)) {\n\t\tunsigned long off = (addr & ~PUD_MASK) >> PAGE_SHIFT;\n\n\t\treturn pud_page(*pud) + off;\n\t}\n"}));
        assertTrue(r.contains("0 introduced, 2 pre-existing, 0 fixed"), r);
        assertTrue(r.contains("\"status\" : \"pre-existing\",\n      \"rule\" : \"MM001\""), r);
    }

    /**
     * 6.12 gup_fast_pte_range(): the pmd/pte re-check after try_grab_folio_fast() dropped (the bug of the GUP-fast
     * thread the project started from, on today's code): the page stored is one of the folio the speculative
     * reference pins only once the entry is found unchanged: MM003 introduced, nothing else.
     */
    @Test void droppedGupFastRecheckIsIntroduced() throws IOException {
        String r = review("6.12", "mm/gup.c", List.<String[]>of(new String[] {
                "\t\tif (unlikely(pmd_val(pmd) != pmd_val(*pmdp)) ||\n\t\t    unlikely(pte_val(pte) != pte_val(ptep_get(ptep)))) {\n"
                        + "\t\t\tgup_put_folio(folio, 1, flags);\n\t\t\tgoto pte_unmap;\n\t\t}\n\n", ""}));
        assertTrue(r.contains("1 patch, 1 file reviewed: 1 introduced, 0 pre-existing, 0 fixed"), r);
        assertTrue(r.contains("\"status\" : \"introduced\",\n      \"rule\" : \"MM003\""), r);
        assertTrue(r.contains("stored (as its page 'page')"), r);
    }

    /**
     * 6.12 record_subpages(): nth_page(start_page, nr) turned into start_page + nr (the bug of the subpage-recording
     * thread the project started from, on today's code). start_page lies in the leaf its callers hand over, one of
     * them gup_fast_pud_leaf() with PUD_SIZE: MM001 introduced; the nth_page() before it is no finding.
     */
    @Test void recordSubpagesStepsAPudLeafIsIntroduced() throws IOException {
        String r = review("6.12", "mm/gup.c", List.<String[]>of(new String[] {
                "\t\tpages[nr] = nth_page(start_page, nr);\n", "\t\tpages[nr] = start_page + nr;\n"}));
        assertTrue(r.contains("1 patch, 1 file reviewed: 1 introduced, 0 pre-existing, 0 fixed"), r);
        assertTrue(r.contains("\"status\" : \"introduced\",\n      \"rule\" : \"MM001\""), r);
        assertTrue(r.contains("'start_page + nr'"), r);
    }

    /**
     * The same edit of 6.1's record_subpages(), whose callers find the first subpage themselves
     * (page = nth_page(pud_page(orig), (addr & ~PUD_MASK) >> PAGE_SHIFT) in gup_huge_pud()): the page handed
     * over lies in the PUD leaf, so page + nr in the helper is introduced MM001.
     */
    @Test void recordSubpagesOf61StepsAPudLeafIsIntroduced() throws IOException {
        String r = review("6.1", "mm/gup.c", List.<String[]>of(new String[] {
                "\t\tpages[nr] = nth_page(page, nr);\n", "\t\tpages[nr] = page + nr;\n"}));
        assertTrue(r.contains("1 patch, 1 file reviewed: 1 introduced, 0 pre-existing, 0 fixed"), r);
        assertTrue(r.contains("\"status\" : \"introduced\",\n      \"rule\" : \"MM001\""), r);
        assertTrue(r.contains("'page + nr'"), r);
    }

    /**
     * 6.12 process_vm_rw_single_vec(): the pages pin_user_pages_remote() pinned released with a put_page() loop
     * instead of unpin_user_pages_dirty_lock(): MM007 introduced.
     */
    @Test void pinnedPagesPutInsteadOfUnpinnedIsIntroduced() throws IOException {
        String r = review("6.12", "mm/process_vm_access.c", List.<String[]>of(new String[] {
                "\t\tunpin_user_pages_dirty_lock(process_pages, pinned_pages,\n\t\t\t\t\t    vm_write);\n",
                "\t\twhile (pinned_pages--)\n\t\t\tput_page(process_pages[pinned_pages]);\n"}));
        assertTrue(r.contains("1 patch, 1 file reviewed: 1 introduced, 0 pre-existing, 0 fixed"), r);
        assertTrue(r.contains("\"status\" : \"introduced\",\n      \"rule\" : \"MM007\""), r);
    }

    /** 6.12 mm/gup.c: a comment added above record_subpages(): nothing to say. */
    @Test void aCommentIsNothing() throws IOException {
        String r = review("6.12", "mm/gup.c", List.<String[]>of(new String[] {
                "#ifdef CONFIG_HAVE_GUP_FAST\nstatic int record_subpages(",
                "#ifdef CONFIG_HAVE_GUP_FAST\n/* Record the subpages of a leaf from addr to end. */\nstatic int record_subpages("}));
        assertTrue(r.contains("1 patch, 1 file reviewed: 0 introduced, 0 pre-existing, 0 fixed"), r);
    }

    /** Applies the edits (each text once in the file) to the tree's file, reviews the diff; JSON and the summary. */
    private String review(String version, String path, List<String[]> edits) throws IOException {
        Path tree = KernelTestTrees.tree(version);
        Path config = KernelTestTrees.debianConfig(version);
        String before = Files.readString(tree.resolve(path), StandardCharsets.UTF_8), after = before;
        for (String[] e : edits) {
            assertEquals(1, count(after, e[0]), "edit applies once in " + path + ": " + e[0]);
            after = after.replace(e[0], e[1]);
        }
        Path patch = tmp.resolve("edit.patch");
        Files.writeString(patch, diff(path, before, after), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = ReviewRun.run(new ReviewRun.Request(List.of(patch), tree, "json", null, config, true, "test"), out, new PrintWriter(err, true));
        return out + "--- stderr\n" + err + "--- exit " + rc + "\n";
    }

    /** A unified diff of one file, as {@code git diff} writes it. */
    static String diff(String path, String before, String after) throws IOException {
        RawText a = new RawText(before.getBytes(StandardCharsets.UTF_8)), b = new RawText(after.getBytes(StandardCharsets.UTF_8));
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM).diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (DiffFormatter f = new DiffFormatter(o)) {
            f.setContext(3);
            f.format(edits, a, b);
        }
        return "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path + "\n" + o.toString(StandardCharsets.UTF_8);
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
