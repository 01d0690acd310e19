package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The compound-preparation concern's state (MM006): where a page's refcount was first made visible
 * (may: the first publish of each path, the paths' publishes united at a join), and which pages every
 * path has frozen or prepared as compound pages (must); and whether some path has waited for the
 * speculative pfn walkers (synchronize_rcu(): may, so that a wait on one branch quiets a later memmap
 * rewrite, as a wait under a flag the caller passes does).
 */
final class CompoundFacts {
    /** page variable -> offsets of the calls that first made its refcount visible, one per path at most */
    private final Map<String, java.util.SortedSet<Integer>> published;
    private final Set<String> frozen;
    private final Set<String> prepared;
    /** some path to here waited for the speculative pfn walkers (synchronize_rcu()) */
    private boolean waited;

    CompoundFacts() { this(new HashMap<>(), new HashSet<>(), new HashSet<>(), false); }

    private CompoundFacts(Map<String, java.util.SortedSet<Integer>> p, Set<String> f, Set<String> r, boolean w) {
        published = p; frozen = f; prepared = r; waited = w;
    }

    CompoundFacts copy() { return new CompoundFacts(new HashMap<>(published), new HashSet<>(frozen), new HashSet<>(prepared), waited); }

    CompoundFacts join(CompoundFacts o) {
        return new CompoundFacts(StateMaps.may(published, o.published, CompoundFacts::both), StateMaps.intersection(frozen, o.frozen),
                StateMaps.intersection(prepared, o.prepared), waited || o.waited);
    }

    private static java.util.SortedSet<Integer> both(java.util.SortedSet<Integer> a, java.util.SortedSet<Integer> b) {
        java.util.SortedSet<Integer> r = new java.util.TreeSet<>(a);
        r.addAll(b);
        return java.util.Collections.unmodifiableSortedSet(r);
    }

    void kill(String var) {
        published.remove(var);
        frozen.remove(var);
        prepared.remove(var);
    }

    /** The refcount of {@code var} became visible at {@code off}, unless it was already on this path. */
    void publish(String var, int off) { published.putIfAbsent(var, java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(Set.of(off)))); }
    /** The earliest publish of {@code var} on any path, or null. */
    Integer publishedAt(String var) { return published.containsKey(var) ? published.get(var).first() : null; }
    /** Every path's first publish of {@code var} (empty: none). */
    java.util.SortedSet<Integer> publishesOf(String var) { return published.getOrDefault(var, java.util.Collections.emptySortedSet()); }
    void freeze(String var) { frozen.add(var); }
    boolean isFrozen(String var) { return frozen.contains(var); }
    void prepare(String var) { prepared.add(var); }
    boolean isPrepared(String var) { return prepared.contains(var); }
    /** The speculative pfn walkers were waited for here (on this path). */
    void waitWalkers() { waited = true; }
    /** Whether some path to here waited for the speculative pfn walkers. */
    boolean walkersWaited() { return waited; }

    @Override public boolean equals(Object o) {
        return o instanceof CompoundFacts c && published.equals(c.published) && frozen.equals(c.frozen) && prepared.equals(c.prepared)
                && waited == c.waited;
    }

    @Override public int hashCode() { return Objects.hash(published, frozen, prepared, waited); }
}
