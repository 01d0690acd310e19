package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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

    RangeFacts() { this(new HashMap<>(), new HashMap<>(), new HashMap<>()); }

    private RangeFacts(Map<String, Bound> g, Map<String, Bound> v, Map<String, Bound> x) { guards = g; values = v; extents = x; }

    RangeFacts copy() { return new RangeFacts(new HashMap<>(guards), new HashMap<>(values), new HashMap<>(extents)); }

    RangeFacts join(RangeFacts o) {
        return new RangeFacts(StateMaps.must(guards, o.guards, Bound::join), StateMaps.must(values, o.values, Bound::join),
                StateMaps.must(extents, o.extents, Bound::join));
    }

    void kill(String var) {
        guards.remove(var);
        values.remove(var);
        extents.remove(var);
    }

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
        return o instanceof RangeFacts r && guards.equals(r.guards) && values.equals(r.values) && extents.equals(r.extents);
    }

    @Override public int hashCode() { return Objects.hash(guards, extents); }
}
