package dev.mmlint.engine.flow;

import dev.mmlint.engine.knowledge.Clause;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * The abstract state at one program point: page-like variables, GUP arrays, GUP result counts,
 * integer bounds and value classes, the outcome of speculative gets (tokens, failures still to be
 * settled, successes not yet re-checked), pfns of pages, hugetlb entries, and the publish/freeze
 * history of pages being prepared. Copy-on-write by convention: {@link #copy()} before changing.
 */
public final class FlowState {
    public final Map<String, PageValue> pages;
    public final Map<String, ArrayHold> arrays;
    /** count variable -> the array whose filled entries it counts */
    public final Map<String, String> counts;
    /** integer variable -> the bound a loop guard put on it */
    public final Map<String, Bound> bounds;
    /** integer variable -> the class of the value assigned to it */
    public final Map<String, Bound> values;
    /** page variable -> offset of the call that made its refcount visible (reported there) */
    public final Map<String, Integer> published;
    /** page variable -> line where its refcount was frozen */
    public final Map<String, Integer> frozen;
    /** page variable -> line where it was prepared as a compound page */
    public final Map<String, Integer> prepared;
    /** page-table entry variable -> the pointer it was read through */
    public final Map<String, String> entries;
    /**
     * mapcount/refcount tests whose "looks exclusive" edge this point is reached through (keyed by the
     * test's offset): reported when a decision the model says needs exclusivity follows
     */
    public final Map<String, dev.mmlint.engine.check.Event.MapcountTest> exclusive;
    /**
     * int variable -> the condition assigned to it (WARN_ON()'s __ret_warn_on = !!(cond)) or the outcome of
     * a speculative get (ok = get_page_unless_zero(page)), tested later
     */
    public final Map<String, Object> conds;
    /** page variable -> offset of the speculative get that failed on it, on a path not yet settled (may) */
    public final Map<String, Integer> failedGets;
    /**
     * page variable -> offset of the speculative get that succeeded on a page that may have been a tail,
     * while nothing has re-checked what the page is now (may)
     */
    public final Map<String, Integer> unverified;
    /** page variables holding a looked-up page on which no speculative get was tried yet (may) */
    public final Map<String, Boolean> untried;
    /** pfn variable -> the page variable whose pfn it holds (page_to_pfn) */
    public final Map<String, String> pfns;
    /** page-table entry variable -> the clause saying it maps a hugetlb folio as a whole (huge_ptep_get) */
    public final Map<String, Clause> hugeEntries;
    /** parameter -> the truth a branch established for it on every path here ({@code if (compound)}) */
    public final Map<String, Boolean> paramTruths;

    public FlowState() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    private FlowState(Map<String, PageValue> p, Map<String, ArrayHold> a, Map<String, String> c, Map<String, Bound> b,
                      Map<String, Bound> v, Map<String, Integer> pub, Map<String, Integer> fr,
                      Map<String, Integer> pr, Map<String, String> ent, Map<String, dev.mmlint.engine.check.Event.MapcountTest> ex,
                      Map<String, Object> cd, Map<String, Integer> fg, Map<String, Integer> uv, Map<String, Boolean> ut,
                      Map<String, String> pf, Map<String, Clause> he, Map<String, Boolean> pt) {
        pages = p; arrays = a; counts = c; bounds = b; values = v; published = pub; frozen = fr; prepared = pr;
        entries = ent;
        exclusive = ex;
        conds = cd;
        failedGets = fg;
        unverified = uv;
        untried = ut;
        pfns = pf;
        hugeEntries = he;
        paramTruths = pt;
    }

    public FlowState copy() {
        return new FlowState(new HashMap<>(pages), new HashMap<>(arrays), new HashMap<>(counts), new HashMap<>(bounds),
                new HashMap<>(values), new HashMap<>(published), new HashMap<>(frozen),
                new HashMap<>(prepared), new HashMap<>(entries), new HashMap<>(exclusive), new HashMap<>(conds),
                new HashMap<>(failedGets), new HashMap<>(unverified), new HashMap<>(untried), new HashMap<>(pfns),
                new HashMap<>(hugeEntries), new HashMap<>(paramTruths));
    }

    /** Forget everything known about a variable that is being assigned. */
    public void kill(String var) {
        pages.remove(var);
        counts.remove(var);
        bounds.remove(var);
        values.remove(var);
        published.remove(var);
        frozen.remove(var);
        prepared.remove(var);
        entries.remove(var);
        conds.remove(var);
        failedGets.remove(var);
        unverified.remove(var);
        untried.remove(var);
        pfns.remove(var);
        hugeEntries.remove(var);
        paramTruths.remove(var);
    }

    public FlowState join(FlowState o) {
        if (o == null) return this;
        return new FlowState(joinMap(pages, o.pages, PageValue::join, true),
                joinMap(arrays, o.arrays, ArrayHold::join, true),
                joinMap(counts, o.counts, (x, y) -> x.equals(y) ? x : null, false),
                joinMap(bounds, o.bounds, Bound::join, false),
                joinMap(values, o.values, Bound::join, false),
                joinMap(published, o.published, Math::min, true),
                joinMap(frozen, o.frozen, (x, y) -> x, false),
                joinMap(prepared, o.prepared, (x, y) -> x, false),
                joinMap(entries, o.entries, (x, y) -> x.equals(y) ? x : null, false),
                joinMap(exclusive, o.exclusive, (x, y) -> x, true),
                joinMap(conds, o.conds, (x, y) -> x.equals(y) ? x : null, false),
                joinMap(failedGets, o.failedGets, Math::min, true),
                joinMap(unverified, o.unverified, Math::min, true),
                joinMap(untried, o.untried, (x, y) -> x, true),
                joinMap(pfns, o.pfns, (x, y) -> x.equals(y) ? x : null, false),
                joinMap(hugeEntries, o.hugeEntries, (x, y) -> x, false),
                joinMap(paramTruths, o.paramTruths, (x, y) -> x.equals(y) ? x : null, false));
    }

    /** union=true keeps keys present on one side only (may-facts); false keeps only common keys (must-facts). */
    private static <V> Map<String, V> joinMap(Map<String, V> a, Map<String, V> b, BinaryOperator<V> f, boolean union) {
        Map<String, V> r = new HashMap<>();
        for (Map.Entry<String, V> e : a.entrySet()) {
            V w = b.get(e.getKey());
            if (w != null) {
                V j = f.apply(e.getValue(), w);
                if (j != null) r.put(e.getKey(), j);
            } else if (union) r.put(e.getKey(), e.getValue());
        }
        if (union) for (Map.Entry<String, V> e : b.entrySet()) r.putIfAbsent(e.getKey(), e.getValue());
        return r;
    }

    @Override public boolean equals(Object o) {
        return o instanceof FlowState s && pages.equals(s.pages) && arrays.equals(s.arrays) && counts.equals(s.counts)
                && bounds.equals(s.bounds) && values.equals(s.values)
                && published.equals(s.published) && frozen.equals(s.frozen) && prepared.equals(s.prepared)
                && entries.equals(s.entries) && exclusive.keySet().equals(s.exclusive.keySet()) && conds.equals(s.conds)
                && failedGets.equals(s.failedGets) && unverified.equals(s.unverified) && untried.equals(s.untried)
                && pfns.equals(s.pfns) && hugeEntries.equals(s.hugeEntries) && paramTruths.equals(s.paramTruths);
    }

    @Override public int hashCode() { return Objects.hash(pages, arrays, counts, bounds); }
}
