package dev.mmlint.engine.check;

import dev.mmlint.engine.api.TextEdit;
import dev.mmlint.engine.flow.ArrayHold;
import dev.mmlint.engine.flow.Bound;
import dev.mmlint.engine.flow.PageValue;
import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.List;

/**
 * A fact the dataflow established at one program point, for checks to judge. Every event carries
 * the exact position (offset into the analysed file's text) and the abstract values involved.
 */
public sealed interface Event {
    int offset();
    int length();

    /** {@code base->field} on a page-like value. */
    record FieldAccess(int offset, int length, String base, PageValue value, String field, AppliedClause headOnly, boolean write)
            implements Event {}

    /** A page-like argument passed to a function that requires a head. */
    record HeadRequired(int offset, int length, String callee, int argIndex, String argText, PageValue value, AppliedClause clause,
                        String because) implements Event {}

    /**
     * A speculative reference attempted on a value ({@code var}, when the argument is a variable), with
     * what its outcome paths do: {@code failure} says where a failed get ends other than as a skip (a value
     * returned that the function returns for no page it does not fail on), {@code headUse} the first use of
     * the page as a head after the get succeeded and before anything re-checked what the page is; null
     * when there is none.
     */
    record SpeculativeGet(int offset, int length, String callee, String argText, String var, PageValue value, AppliedClause clause,
                          String failure, String headUse) implements Event {
        public SpeculativeGet outcome(String f, String use) {
            return new SpeculativeGet(offset, length, callee, argText, var, value, clause, f, use);
        }
    }

    /**
     * Page {@code var} handed to {@code callee}, which asserts it is a hugetlb page, where no hugetlb test found
     * it true on every path reaching the call.
     */
    record HugetlbRequired(int offset, int length, String callee, String argText, String var, AppliedClause clause) implements Event {}

    /**
     * A speculative reference taken by {@code callee} on {@code var}, a page a hugetlb test at {@code testLine}
     * found true on a path reaching the get, with no test of its state in the hugetlb allocator since.
     */
    record HugetlbSpeculative(int offset, int length, String callee, String argText, String var, int testLine, AppliedClause clause)
            implements Event {}

    /**
     * Page {@code var} used ({@code how}) after a split of the compound page it was part of ({@code api} on
     * {@code head}, its head, at {@code splitLine}) succeeded: the reference held on the head stayed on the
     * head, and nothing has taken one on {@code var} since.
     */
    record SplitAway(int offset, int length, String var, String head, String api, int splitLine, String how, AppliedClause clause)
            implements Event {}

    /**
     * A value holding an unvalidated speculative reference used as if it were stable ({@code how}, at
     * {@code useOffset}): raised at the get that took the reference ({@code offset}), where the re-check
     * belongs, once per get; at the use where the get is not in this text.
     */
    record SpeculativeUse(int offset, int length, int useOffset, String var, PageValue value, String how, AppliedClause clause)
            implements Event {}

    /**
     * An entry re-check at [offset, offset+length) validated the speculative reference held in {@code var},
     * whose entry was read through a page table mapped from {@code pmd}, a copy of the pmd entry, and the
     * function returns (at {@code exitLine}) with that copy never re-checked on the way.
     */
    record TableNotRechecked(int offset, int length, String var, PageValue value, String pmd, int exitLine, AppliedClause clause)
            implements Event {}

    /**
     * Pointer arithmetic on a struct page pointer: {@code form} is page++, page + i, &page[i] …;
     * {@code bound} is how far the offset may range (null: unknown); {@code fix} rewrites it with nth_page.
     */
    /**
     * @param array null for the memmap (struct page pointers); otherwise the function that steps the pointer
     *              through an array allocated per memory section with or without VMEMMAP ({@code page_ext_next})
     * @param unrelated a difference {@code p - q} of two page pointers nothing relates (one looked up afresh):
     *              no pfn distance across sections, whatever extent either has
     */
    record PointerArith(int offset, int length, String base, String form, Bound bound, TextEdit fix, String array, boolean unrelated)
            implements Event {
        public PointerArith(int offset, int length, String base, String form, Bound bound, TextEdit fix, String array) {
            this(offset, length, base, form, bound, fix, array, false);
        }

        public PointerArith(int offset, int length, String base, String form, Bound bound, TextEdit fix) {
            this(offset, length, base, form, bound, fix, null);
        }
    }

    /** A mapcount/refcount compared with a small constant (an exclusivity test). */
    /**
     * A mapcount/refcount comparison whose "exclusive" outcome leads to {@code decision} (an API the model
     * says acts on exclusivity, at {@code decisionLine}), or whose outcome the function returns
     * ({@code decision} "returned").
     */
    /** @param verdict the test is the callee's own verdict (reuse_swap_page()), not a count compared here */
    record MapcountTest(int offset, int length, String api, String var, PageValue value, AppliedClause clause, String comparison,
                        String decision, int decisionLine, boolean verdict)
            implements Event {
        public MapcountTest(int offset, int length, String api, String var, PageValue value, AppliedClause clause, String comparison,
                            String decision, int decisionLine) {
            this(offset, length, api, var, value, clause, comparison, decision, decisionLine, false);
        }

        public MapcountTest at(String d, int line) {
            return new MapcountTest(offset, length, api, var, value, clause, comparison, d, line, verdict);
        }
    }

    /**
     * {@code comparison}, at [offset, offset+length), compares the reference count of {@code var} (by
     * {@code refApi}) with a count of the mappings of that one page ({@code mapApi}, which the model says
     * leaves out the other subpages' mappings: {@code clause}), to infer references held beyond the mappings.
     */
    record RefcountVsMapcount(int offset, int length, String var, PageValue value, String refApi, String mapApi, AppliedClause clause,
                              String comparison) implements Event {}

    /** Pages of a GUP array released (or one released page of it). */
    record Release(int offset, int length, String api, String array, ArrayHold hold, boolean unpin, AppliedClause clause) implements Event {}

    /**
     * {@code count}, which counts the pages GUP filled in {@code array}, is returned after those pages were
     * released on this path, by a function that returns them held on another path: its caller takes the
     * count for references it holds and releases them again.
     */
    record ReturnsReleased(int offset, int length, String array, String count, ArrayHold hold, int releaseLine) implements Event {}

    /**
     * {@code api} takes a plain reference on the page this function hands back through {@code out} (a
     * {@code struct page **} parameter), while its flags parameter {@code flags}, tested against FOLL_* bits in
     * its body, may carry FOLL_PIN on this path: a caller that asked for a pin will unpin a page never pinned.
     */
    record RefNotAsFlagsSay(int offset, int length, String api, String out, String flags, int line, AppliedClause clause) implements Event {}

    /**
     * {@code api} releases an entry of {@code array} in a walk bounded by {@code asked}, the number of pages
     * the GUP call asked for, on a path that never learned it took that many (a short GUP leaves the rest of
     * the array without references). {@code errnoIn}: the unsigned variable holding the count, where the
     * call's negative errno may still be on this path (it passed the short-count test as a huge number), or null.
     * {@code stale}: entries of the array were released earlier and left in it before GUP filled it again, so
     * past its count they hold released pages (a test of each entry against NULL does not skip them).
     */
    record ReleasesAsked(int offset, int length, String api, String array, String asked, ArrayHold hold, boolean unpin,
                         AppliedClause clause, String errnoIn, boolean stale) implements Event {
        public ReleasesAsked(int offset, int length, String api, String array, String asked, ArrayHold hold, boolean unpin, AppliedClause clause) {
            this(offset, length, api, array, asked, hold, unpin, clause, null, false);
        }
    }

    /**
     * {@code ERR_PTR(count)} returned where {@code count}, the number of pages GUP took into {@code array}, may
     * be zero or positive on this path: the caller's IS_ERR() is false and it takes the pointer for a valid one.
     */
    record ErrPtrCount(int offset, int length, String count, String array, ArrayHold hold) implements Event {}

    /**
     * {@code api} releases the entries of {@code array} up to {@code count}, its unsigned count parameter
     * {@code param} (walked at {@code releaseLine} of a function of the unit, 0 for a model API; -1: a release
     * in this function's own walk, {@code param} the walk's test that compares {@code count} unsigned), where
     * {@code count}, the number of pages GUP took into {@code array}, may still be a negative errno: the
     * conversion makes it a huge count and the release walks entries GUP never filled.
     */
    record NegativeCount(int offset, int length, String api, String array, String count, ArrayHold hold, String param, int releaseLine)
            implements Event {}

    /** References of a local GUP array still held when the function returns. */
    record Leak(int offset, int length, String array, ArrayHold hold) implements Event {}

    /**
     * {@code api} takes a reference on page variable {@code var} whose only keeper is a store into the
     * output array parameter {@code array} under a test that it is not NULL ({@code if (pages) pages[i] =
     * page;}, line {@code storeLine}): where the caller passes no array the reference is never dropped.
     */
    record RefForOptionalArray(int offset, int length, String api, String var, String array, int storeLine, AppliedClause clause)
            implements Event {}

    /**
     * A function the model knows as a GUP call ({@code api}: pages[] filled with references or pins, the
     * count taken returned) returns {@code value} ({@code returned}, a negative constant: none taken) on a
     * path on which it stored pages into its output array {@code array} (first at {@code fillLine}).
     */
    record ErrorAfterFill(int offset, int length, String array, String returned, long value, String api, boolean pinned, int fillLine,
                          AppliedClause clause) implements Event {}

    /** A compound page's refcount made visible ({@code kind}: before prepare, or set without freezing). */
    record Publish(int offset, int length, String api, String var, PageValue value, AppliedClause clause, String kind, int otherLine)
            implements Event {}

    /** A call that the model knows (or a summary describes), for checks that want every call. */
    record Call(int offset, int length, String callee, ApiEffect effect, List<PageValue> args) implements Event {}
}
