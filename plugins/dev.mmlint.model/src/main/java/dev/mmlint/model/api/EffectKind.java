package dev.mmlint.model.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a function does to a page-like value at one site. Mirrors the EEnum EffectKind in mmlint.ecore;
 * {@link #literal()} is the DSL keyword. {@link #allowedSites()} says where each kind may appear.
 */
public enum EffectKind {
    /** the value may be a tail page (pte_page, pfn_to_page, page + n, GUP output arrays) */
    POSSIBLY_TAIL(Group.PAGE_KIND, EffectSite.RETURN, EffectSite.ARRAY),
    /** the value is a head page (or an order-0 page); on {@code p[]}: every page the call stores in the array is one */
    HEAD(Group.PAGE_KIND, EffectSite.RETURN, EffectSite.ARRAY),
    /** the value is a folio: a head by construction */
    FOLIO(Group.PAGE_KIND, EffectSite.RETURN),
    /** the parameter must be a head page */
    REQUIRES_HEAD(Group.HEADNESS, EffectSite.PARAM),
    /** the parameter may be a tail page: the function resolves the head itself */
    ACCEPTS_TAIL(Group.HEADNESS, EffectSite.PARAM),
    /** takes a reference on the head of the compound page (return: the value carries a new reference) */
    GETS_REF(Group.ACQUIRE, EffectSite.PARAM, EffectSite.ARRAY, EffectSite.RETURN),
    /** drops a reference on the head */
    PUTS_REF(Group.RELEASE, EffectSite.PARAM, EffectSite.ARRAY),
    /** takes a reference only if the caller already holds one; fails on overflow, not speculative */
    TRY_REF(Group.ACQUIRE, EffectSite.PARAM),
    /** takes a speculative reference that must be validated (see validatedBy) before the page is trusted */
    SPECULATIVE_REF(Group.ACQUIRE, EffectSite.PARAM),
    /** pins (FOLL_PIN): must be released with unpin_user_page*() */
    PINS(Group.ACQUIRE, EffectSite.PARAM, EffectSite.ARRAY),
    /** unpins */
    UNPINS(Group.RELEASE, EffectSite.PARAM, EffectSite.ARRAY),
    /** the returned count is no exclusivity proof on a large folio */
    NOT_EXCLUSIVITY_PROOF(Group.EXCLUSIVITY, EffectSite.RETURN),
    /** the returned flag proves exclusive ownership of an anonymous page */
    EXCLUSIVITY_PROOF(Group.EXCLUSIVITY, EffectSite.RETURN),
    /** prepares a compound page (order, head/tail links) */
    PREPARES(Group.PREP, EffectSite.PARAM),
    /** makes the page reachable by other contexts (LRU, page cache, rmap): only after it is prepared */
    PUBLISHES(Group.PREP, EffectSite.PARAM),
    /** freezes the refcount at zero if it has the expected value */
    FREEZES(Group.PREP, EffectSite.PARAM),
    /** sets the refcount of a frozen page: the safe way to make a frozen refcount visible again */
    UNFREEZES(Group.PREP, EffectSite.PARAM),
    /** overwrites the refcount: only safe on a frozen or never-published page */
    SETS_REFCOUNT(Group.PREP, EffectSite.PARAM),
    /** the returned page is computed through the pfn: safe across memory sections */
    CONTIGUITY_SAFE(Group.CONTIGUITY, EffectSite.RETURN),
    /** the returned page is computed by struct page pointer arithmetic: unsafe across memory sections */
    CONTIGUITY_UNSAFE(Group.CONTIGUITY, EffectSite.RETURN),
    /**
     * the value starts a pfn range of {@code count} pages that may exceed one MAX_ORDER block: returned
     * (cma_alloc()), stored in an output array, or handed in as a parameter: the function's contract is
     * that its callers pass the first page of such a range and its count, so inside its body (and in the
     * helpers it hands them to) the count ranges that far
     */
    UNBOUNDED_RANGE(Group.RANGE, EffectSite.RETURN, EffectSite.ARRAY, EffectSite.PARAM),
    /** the acquisition happened for the first (return value) pages; a value <= 0 means none taken */
    COUNT_TAKEN(Group.CONVENTION, EffectSite.RETURN),
    /** the acquisition happened iff the function returned true */
    TRUE_IF_TAKEN(Group.CONVENTION, EffectSite.RETURN),
    /** the acquisition happened iff the function returned non-NULL */
    NONNULL_IF_TAKEN(Group.CONVENTION, EffectSite.RETURN),
    /** the acquisition happened iff the function returned 0 */
    ZERO_IF_TAKEN(Group.CONVENTION, EffectSite.RETURN),
    /** the acquisition happened iff the function returned neither NULL nor an ERR_PTR */
    NOT_ERR_IF_TAKEN(Group.CONVENTION, EffectSite.RETURN),
    /** the returned truth value says whether the {@code of} page is a tail page (PageTail) */
    TESTS_TAIL(Group.PREDICATE, EffectSite.RETURN),
    /** the returned truth value says whether the {@code of} page is a head page (PageHead) */
    TESTS_HEAD(Group.PREDICATE, EffectSite.RETURN),
    /** the returned truth value says whether the {@code of} page is part of a compound page (PageCompound) */
    TESTS_COMPOUND(Group.PREDICATE, EffectSite.RETURN),
    /** the parameter is a condition the kernel asserts false (VM_BUG_ON_PAGE(cond, page) BUGs when it holds) */
    ASSERTS_FALSE(Group.PREDICATE, EffectSite.PARAM),
    /** the returned page is the n-th page of the compound page the caller passes and holds (folio_page, nth_page): iteration over it, not a lookup */
    SUBPAGE(Group.PREDICATE, EffectSite.RETURN),
    /** the call acts on the belief that the page is exclusively the caller's (reuse for a write, move its anon rmap): an exclusivity test must not be a mapcount */
    DECIDES_EXCLUSIVE(Group.DECISION, EffectSite.PARAM),
    /**
     * the call tests what a page the caller holds a reference on is now (on the LRU, movable, isolated):
     * after a speculative reference on a page found by pfn, code that asked no longer relies on what the
     * page looked like before the reference was taken
     */
    RECHECKS_PAGE(Group.PREDICATE, EffectSite.PARAM),
    /** the returned value is the pfn of the {@code of} page (page_to_pfn): a pfn handed on names that page */
    PFN(Group.PAGE_KIND, EffectSite.RETURN),
    /**
     * the returned page-table entry maps a hugetlb folio as a whole (huge_ptep_get): the page a lookup
     * finds through it (pte_page) is the folio's head, whose counts are the folio's
     */
    HUGE_ENTRY(Group.PAGE_KIND, EffectSite.RETURN),
    /**
     * the call initialises the struct page itself (memmap initialisation: boot, deferred, ZONE_DEVICE):
     * before it nothing can reach the page, so no reference is held on it, and after it the page is an
     * order-0 page until it is prepared as part of a compound page
     */
    INITIALISES(Group.PREP, EffectSite.PARAM),
    /**
     * the returned truth value is the callee's own exclusivity verdict (reuse_swap_page): true when it
     * judged the page exclusively the caller's; with {@code not_exclusivity_proof}, a verdict that is no
     * proof, so branching on it is an exclusivity test like a count compared with 1
     */
    EXCLUSIVE_IF_TRUE(Group.PREDICATE, EffectSite.RETURN),
    /**
     * where the call returned 0 (its success, in the kernel's 0-or-errno convention) the {@code of} page
     * is not a tail: the callee took a reference with get_page_unless_zero() or otherwise worked on it
     * as a head (isolate_movable_page() before it returned bool); a non-zero return says nothing
     */
    HEAD_IF_ZERO(Group.PREDICATE, EffectSite.RETURN),
    /**
     * the call frees the page parameter as one buddy block of the order its {@code count} parameter
     * names (__free_pages(page, order)): the page starts a naturally aligned block of 1 << order pages,
     * which never crosses a memory section, so page + i inside it is contiguous
     */
    FREES_BLOCK(Group.RANGE, EffectSite.PARAM),
    /**
     * the returned truth value says whether the {@code of} page lies in a hugetlb folio (PageHuge,
     * folio_test_hugetlb): where it is true the page lies in a folio that may be gigantic
     */
    TESTS_HUGETLB(Group.PREDICATE, EffectSite.RETURN),
    /**
     * the parameter is a page of a hugetlb folio (the callee works on hugetlb folios only): the caller's
     * page lies in a folio that may be gigantic
     */
    IN_HUGETLB_FOLIO(Group.RANGE, EffectSite.PARAM),
    /**
     * the returned pointer points into the page table that the {@code of} pmd entry points to
     * (pte_offset_map(&pmd, addr)): when that entry is a copy read without the page table lock, an entry
     * read through the pointer is only as current as the copy, and a speculative reference on a page it
     * maps is validated only when the copy is re-checked against the pmd as well (the table may have
     * been freed by a collapse while its entries still look unchanged)
     */
    PTE_TABLE(Group.PAGE_KIND, EffectSite.RETURN),
    /**
     * the call's value is at most this argument (each argument of min(), min3(), min_t(); the upper
     * limit of clamp()): as a count of pages it is bounded by one buddy block when any such argument
     * is, and may exceed one when no such argument is bounded and some argument may exceed
     */
    CAPS_RESULT(Group.RANGE, EffectSite.PARAM),
    /**
     * the call frees the memory the parameter points to (kfree(), kvfree(), free_page()): an array of
     * page pointers freed so is gone, but the references or pins its entries held are not released;
     * handing the array to such a call hands its pages to nobody
     */
    FREES_MEMORY(Group.RELEASE, EffectSite.PARAM),
    /**
     * the parameter is an order that callers may pass above MAX_ORDER (a gigantic hugetlb folio's, a
     * contiguous allocation's): inside the function {@code 1 << order} pages may exceed one buddy block
     * and cross a memory section, and so may the same order handed on to a helper
     */
    GIGANTIC_ORDER(Group.RANGE, EffectSite.PARAM),
    /**
     * the call frees, replaces or remaps the struct pages of the memmap range starting at this address
     * (HugeTLB vmemmap optimisation): a pfn walker that took a speculative reference on one of those
     * pages before they became part of the folio may still write its refcount through the old mapping,
     * so such walkers must have been waited for first (see {@link #WAITS_FOR_WALKERS})
     */
    REWRITES_MEMMAP(Group.PREP, EffectSite.PARAM),
    /**
     * the call returns only once every speculative pfn walker that was inside an RCU read-side section
     * (get_page_unless_zero() under rcu_read_lock()) has left it: synchronize_rcu()
     */
    WAITS_FOR_WALKERS(Group.PREP, EffectSite.RETURN),
    /**
     * the call makes the page a compound head (sets PG_head on it, __SetPageHead): from here a
     * speculative getter that holds a reference on it sees a compound page; the page is being prepared
     */
    MAKES_HEAD(Group.PREP, EffectSite.PARAM),
    /**
     * the function's contract says the pages it is handed through this parameter (the page, or the pfn
     * range starting at the pfn) are no tails of a compound page they do not start: order-0 pages (what
     * alloc_contig_range() hands out, memory given to the buddy allocator for the first time). Inside the
     * function's own body a page looked up from the parameter is not a tail; its callers keep the contract
     */
    NOT_TAIL_RANGE(Group.HEADNESS, EffectSite.PARAM),
    /**
     * where the call returned 0 the compound page the {@code of} page belongs to was split into order-0
     * pages (split_huge_page): the {@code of} page and every other page of it are order-0 pages now, and
     * the reference the caller held on the compound page stays on the {@code of} page alone, so another
     * page of it that the caller goes on to use is not held by that reference
     */
    SPLITS_IF_ZERO(Group.PREDICATE, EffectSite.RETURN),
    /**
     * the returned truth value says whether the {@code of} page is the head of a transparent huge page
     * (PageTransHuge): where it is true the page is a head; where it is false it is no THP head, so a page
     * it is the head of (compound_head(p)) is no THP tail
     */
    TESTS_THP(Group.PREDICATE, EffectSite.RETURN),
    /**
     * the returned truth value says whether the {@code of} page (its compound head) is on an LRU list
     * (PageLRU): only order-0 pages and transparent huge pages are, so where it is true a page known not to
     * lie in a THP is not a tail (hugetlb, slab and other compound pages are never on the LRU)
     */
    TESTS_LRU(Group.PREDICATE, EffectSite.RETURN),
    /**
     * the returned page is the page a huge entry maps at the entry's own address (pmd_page): where the
     * entry is a copy the analysed function was handed by value (a lockless walker's leaf handler), it may
     * be any of the contiguous entries that map one huge page, so the page may be a tail; read by the
     * function itself it is what the other effects of the function say (a head)
     */
    TAIL_IF_ENTRY_COPY(Group.PAGE_KIND, EffectSite.RETURN),
    /**
     * the returned page starts a range of order-0 pages each handed out with its own refcount and
     * reachable by pfn (alloc_contig_pages(), cma_alloc(), a gigantic hugetlb allocation): a pfn walker
     * may hold a speculative reference on any of them, so their refcounts may be overwritten only
     * frozen; a function of the unit the page is handed to inherits that (its callers' context)
     */
    REFCOUNTED_RANGE(Group.PREP, EffectSite.RETURN),
    /**
     * the returned page is the page of an address (virt_to_page): where the address is an untyped object
     * pointer the analysed function was handed (a {@code void *} parameter), the object may lie past the
     * first page of a multi-page slab or page allocation, a compound page, so the page may be a tail;
     * of an address the function computed itself (its own allocation, page_address()) nothing is said
     */
    TAIL_IF_OBJECT_PARAM(Group.PAGE_KIND, EffectSite.RETURN),
    /**
     * the returned memory is zero-filled (kcalloc(), kzalloc(), vzalloc()): an array of page pointers
     * allocated so holds NULL in every entry nothing stored into, so after a short get_user_pages*() or
     * pin_user_pages*() the entries past the count taken are NULL, and a release guarded by a non-NULL
     * test of the entry releases exactly the pages taken
     */
    ZERO_FILLED(Group.CONVENTION, EffectSite.RETURN),
    /**
     * the call walks into the lower-level page table the entry at this argument points to (pmd_offset(pud, a),
     * pte_offset_kernel(pmd, a), pmd_page_vaddr(pmd)): on the path past it the entry is a table, not a leaf,
     * and the page it points to (pud_page(), p4d_page(), pfn_to_page() of its pfn) is a page-table page,
     * an order-0 allocation, never a tail
     */
    WALKS_TABLE(Group.PREDICATE, EffectSite.PARAM),
    /**
     * the argument points into the page tables of the mm given as the {@code of} argument (set_pte_at(mm,
     * addr, ptep, pte)): where that mm is the kernel's own (init_mm), an entry read through the pointer maps
     * a page the kernel allocated for a mapping of its own (vmemmap, page tables, vmalloc): not a tail
     */
    MAPPED_BY(Group.PREDICATE, EffectSite.PARAM),
    /**
     * the call stores the page it is given in the entry the {@code of} parameter points to (sg_set_page()),
     * taking no reference of its own: from here the page is reached through that entry, as after a store
     * {@code sg->page = page}, and the entry's {@link #STORED_PAGE} getter reads it back
     */
    STORED_IN(Group.STORE, EffectSite.PARAM),
    /**
     * the returned page is the one stored in the entry the {@code of} parameter points to (sg_page()): a
     * release of it releases the page a {@link #STORED_IN} call stored there
     */
    STORED_PAGE(Group.STORE, EffectSite.RETURN),
    /**
     * tests the state of a hugetlb page in the hugetlb allocator (freed to the pool, in use and migratable,
     * active): a speculative reference taken on a page known to be a hugetlb page after such a test knows the
     * page was not one being allocated or freed (refcount.speculative-hugetlb-state)
     */
    CHECKS_HUGETLB_STATE(Group.PREDICATE, EffectSite.PARAM),
    /**
     * the function asserts that the page is a hugetlb page (VM_BUG_ON_PAGE(!PageHuge(page))): a caller
     * must hand it only a page a hugetlb test found true on the way; a page found without a reference may
     * have been freed to the buddy allocator since it was one
     */
    REQUIRES_HUGETLB(Group.HEADNESS, EffectSite.PARAM),
    /**
     * the returned value is the page's (its folio's) reference count: every mapping of every subpage, every
     * pin and cache reference is in it (page_count(), folio_ref_count())
     */
    REFCOUNT(Group.PREDICATE, EffectSite.RETURN),
    /**
     * the returned count counts the mappings of the one page it is given (and the mappings of its whole
     * compound page), not those of the other subpages: on a PTE-mapped THP it is less than the references
     * those mappings hold (page_mapcount()); compared with a refcount to infer extra pins, only a count
     * of every subpage's mappings (total_mapcount(), folio_mapcount()) is comparable
     */
    SUBPAGE_MAPCOUNT(Group.PREDICATE, EffectSite.RETURN),
    /**
     * the call looks its page up in the page cache of the mapping at this argument (find_get_page(mapping,
     * index)): the page it returns lies in a folio of that mapping, so where that mapping's file system never
     * lets a mapping of its own hold a large folio (clause pagecache.order0-filesystem), it is an order-0 page
     */
    CACHE_LOOKUP(Group.PREDICATE, EffectSite.PARAM),
    /**
     * the call lets the page cache of the mapping at this argument hold large folios (mapping_set_large_folios()),
     * or (on the return) hands out a file whose mapping may hold them (shmem_file_setup()): a file system whose
     * sources call it may find large folios in its own mappings
     */
    LARGE_FOLIOS(Group.PREDICATE, EffectSite.PARAM, EffectSite.RETURN),
    /**
     * the call registers the file system type at this argument (register_filesystem()): the directory whose
     * sources call it implements a file system, whose inodes' mappings are its own
     */
    REGISTERS_FILESYSTEM(Group.PREDICATE, EffectSite.PARAM),
    /**
     * the call reads the object its pointer parameter points to (list_del(entry) follows entry->next and
     * entry->prev): the address of a struct page field handed to it is a read of that field, as
     * page->field would be, and a head-only field read so says the page must be a head
     */
    READS_THROUGH(Group.PREDICATE, EffectSite.PARAM);

    /** Effects of one group describe one property; two kinds of a group may contradict each other. */
    public enum Group { PAGE_KIND, HEADNESS, ACQUIRE, RELEASE, EXCLUSIVITY, PREP, CONTIGUITY, RANGE, CONVENTION, PREDICATE, DECISION, STORE }

    private final Group group;
    private final Set<EffectSite> sites;

    EffectKind(Group group, EffectSite first, EffectSite... more) {
        this.group = group;
        this.sites = EnumSet.of(first, more);
    }

    public Group group() {
        return group;
    }

    public Set<EffectSite> allowedSites() {
        return sites;
    }

    public String literal() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EffectKind fromLiteral(String literal) {
        return valueOf(literal.toUpperCase(Locale.ROOT));
    }

    /** Pairs that cannot both describe the same site of the same function in the same tree. */
    public boolean contradicts(EffectKind o) {
        if (this == o) return false;
        return pair(o, POSSIBLY_TAIL, HEAD) || pair(o, POSSIBLY_TAIL, FOLIO)
                || pair(o, REQUIRES_HEAD, ACCEPTS_TAIL) || pair(o, NOT_TAIL_RANGE, ACCEPTS_TAIL)
                || pair(o, EXCLUSIVITY_PROOF, NOT_EXCLUSIVITY_PROOF)
                || pair(o, CONTIGUITY_SAFE, CONTIGUITY_UNSAFE)
                || pair(o, PINS, GETS_REF) || pair(o, UNPINS, PUTS_REF)
                || (group == Group.CONVENTION && o.group == Group.CONVENTION);
    }

    private boolean pair(EffectKind o, EffectKind a, EffectKind b) {
        return (this == a && o == b) || (this == b && o == a);
    }
}
