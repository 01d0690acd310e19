package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.AppliedClause;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Objects;

/**
 * The shared core of the state: the abstract value of each page-like variable (the shape and
 * reference lattice of {@link PageValue}), and what plain variables are known to hold: a condition
 * tested later, the pointer a page-table entry was read through, the page whose pfn a variable holds,
 * a hugetlb entry, the truth a branch fixed for a bool parameter. Mutable only through its methods,
 * on a copy ({@link FlowState#copy()}).
 */
final class PageFacts {
    private final Map<String, PageValue> pages;
    /** int variable -> the condition assigned to it (ok = get_page_unless_zero(page), __ret_warn_on = !!(cond)) */
    private final Map<String, V> conds;
    /** page-table entry variable -> the pointer it was read through */
    private final Map<String, String> entries;
    /** pfn variable -> the page variable whose pfn it holds (page_to_pfn) */
    private final Map<String, String> pfns;
    /** page-table entry variable -> the clause saying it maps a hugetlb folio as a whole (huge_ptep_get) */
    private final Map<String, AppliedClause> hugeEntries;
    /** parameter -> the truth a branch established for it on every path here ({@code if (compound)}) */
    private final Map<String, Boolean> paramTruths;
    /** page-table pointer variable -> the copy of the pmd entry its table was mapped from (ptep = pte_offset_map(&pmd, addr)) */
    private final Map<String, PageValue.Table> tables;
    /**
     * page variables known, on every path here, to lie in no transparent huge page (a test said so: in a
     * hugetlb folio, the head taken of it no THP head); a path where the variable is not a tail counts too
     */
    private final Set<String> notInThp;
    /**
     * page-table entry variables (pointers or copies) every path here walked into as a table (pmd_offset(pud,
     * addr)): no leaf, so the page they point to is a page-table page -> where the walk was ("pmd_offset() at
     * line 12"), or the caller's when every caller of the function passes a table entry (must)
     */
    private final Map<String, String> walked;

    PageFacts() { this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>(),
            new HashMap<>()); }

    private PageFacts(Map<String, PageValue> p, Map<String, V> c, Map<String, String> e, Map<String, String> f,
                      Map<String, AppliedClause> h, Map<String, Boolean> t, Map<String, PageValue.Table> tb, Set<String> nt, Map<String, String> w) {
        pages = p; conds = c; entries = e; pfns = f; hugeEntries = h; paramTruths = t; tables = tb; notInThp = nt; walked = w;
    }

    PageFacts copy() {
        return new PageFacts(new HashMap<>(pages), new HashMap<>(conds), new HashMap<>(entries), new HashMap<>(pfns),
                new HashMap<>(hugeEntries), new HashMap<>(paramTruths), new HashMap<>(tables), new HashSet<>(notInThp), new HashMap<>(walked));
    }

    /** Whether {@code var} lies in no THP here: a test said so, or it is a page known not to be a tail. */
    private boolean noThpTail(String var) {
        if (notInThp.contains(var)) return true;
        PageValue v = pages.get(var);
        return v != null && !v.shape().mayBeTail() && v.shape() != Shape.PARAM && v.shape() != Shape.UNKNOWN;
    }

    /** Page values: the {@link PageValue#join} on common variables, kept where only one path knows one (may). */
    PageFacts join(PageFacts o) {
        return new PageFacts(StateMaps.may(pages, o.pages, PageValue::join), StateMaps.must(conds, o.conds, StateMaps::same),
                StateMaps.must(entries, o.entries, StateMaps::same), StateMaps.must(pfns, o.pfns, StateMaps::same),
                StateMaps.must(hugeEntries, o.hugeEntries, PageFacts::firstClause),
                StateMaps.must(paramTruths, o.paramTruths, StateMaps::same), StateMaps.must(tables, o.tables, StateMaps::same),
                joinNotInThp(o), StateMaps.must(walked, o.walked, PageFacts::earlierWalk));
    }

    /** Of two walks of one entry on two paths, either proves it a table: the one named first. */
    private static String earlierWalk(String a, String b) { return a.compareTo(b) <= 0 ? a : b; }

    /** {@code var}, a page-table entry or a pointer to one, was walked into as a table ({@code where}). */
    void walked(String var, String where) { walked.putIfAbsent(var, where); }
    /** {@code var} was stepped ({@code pud++}): it points to another entry now. */
    void forgetWalk(String var) { walked.remove(var); }
    /** Where every path here walked into entry {@code var} as a table, or null. */
    String walkedAt(String var) { return var == null ? null : walked.get(var);
    }

    /** A variable lies in no THP after a merge where it does on each path (a test, or not a tail there). */
    private Set<String> joinNotInThp(PageFacts o) {
        Set<String> r = new HashSet<>();
        for (String v : notInThp) if (o.noThpTail(v)) r.add(v);
        for (String v : o.notInThp) if (noThpTail(v)) r.add(v);
        return r;
    }

    /** {@code var} lies in no transparent huge page on this path. */
    void notInThp(String var) { notInThp.add(var); }
    /** Whether a test said {@code var} lies in no transparent huge page, on every path here. */
    boolean isNotInThp(String var) { return notInThp.contains(var); }

    /** Of two clauses for one hugetlb entry, the one first by id (either says the folio is mapped as a whole). */
    private static AppliedClause firstClause(AppliedClause a, AppliedClause b) {
        return Comparator.comparing(AppliedClause::id).compare(a, b) <= 0 ? a : b;
    }

    void kill(String var) {
        pages.remove(var);
        conds.remove(var);
        entries.remove(var);
        pfns.remove(var);
        hugeEntries.remove(var);
        paramTruths.remove(var);
        tables.remove(var);
        notInThp.remove(var);
        walked.remove(var);
    }

    PageValue page(String var) { return pages.get(var); }
    PageValue pageOrUnknown(String var) { return pages.getOrDefault(var, PageValue.UNKNOWN); }
    boolean hasPage(String var) { return pages.containsKey(var); }
    void putPage(String var, PageValue v) { pages.put(var, v); }
    /** The page variables, unmodifiable. */
    Map<String, PageValue> pages() { return Collections.unmodifiableMap(pages); }

    V cond(String var) { return conds.get(var); }
    void putCond(String var, V v) { conds.put(var, v); }
    void forgetCond(String var) { conds.remove(var); }

    String entryPointer(String entryVar) { return entries.get(entryVar); }
    void putEntryPointer(String entryVar, String ptr) { entries.put(entryVar, ptr); }

    /** The copy of the pmd entry the table {@code ptr} points into was mapped from, or null. */
    PageValue.Table table(String ptr) { return ptr == null ? null : tables.get(ptr); }
    void putTable(String ptr, PageValue.Table t) { tables.put(ptr, t); }

    String pageOfPfn(String pfnVar) { return pfns.get(pfnVar); }
    void putPfn(String pfnVar, String pageVar) { pfns.put(pfnVar, pageVar); }

    AppliedClause hugeEntry(String entryVar) { return hugeEntries.get(entryVar); }
    void putHugeEntry(String entryVar, AppliedClause c) { hugeEntries.put(entryVar, c); }

    Boolean paramTruth(String var) { return paramTruths.get(var); }
    void putParamTruth(String var, boolean truth) { paramTruths.put(var, truth); }
    Map<String, Boolean> paramTruths() { return Collections.unmodifiableMap(paramTruths); }

    @Override public boolean equals(Object o) {
        return o instanceof PageFacts s && pages.equals(s.pages) && conds.equals(s.conds) && entries.equals(s.entries)
                && pfns.equals(s.pfns) && hugeEntries.equals(s.hugeEntries) && paramTruths.equals(s.paramTruths) && tables.equals(s.tables)
                && notInThp.equals(s.notInThp) && walked.equals(s.walked);
    }

    @Override public int hashCode() { return Objects.hash(pages, conds); }
}
