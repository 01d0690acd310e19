package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.ApiEffect;
import dev.mmlint.engine.knowledge.AppliedClause;

/** The value of an expression, as far as the analysis cares (the shared core the models read). */
sealed interface V {
    record Page(PageValue v, String var) implements V {}
    /** the outcome of a speculative get on {@code var} by {@code api} at {@code offset} (tested later) */
    record Spec(String var, String api, int offset) implements V {}
    /** the number of entries GUP filled in {@code array}; {@code negative}: it may still be a negative errno */
    record Count(String array, boolean negative) implements V {
        Count(String array) { this(array, true); }
    }
    record Mapcount(String var, PageValue v, String api, AppliedClause clause, AppliedClause subpageCount) implements V {
        Mapcount(String var, PageValue v, String api, AppliedClause clause) { this(var, v, api, clause, null); }
    }
    /** A page's reference count (page_count()), possibly offset by a number: {@code var} is the page's variable. */
    record Refcount(String var, PageValue v, String api, AppliedClause clause) implements V {}
    /** the exclusivity verdict of {@code count}'s api (true: judged exclusive), the call written {@code text} at [offset, offset+length) */
    record Verdict(Mapcount count, int offset, int length, String text) implements V {}
    record Test(String var, ApiEffect.Result kind, String fn, int line) implements V {}
    record Int(Bound size, Long constant, String var) implements V {}
    record Addr(String var) implements V {}
    /** the pfn of page variable {@code page} (page_to_pfn(page)) */
    record Pfn(String page) implements V {}
    /** a page-table entry mapping a hugetlb folio as a whole (huge_ptep_get()) */
    record HugeEntry(AppliedClause clause) implements V {}
    /** a pointer into the page table mapped from {@code pmd}, a copy of a pmd entry (pte_offset_map(&pmd, addr)) */
    record Table(String pmd, AppliedClause clause) implements V {}
    record Not(V inner) implements V {}
    /**
     * {@code l OP r}; {@code unsignedCount}: the operand that is a GUP count ({@link Count}) is a variable of an
     * unsigned type, in which a failed call's negative errno is a huge number
     */
    record Cmp(int op, V l, V r, boolean unsignedCount) implements V {
        Cmp(int op, V l, V r) { this(op, l, r, false); }
    }
    record Unknown() implements V {}

    V UNKNOWN = new Unknown();

    /** The range class of an integer value, or null. */
    static Bound sizeOf(V v) { return v instanceof Int i ? i.size() : null; }
}
