package dev.mmlint.model.sim;

import dev.mmlint.model.api.ValidationKind;

/**
 * One abstract kernel API operation of a witness. Variables name struct page pointers (and, for
 * {@link Gup}, arrays whose elements are {@code name[i]}). Operations that stand for a specific kernel
 * function carry its name in {@code fn}, so a violation cites the model clause of that function in
 * the analysed tree. {@link #text()} renders the op in the form {@link OpParser} reads.
 */
public sealed interface Op {

    String text();

    // ------------------------------------------------------------ allocation and lookup

    /** Buddy allocation of a prepared compound page (order 0: a plain page); the actor holds one reference. */
    record Alloc(String var, int order) implements Op {
        public String text() { return "alloc(" + var + ", " + order + ")"; }
    }

    /** Buddy pages taken but not yet published: refcount 0, compound metadata not set up (prep_new_page before post_alloc_hook). */
    record AllocUnprepared(String var, int order) implements Op {
        public String text() { return "alloc_unprepared(" + var + ", " + order + ")"; }
    }

    /** alloc_contig_pages()/memblock/CMA: 2^order order-0 pages, each with refcount 1 held by the actor, to be made a gigantic compound page. May cross memory sections. */
    record AllocGigantic(String var, int order) implements Op {
        public String text() { return "alloc_gigantic(" + var + ", " + order + ")"; }
    }

    /** var = the page at pfn(base) + offset, looked up through the pfn (pte_page, pfn_to_page, nth_page): never wrong, may be a tail. */
    record Bind(String var, String base, int offset) implements Op {
        public String text() { return "bind(" + var + ", " + base + ", " + offset + ")"; }
    }

    /** var = base + n by struct page pointer arithmetic (page + n, page++): wrong across a memory section where the memmap is not contiguous. */
    record PtrAdd(String var, String base, int n) implements Op {
        public String text() { return "ptr_add(" + var + ", " + base + ", " + n + ")"; }
    }

    /** var = compound_head(page) / &page_folio(page)->page, read now (the page may have been freed and reused meanwhile). */
    record CompoundHead(String var, String page) implements Op {
        public String text() { return "compound_head(" + var + ", " + page + ")"; }
    }

    // ------------------------------------------------------------ references and pins

    /** get_page()/folio_get(): a reference on the head; the caller must already know the page is live. */
    record Get(String page, String fn) implements Op {
        public String text() { return "get(" + page + OpParser.fnArg(fn, "get_page") + ")"; }
    }

    /** put_page()/folio_put(): drops one of the actor's references (or a speculative one). */
    record Put(String page, String fn) implements Op {
        public String text() { return "put(" + page + OpParser.fnArg(fn, "put_page") + ")"; }
    }

    /** get_page_unless_zero()/folio_try_get()/page_cache_get_speculative() on exactly this page. */
    record TryGetSpeculative(String page, String fn, boolean mustSucceed) implements Op {
        public String text() {
            return "try_get_speculative(" + page + OpParser.fnArg(fn, "get_page_unless_zero") + (mustSucceed ? "" : ", may_fail") + ")";
        }
    }

    /** The validation check after a speculative get (compound_head(page) == head, pte re-read, xas_reload): passes iff page still belongs to head's compound page and was not freed since it was looked up. */
    record Validate(String page, String head, ValidationKind kind) implements Op {
        public String text() { return "validate(" + page + ", " + head + (kind == null ? "" : ", " + kind.literal()) + ")"; }
    }

    /** pin_user_page-like FOLL_PIN pin of one page (the pin and one reference go to the head). */
    record Pin(String page, String fn) implements Op {
        public String text() { return "pin(" + page + OpParser.fnArg(fn, "pin_user_pages") + ")"; }
    }

    /** unpin_user_page(). */
    record Unpin(String page, String fn) implements Op {
        public String text() { return "unpin(" + page + OpParser.fnArg(fn, "unpin_user_page") + ")"; }
    }

    /** get_user_pages()/pin_user_pages() over the pages starting at {@code user}; returned {@code obtained} (<= 0: none taken); binds array[0..obtained). */
    record Gup(String array, String user, int requested, int obtained, boolean pin, String fn) implements Op {
        public String text() {
            return "gup(" + array + ", " + user + ", " + requested + ", " + obtained + ", " + (pin ? "pin" : "get")
                    + OpParser.fnArg(fn, pin ? "pin_user_pages" : "get_user_pages") + ")";
        }
    }

    /** unpin_user_pages(array, n) / release_pages(array, n) / a put_page loop over array[0..n). */
    record Release(String array, int n, boolean unpin, String fn) implements Op {
        public String text() {
            return "release(" + array + ", " + n + ", " + (unpin ? "unpin" : "put") + OpParser.fnArg(fn, unpin ? "unpin_user_pages" : "release_pages") + ")";
        }
    }

    // ------------------------------------------------------------ THP life cycle

    /** split_huge_page(): fails (no violation) while pins or references other than the splitter's are held. */
    record Split(String page) implements Op {
        public String text() { return "split(" + page + ")"; }
    }

    /** Everybody else lets go of the page (munmap, truncation, reclaim): mappings and foreign references drop; freed when nothing is left. */
    record Free(String page) implements Op {
        public String text() { return "free(" + page + ")"; }
    }

    /** Map the page with a PTE (one mapcount on the page, one reference on the head). */
    record Map(String page) implements Op {
        public String text() { return "map(" + page + ")"; }
    }

    /** Map the whole compound page with a PMD (entire mapcount, one reference). */
    record MapPmd(String page) implements Op {
        public String text() { return "map_pmd(" + page + ")"; }
    }

    record Unmap(String page) implements Op {
        public String text() { return "unmap(" + page + ")"; }
    }

    record UnmapPmd(String page) implements Op {
        public String text() { return "unmap_pmd(" + page + ")"; }
    }

    /** Reads page-&gt;field (struct page unless another struct is named). */
    record ReadField(String page, String struct, String field) implements Op {
        public String text() { return "read_field(" + page + ", " + field + ("page".equals(struct) ? "" : ", struct=" + struct) + ")"; }
    }

    /** Calls {@code fn} with the page as argument {@code arg}. */
    record CallHeadOnly(String page, String fn, int arg) implements Op {
        public String text() { return "call(" + page + ", " + fn + (arg == 0 ? "" : ", arg=" + arg) + ")"; }
    }

    /**
     * The path treats the page as exclusively its own (reuses it on a write fault, skips the COW copy)
     * because {@code fn} said so, e.g. page_mapcount(page) == 1 or PageAnonExclusive(page).
     */
    record AssumeExclusive(String page, String fn) implements Op {
        public String text() { return "assume_exclusive(" + page + OpParser.fnArg(fn, "page_mapcount") + ")"; }
    }

    // ------------------------------------------------------------ preparing and publishing

    /** prep_compound_page()/prep_compound_gigantic_page(): turns the range starting at page into a compound page. */
    record PrepCompound(String page, String fn) implements Op {
        public String text() { return "prep_compound(" + page + OpParser.fnArg(fn, "prep_compound_page") + ")"; }
    }

    /** page_ref_freeze(page, expected): refcount to 0 iff it equals expected (the actor's references are consumed). */
    record Freeze(String page, int expected, String fn) implements Op {
        public String text() { return "freeze(" + page + ", " + expected + OpParser.fnArg(fn, "page_ref_freeze") + ")"; }
    }

    /** page_ref_unfreeze(page, count): publishes the refcount (the actor now holds count references). */
    record Unfreeze(String page, int count, String fn) implements Op {
        public String text() { return "unfreeze(" + page + ", " + count + OpParser.fnArg(fn, "page_ref_unfreeze") + ")"; }
    }

    /** set_page_refcounted(): refcount 0 -> 1. */
    record SetRefcounted(String page, String fn) implements Op {
        public String text() { return "set_refcounted(" + page + OpParser.fnArg(fn, "set_page_refcounted") + ")"; }
    }

    /** set_page_count(page, n): overwrites the refcount. */
    record SetPageCount(String page, int n, String fn) implements Op {
        public String text() { return "set_page_count(" + page + ", " + n + OpParser.fnArg(fn, "set_page_count") + ")"; }
    }

    /** Makes the page reachable by others (LRU, page cache, rmap): folio_add_lru(), filemap_add_folio(), ... */
    record Publish(String page, String fn) implements Op {
        public String text() { return "publish(" + page + OpParser.fnArg(fn, "folio_add_lru") + ")"; }
    }

    // ------------------------------------------------------------ other contexts

    /** Another context takes a speculative reference on exactly this page (succeeds iff its refcount is non-zero). */
    record ExtGet(String page) implements Op {
        public String text() { return "ext_get(" + page + ")"; }
    }

    /** Another context allocates a compound page (order &lt;= max buddy order) and holds its reference: reuse of freed frames by someone else. */
    record ExtAlloc(String var, int order) implements Op {
        public String text() { return "ext_alloc(" + var + ", " + order + ")"; }
    }

    /** Another context drops one reference it took with ext_get or ext_alloc. */
    record ExtPut(String page) implements Op {
        public String text() { return "ext_put(" + page + ")"; }
    }
}
