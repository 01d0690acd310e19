package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The contiguity concern's state (MM001): how far each integer variable may range, from a loop guard
 * ({@code i < nr}) or from the class of the value assigned to it; and, for page pointers, the extent
 * of the pfn range they point into (a page inside a PUD leaf or a gigantic hugetlb page: stepping it
 * by an unknown count may cross a section; a page from a buddy allocation of known order: it cannot).
 * Must-facts: a bound is known at a merge only when every path knows one (the unbounded of two wins).
 */
final class RangeFacts {
    /** integer variable -> the bound a loop guard put on it */
    private final Map<String, Bound> guards;
    /** integer variable -> the class of the value assigned to it */
    private final Map<String, Bound> values;
    /** page variable -> the extent of the pfn range it points into */
    private final Map<String, Bound> extents;
    /**
     * a size expression the model classifies (its text, blanks removed) -> the bound a guard put on it
     * on this path ({@code if (pages_per_huge_page(h) > MAX_ORDER_NR_PAGES) return ...;})
     */
    private final Map<String, Bound> guardedSizes;
    /**
     * order variable -> where it may be an order above MAX_ORDER (a parameter the model's gigantic_order or
     * a caller says so of): {@code 1 << var} pages may exceed one buddy block
     */
    private final Map<String, Bound> orders;
    /**
     * page or folio variable -> the line of the hugetlb test (PageHuge(), folio_test_hugetlb()) found false on
     * every path reaching here: no hugetlb folio, so no compound page larger than a buddy block either
     */
    private final Map<String, Integer> notHugetlb;

    RangeFacts() { this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>()); }

    private RangeFacts(Map<String, Bound> g, Map<String, Bound> v, Map<String, Bound> x, Map<String, Bound> t, Map<String, Bound> o,
                       Map<String, Integer> nh) {
        guards = g;
        values = v;
        extents = x;
        guardedSizes = t;
        orders = o;
        notHugetlb = nh;
    }

    RangeFacts copy() {
        return new RangeFacts(new HashMap<>(guards), new HashMap<>(values), new HashMap<>(extents), new HashMap<>(guardedSizes), new HashMap<>(orders),
                new HashMap<>(notHugetlb));
    }

    /**
     * Must-join. A variable bounded by a guard on one path and by the class of its value on the other
     * (a loop re-entered through a label: {@code off = <class>; again: ... if (off < <class>) goto again;})
     * keeps the join of the two: what {@link #of} answers is joined, not each map on its own.
     */
    RangeFacts join(RangeFacts o) {
        Map<String, Bound> g = StateMaps.must(guards, o.guards, Bound::join), v = new HashMap<>();
        Set<String> vars = new HashSet<>(values.keySet());
        vars.addAll(o.values.keySet());
        vars.addAll(guards.keySet());
        vars.addAll(o.guards.keySet());
        for (String n : vars) {
            if (g.containsKey(n)) {
                // the guard answers first: keep a value only where both paths had one
                Bound a = values.get(n), b = o.values.get(n);
                if (a != null && b != null && a.join(b) != null) v.put(n, a.join(b));
                continue;
            }
            Bound a = of(n), b = o.of(n);
            Bound j = a == null ? null : a.join(b);
            if (j != null) v.put(n, j);
        }
        return new RangeFacts(g, v, StateMaps.must(extents, o.extents, Bound::join), StateMaps.must(guardedSizes, o.guardedSizes, Bound::join),
                StateMaps.must(orders, o.orders, Bound::join), StateMaps.must(notHugetlb, o.notHugetlb, Math::min));
    }

    void kill(String var) {
        guards.remove(var);
        values.remove(var);
        extents.remove(var);
        orders.remove(var);
        notHugetlb.remove(var);
        // a guarded size mentioning the variable (pages_per_huge_page(h) after h = ...) is no longer known
        if (!guardedSizes.isEmpty()) guardedSizes.keySet().removeIf(t -> mentions(t, var));
    }

    static boolean mentions(String text, String var) {
        for (int i = text.indexOf(var); i >= 0; i = text.indexOf(var, i + 1)) {
            boolean before = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
            int e = i + var.length();
            boolean after = e == text.length() || !Character.isJavaIdentifierPart(text.charAt(e));
            if (before && after) return true;
        }
        return false;
    }

    /** On this path a guard bounds size expression {@code text} (as the model classifies it) by {@code b}. */
    void guardSize(String text, Bound b) { guardedSizes.put(key(text), b); }

    /** The bound a guard put on size expression {@code text} on this path; null when none did. */
    Bound guardedSize(String text) { return guardedSizes.isEmpty() || text == null ? null : guardedSizes.get(key(text)); }

    static String key(String text) { return text.replaceAll("\\s+", ""); }

    /** A hugetlb test found page or folio variable {@code var} false at {@code line} on this path. */
    void notHugetlb(String var, int line) { notHugetlb.put(var, line); }

    /** A hugetlb test found {@code var} true on this path: it may be a gigantic folio's page after all. */
    void hugetlb(String var) { notHugetlb.remove(var); }

    /**
     * A page or folio variable size expression {@code text} names (compound_nr(page), folio_nr_pages(folio))
     * that a hugetlb test found false on every path reaching here, with the line of that test; null when none.
     */
    Map.Entry<String, Integer> notHugetlbIn(String text) {
        if (notHugetlb.isEmpty() || text == null) return null;
        for (var e : notHugetlb.entrySet()) if (mentions(text, e.getKey())) return e;
        return null;
    }

    /** Order variable {@code var} may be an order above MAX_ORDER ({@code o} says where from). */
    void order(String var, Bound o) { orders.put(var, o); }

    /** Where order variable {@code var} may be an order above MAX_ORDER; null when nothing says so. */
    Bound orderOf(String var) { return var == null || orders.isEmpty() ? null : orders.get(var); }

    /** A loop guard bounds {@code var} on this edge. */
    void guard(String var, Bound b) { guards.put(var, b); }

    /** {@code var} was assigned a value of this class. */
    void assigned(String var, Bound b) { values.put(var, b); }

    /** The bound of {@code var}: its guard, else the class of its value; null when neither is known. */
    Bound of(String var) { return guards.getOrDefault(var, values.get(var)); }

    /** Page variable {@code var} points into a pfn range of this extent. */
    void extent(String var, Bound b) { extents.put(var, b); }

    /** The extent of the pfn range page variable {@code var} points into; null when not known. */
    Bound extentOf(String var) { return var == null ? null : extents.get(var); }

    @Override public boolean equals(Object o) {
        return o instanceof RangeFacts r && guards.equals(r.guards) && values.equals(r.values) && extents.equals(r.extents)
                && guardedSizes.equals(r.guardedSizes) && orders.equals(r.orders) && notHugetlb.equals(r.notHugetlb);
    }

    @Override public int hashCode() { return Objects.hash(guards, extents); }
}
