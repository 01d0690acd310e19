package dev.mmlint.engine.knowledge;

import java.util.List;

/**
 * What calling a kernel function or function-like macro does to page-like values, as the reference
 * model states it for the analysed tree.
 *
 * @param result what the return value is
 * @param resultArg the argument the result relates to (for HEAD_OF_ARG, FOLIO_OF_ARG, SAME_AS_ARG,
 *                  COUNT_OF_ARRAY, SPECULATIVE_*), else -1
 * @param validatedBy for a speculative reference: the validation kinds the model requires
 *                    (head_recheck, folio_recheck, pte_recheck, pmd_recheck, xas_reload)
 * @param subpageCount for a count that counts the mappings of the one page given, not of the other subpages
 *                     of its compound page (model {@code subpage_mapcount}): the clause saying so, else null
 */
public record ApiEffect(String name, Result result, int resultArg, AppliedClause resultClause, List<ArgEffect> args,
                        java.util.Set<String> validatedBy, AppliedClause subpageCount) {

    /** An effect whose result is no count of one subpage's mappings. */
    public ApiEffect(String name, Result result, int resultArg, AppliedClause resultClause, List<ArgEffect> args,
                     java.util.Set<String> validatedBy) {
        this(name, result, resultArg, resultClause, args, validatedBy, null);
    }

    public enum Result {
        /** nothing page-like */
        NONE,
        /** a page that may be a tail page */
        POSSIBLY_TAIL,
        /** the n-th page of a compound page the caller holds (folio_page, nth_page): iteration, not a lookup */
        SUBPAGE,
        /** a head page */
        HEAD,
        /** a folio (always a head) */
        FOLIO,
        /** the head of argument resultArg (compound_head(page)) */
        HEAD_OF_ARG,
        /** the folio of argument resultArg (page_folio(page)) */
        FOLIO_OF_ARG,
        /** argument resultArg itself */
        SAME_AS_ARG,
        /** the folio of argument resultArg with a speculative reference, or NULL (try_grab_folio) */
        SPECULATIVE_FOLIO_OF_ARG,
        /** the number of entries the call stored in array argument resultArg; 0 or negative: none */
        COUNT_OF_ARRAY,
        /** a mapcount or refcount of argument resultArg */
        /** the page's reference count (model {@code refcount}): resultArg is the page */
        REFCOUNT,
        MAPCOUNT,
        /** the callee's exclusivity verdict on argument resultArg, true meaning exclusive, from counts that are no proof (reuse_swap_page) */
        EXCLUSIVE_VERDICT,
        /** true when argument resultArg is a tail page (PageTail) */
        IS_TAIL,
        /** true when argument resultArg is a head page (PageHead) */
        IS_HEAD,
        /** true when argument resultArg is part of a compound page (PageCompound, folio_test_large) */
        IS_COMPOUND,
        /** 0 only when argument resultArg is not a tail (isolate_movable_page() in its 0-or-errno form): a test whose false edge proves a head */
        HEAD_IF_ZERO,
        /**
         * argument resultArg stepped to its next entry in an array allocated per memory section
         * (page_ext_next): right only while the walk stays inside one section
         */
        STEP_OF_ARG,
        /** true when argument resultArg lies in a hugetlb folio, which may be gigantic (PageHuge, folio_test_hugetlb) */
        IS_HUGETLB,
        /** the pfn of the page argument resultArg (page_to_pfn) */
        PFN_OF_ARG,
        /** a page-table entry mapping a hugetlb folio as a whole (huge_ptep_get): lookups through it find the head */
        HUGE_ENTRY,
        /** a pointer into the page table the pmd entry of argument resultArg points to (pte_offset_map(&pmd, addr)) */
        PTE_TABLE_OF_ARG,
        /** nothing page-like; the call returns once speculative pfn walkers in RCU read-side sections have left them (synchronize_rcu) */
        WAITS_FOR_WALKERS,
        /**
         * an order-0 page starting a range whose pages are each handed out refcounted and reachable by pfn
         * (alloc_contig_pages, cma_alloc): a speculative getter may hold a reference on any of them
         */
        REFCOUNTED_RANGE,
        /** the page of argument resultArg, an address: a possible tail where it is a void pointer the analysed function was handed */
        TAIL_IF_OBJECT_PARAM,
        /**
         * 0 when the compound page of argument resultArg was split (split_huge_page): on that edge it and its
         * other pages are order-0, and the caller's reference stays on argument resultArg alone
         */
        SPLIT_IF_ZERO,
        /** true when argument resultArg is a THP head (PageTransHuge); false: a page it is the head of is no THP tail */
        IS_THP,
        /** true when argument resultArg is on an LRU list (PageLRU): an order-0 page or a page of a THP */
        IS_LRU,
        /**
         * a head, except where argument resultArg is a page-table entry the analysed function was handed by
         * value: then a page that may be a tail (one of several contiguous entries mapping a huge page)
         */
        TAIL_IF_ENTRY_COPY,
        /** zero-filled memory (kcalloc, kzalloc, vzalloc): an array of page pointers that holds NULL where nothing was stored */
        ZERO_FILLED
    }

    /**
     * An effect that happens only when argument {@code index} is true at the call ({@code flag} null) or
     * has {@code flag} set ({@code clear}: has it clear).
     */
    public record When(int index, String flag, boolean clear) {
        public When(int index, String flag) { this(index, flag, false); }

        /** Whether {@code o} is this condition's complement: the same flag of the same argument, set in one and clear in the other. */
        public boolean complements(When o) {
            return o != null && flag != null && index == o.index && flag.equals(o.flag) && clear != o.clear;
        }
    }

    /** @param when the condition under which the effect happens, or null: always */
    public record ArgEffect(int index, Kind kind, AppliedClause clause, When when) {
        public ArgEffect(int index, Kind kind, AppliedClause clause) { this(index, kind, clause, null); }

        public enum Kind {
            /** the argument must be a head page */
            REQUIRES_HEAD,
            /** takes a reference on the (head of the) argument */
            GET,
            /** drops a reference */
            PUT,
            /** takes a speculative reference on the argument if its count is not zero; result is success */
            SPECULATIVE_GET,
            /** fills the array argument with pinned (FOLL_PIN) pages, possibly tails */
            PIN_ARRAY,
            /** fills the array argument with referenced (FOLL_GET) pages, possibly tails */
            GET_ARRAY,
            /** unpins one page */
            UNPIN,
            /** unpins the pages of an array argument */
            UNPIN_ARRAY,
            /** drops references on the pages of an array argument (release_pages) */
            PUT_ARRAY,
            /** makes a page's refcount visible (set_page_refcounted, page_ref_unfreeze) */
            PUBLISH,
            /** prepares a compound page (prep_compound_page): must precede PUBLISH */
            PREPARE,
            /** freezes the refcount (page_ref_freeze): makes a later PUBLISH safe */
            FREEZE,
            /** sets the refcount without freezing first */
            SET_COUNT,
            /** the number of pages a GUP call is asked for */
            NR_PAGES,
            /** the number of entries an array release (unpin_user_pages(pages, n), release_pages()) releases */
            RELEASE_COUNT,
            /** acts on the belief that the page is exclusively ours (reuse for a write, move the anon rmap) */
            DECIDES_EXCLUSIVE,
            /** tests what the referenced page is now (PageLRU, isolation): re-validates a speculative get on a pfn's page */
            RECHECK,
            /** initialises the struct page (memmap initialisation): unreachable before, order-0 after */
            INITIALISE,
            /** the argument is a page of a hugetlb folio (the callee handles only those): it lies in a folio that may be gigantic */
            IN_HUGETLB,
            /** reads the object the argument points to (list_del(entry)): &page->field handed to it is a read of the field */
            READ_THROUGH,
            /** frees the argument as one buddy block (__free_pages(page, order)): the page starts a block that never crosses a section */
            FREE_BLOCK,
            /** the call's value is at most this argument (min(), the upper limit of clamp()): {@link dev.mmlint.engine.flow} bounds the result by it */
            CAPS_RESULT,
            /** frees the memory the argument points to (kfree(pages)): not a release of the references an array of pages holds */
            FREES_MEMORY,
            /** the parameter is an order callers may pass above MAX_ORDER: 1 << order pages may exceed a buddy block in the function */
            GIGANTIC_ORDER,
            /** rewrites the struct pages of the memmap range at the argument (vmemmap remap): speculative walkers must have been waited for */
            REWRITE_MEMMAP,
            /** makes the argument a compound head (__SetPageHead): a PREPARE that a getter holding a reference sees */
            MAKE_HEAD,
            /** walks into the table the entry argument points to (pmd_offset(pud, a)): past the call the entry is no leaf */
            WALK_TABLE,
            /** the argument points into the page tables of the mm at the argument of kind {@link #MM} (set_pte_at(mm, a, ptep, pte)) */
            MAPPED_BY,
            /** the mm whose page tables the {@link #MAPPED_BY} argument points into */
            MM,
            /** tests the state of a hugetlb page in the hugetlb allocator (HPageMigratable): a later speculative get on it is not blind */
            HUGETLB_STATE,
            /** the argument must be a page a hugetlb test found true (the callee asserts PageHuge()) */
            REQUIRES_HUGETLB,
            /** the mapping whose page cache the call looks its page up in (find_get_page(mapping, index)) */
            CACHE_LOOKUP,
            /** every page the call stores in the array argument is a head (__readahead_batch()) */
            HEAD_ARRAY
        }
    }

    /**
     * Only facts about the arguments' variables that the engine gathers before the flow ({@code frees_block},
     * {@code mapped_by}),
     * or about the function's own parameters ({@code gigantic_order}):
     * the call itself has no effect the flow models, so it is analysed as a call the model does not know
     * (a requirement learned from its body in the same file still applies).
     */
    public boolean factsOnly() {
        return result == Result.NONE && validatedBy.isEmpty() && !args.isEmpty()
                && args.stream().allMatch(a -> a.kind() == ArgEffect.Kind.FREE_BLOCK || a.kind() == ArgEffect.Kind.GIGANTIC_ORDER
                        || a.kind() == ArgEffect.Kind.MAPPED_BY || a.kind() == ArgEffect.Kind.MM);
    }

    /** The parameters the model says callers may pass an order above MAX_ORDER in ({@code gigantic_order}). */
    public List<ArgEffect> giganticOrders() {
        return args.stream().filter(a -> a.kind() == ArgEffect.Kind.GIGANTIC_ORDER).toList();
    }

    /** The call's value is at most some of its arguments (min(), clamp()): its range follows theirs. */
    public boolean capsResult() {
        return args.stream().anyMatch(a -> a.kind() == ArgEffect.Kind.CAPS_RESULT);
    }

    public ArgEffect arg(int index, ArgEffect.Kind kind) {
        for (ArgEffect a : args) if (a.index() == index && a.kind() == kind) return a;
        return null;
    }
}
