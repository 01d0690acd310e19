package dev.mmlint.engine.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel API knowledge the engine runs on, already specialised to one analysed tree (kernel
 * version and Kconfig). Implemented over the reference model loaded from rules/; the engine holds
 * no per-function kernel knowledge of its own.
 */
public interface ApiKnowledge {
    /**
     * The clause behind head-only requirements the engine infers from a function's own body (a
     * {@code VM_BUG_ON_PAGE(PageTail(page), page)} contract): the model must define it.
     */
    String HEAD_ONLY_CONTRACT = "compound.head-only-contract";

    /**
     * The clause behind the possibly-tail elements of a page-array parameter whose references the
     * function drops (put_page(pages[i]), release_pages(pages, nr)): the release half of GUP or of an
     * unmap's batch. Without it (or where it does not apply) such elements are unknown.
     */
    String DROPPED_ARRAY_ELEMENTS = "gup.dropped-array-elements";

    /**
     * The clause behind an order-0 page looked up in the page cache of a mapping of the analysed file's own file
     * system, when that file system's sources never let a mapping hold large folios (model {@code large_folios})
     * and register a file system (model {@code registers_filesystem}). Without it (or where it does not apply
     * for certain) such lookups are what their own effects say.
     */
    String ORDER0_FILESYSTEM = "pagecache.order0-filesystem";

    /**
     * The analysed file's file system, when its own mappings never hold large folios.
     *
     * @param filesystem the file system's directory as reports name it ({@code fs/btrfs})
     * @param clause     the clause {@link #ORDER0_FILESYSTEM}, applying for certain
     */
    record SmallFolioFilesystem(String filesystem, AppliedClause clause) {}

    /**
     * The analysed file's file system (its {@code KernelContext.filesystem()}) when the model's clause
     * {@link #ORDER0_FILESYSTEM} applies for certain and the file system's sources register a file system and
     * never call a function the model says lets a mapping hold large folios; else empty.
     */
    default Optional<SmallFolioFilesystem> smallFolioFilesystem() { return Optional.empty(); }

    /**
     * The clause behind a plain reference ({@code get_page()}, {@code try_get_page()}) taken on a page a
     * function hands back to its caller through a {@code struct page **} parameter, where a flags parameter it
     * tests against FOLL_* bits may ask for a pin (FOLL_PIN): GUP's own walkers must take what the flags say.
     * Without it (or where it does not apply) such a reference is judged as any other.
     */
    String GRAB_AS_FLAGS_SAY = "gup.grab-as-flags-say";

    /**
     * The clause behind a speculative reference taken on a page a hugetlb test found true, with no test of
     * its state in the hugetlb allocator since (model {@code checks_hugetlb_state}). Without it (or where it
     * does not apply) such a get is judged as any other.
     */
    String SPECULATIVE_HUGETLB_STATE = "refcount.speculative-hugetlb-state";

    /**
     * The clause behind a page a function was handed (a block fresh off the buddy lists, {@code prep_new_page()})
     * whose refcount it makes visible before it prepares the page as a compound page: from 2.6.38 to 4.4 a stale
     * speculative getter took {@code compound_lock()} on what it got, racing the preparation's non-atomic flag
     * update. Where it applies for certain such a page is reported as a page the function found itself is;
     * elsewhere it is the allocator's normal order.
     */
    String REFCOUNT_AFTER_PREP_COMPOUND_LOCK = "prep.refcount-after-prep-compound-lock";

    /** The effect of a call (function or function-like macro) by name; empty when the model does not know it. */
    Optional<ApiEffect> call(String name);

    /**
     * Does the model make {@code name} a source of possible tail pages only in other kernel versions or
     * configurations ({@code vm_normal_page()} since 4.5)? Then the model's word for this tree is that its
     * result is no tail here, and a possibly-tail return learned from a definition of {@code name} in the
     * analysed unit (its body's {@code pfn_to_page()}) does not override it.
     */
    default boolean tailSourceOnlyElsewhere(String name) { return false; }

    /** The clause making {@code field} of struct page head-only, when it is. */
    Optional<AppliedClause> headOnlyField(String field);

    /**
     * The clause, applying to this tree, by which function {@code name} accepts a tail page as its
     * parameter {@code index} ({@code page: accepts_tail}): callers may pass one, so inside the function's
     * own body that parameter may be a tail.
     */
    default Optional<AppliedClause> acceptsTail(String name, int index) { return Optional.empty(); }

    /**
     * The clause, applying to this tree, by which the contract of function {@code name} says the pages it is
     * handed through parameter {@code index} (the page, or the pfn range from the pfn) are no tails
     * ({@code pfn: not_tail_range}): inside the function's own body a page looked up from it is not a tail.
     */
    default Optional<AppliedClause> notTailRange(String name, int index) { return Optional.empty(); }

    /**
     * How a size expression bounds a pfn range, by its text as written
     * ({@code pages_per_huge_page(h)}, {@code 1 << order}, {@code HPAGE_PMD_NR}).
     */
    Optional<RangeClass> size(String expressionText);

    /**
     * Whether {@code text} names something the model's size patterns are written with ({@code PUD_SIZE},
     * {@code huge_page_size(...)}): an argument text worth carrying into a callee, where an expression written
     * with the parameter may be one the model classifies once the argument is put in its place.
     */
    default boolean sizeVocabulary(String text) { return false; }

    /**
     * A function returning the start of a pfn range that may exceed one buddy block: of argument
     * {@code countIndex} pages, or of a size it does not take as an argument ({@code countIndex} -1: sg_page()).
     */
    record RangeResult(int countIndex, AppliedClause clause) {}

    /** The model's {@code return: unbounded_range count c} of function {@code name} (cma_alloc(), alloc_contig_pages()). */
    default Optional<RangeResult> unboundedRange(String name) { return Optional.empty(); }

    /**
     * The model's {@code p: unbounded_range count c} on a parameter of function {@code name}: its callers hand
     * it the first page of a pfn range of argument {@code countIndex} pages that may exceed one buddy block
     * (unpin_user_page_range_dirty_lock() is given a scatterlist entry's pages).
     */
    default Optional<RangeResult> handedRange(String name) { return Optional.empty(); }

    /**
     * A call that stores a page in an entry ({@code page: stored_in of sg}: sg_set_page()): argument {@code page}
     * is stored in the entry argument {@code entry} points to.
     */
    record PageStore(int page, int entry, AppliedClause clause) {}

    /** The model's {@code stored_in} effect of function {@code name}, when it has one. */
    default Optional<PageStore> storesPage(String name) { return Optional.empty(); }

    /** The entry argument whose stored page function {@code name} returns ({@code return: stored_page of sg}: sg_page()). */
    default Optional<Integer> storedPage(String name) { return Optional.empty(); }

    /**
     * The validations a branch condition performs, by its text as written with likely()/unlikely()
     * stripped ({@code compound_head(page) != head}, {@code pte_val(pte) != pte_val(*ptep)}).
     */
    List<Validation> validations(String conditionText);

    /**
     * A re-check after a speculative reference.
     *
     * @param head            true: re-checks the head/folio ({@code bindings} name it as "head" or
     *                        "folio"); false: re-reads a page-table entry ("pte"/"orig" and "ptep"/"pmdp")
     * @param changedWhenTrue the condition is true when the re-check failed
     */
    record Validation(String kind, boolean head, java.util.Map<String, String> bindings, boolean changedWhenTrue, AppliedClause clause) {}

    /**
     * For an assertion macro or function (VM_BUG_ON_PAGE, BUG_ON …): the index of the argument
     * holding the condition that must be false after it.
     */
    Optional<Integer> assertion(String name);

    /** Names the engine should see as written when they are macros (everything the model knows). */
    Set<String> names();

    /** Every clause, applicable or not, with its applicability for this tree. */
    Collection<AppliedClause> clauses();

    Optional<AppliedClause> clause(String id);
}
