package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * The abstract state at one program point: page-like variables, GUP arrays, GUP result counts,
 * integer bounds and value classes, boolean tokens of speculative gets, and the publish/freeze
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
    /** boolean variable -> the page variable a speculative get was tried on */
    public final Map<String, String> specTokens;
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
    /** int variable -> the condition assigned to it (WARN_ON()'s __ret_warn_on = !!(cond)), tested later */
    public final Map<String, Object> conds;

    public FlowState() {
        this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    private FlowState(Map<String, PageValue> p, Map<String, ArrayHold> a, Map<String, String> c, Map<String, Bound> b,
                      Map<String, Bound> v, Map<String, String> t, Map<String, Integer> pub, Map<String, Integer> fr,
                      Map<String, Integer> pr, Map<String, String> ent, Map<String, dev.mmlint.engine.check.Event.MapcountTest> ex,
                      Map<String, Object> cd) {
        pages = p; arrays = a; counts = c; bounds = b; values = v; specTokens = t; published = pub; frozen = fr; prepared = pr;
        entries = ent;
        exclusive = ex;
        conds = cd;
    }

    public FlowState copy() {
        return new FlowState(new HashMap<>(pages), new HashMap<>(arrays), new HashMap<>(counts), new HashMap<>(bounds),
                new HashMap<>(values), new HashMap<>(specTokens), new HashMap<>(published), new HashMap<>(frozen),
                new HashMap<>(prepared), new HashMap<>(entries), new HashMap<>(exclusive), new HashMap<>(conds));
    }

    /** Forget everything known about a variable that is being assigned. */
    public void kill(String var) {
        pages.remove(var);
        counts.remove(var);
        bounds.remove(var);
        values.remove(var);
        specTokens.remove(var);
        published.remove(var);
        frozen.remove(var);
        prepared.remove(var);
        entries.remove(var);
        conds.remove(var);
    }

    public FlowState join(FlowState o) {
        if (o == null) return this;
        return new FlowState(joinMap(pages, o.pages, PageValue::join, true),
                joinMap(arrays, o.arrays, ArrayHold::join, true),
                joinMap(counts, o.counts, (x, y) -> x.equals(y) ? x : null, false),
                joinMap(bounds, o.bounds, Bound::join, false),
                joinMap(values, o.values, Bound::join, false),
                joinMap(specTokens, o.specTokens, (x, y) -> x.equals(y) ? x : null, false),
                joinMap(published, o.published, Math::min, true),
                joinMap(frozen, o.frozen, (x, y) -> x, false),
                joinMap(prepared, o.prepared, (x, y) -> x, false),
                joinMap(entries, o.entries, (x, y) -> x.equals(y) ? x : null, false),
                joinMap(exclusive, o.exclusive, (x, y) -> x, true),
                joinMap(conds, o.conds, (x, y) -> x.equals(y) ? x : null, false));
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
                && bounds.equals(s.bounds) && values.equals(s.values) && specTokens.equals(s.specTokens)
                && published.equals(s.published) && frozen.equals(s.frozen) && prepared.equals(s.prepared)
                && entries.equals(s.entries) && exclusive.keySet().equals(s.exclusive.keySet()) && conds.equals(s.conds);
    }

    @Override public int hashCode() { return Objects.hash(pages, arrays, counts, bounds); }
}
