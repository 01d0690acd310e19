package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The compound-preparation concern's state (MM006): where a page's refcount was first made visible
 * (may: the earliest publish kept), and which pages every path has frozen or prepared as compound
 * pages (must).
 */
final class CompoundFacts {
    /** page variable -> offset of the call that made its refcount visible */
    private final Map<String, Integer> published;
    private final Set<String> frozen;
    private final Set<String> prepared;

    CompoundFacts() { this(new HashMap<>(), new HashSet<>(), new HashSet<>()); }

    private CompoundFacts(Map<String, Integer> p, Set<String> f, Set<String> r) { published = p; frozen = f; prepared = r; }

    CompoundFacts copy() { return new CompoundFacts(new HashMap<>(published), new HashSet<>(frozen), new HashSet<>(prepared)); }

    CompoundFacts join(CompoundFacts o) {
        return new CompoundFacts(StateMaps.may(published, o.published, Math::min), StateMaps.intersection(frozen, o.frozen),
                StateMaps.intersection(prepared, o.prepared));
    }

    void kill(String var) {
        published.remove(var);
        frozen.remove(var);
        prepared.remove(var);
    }

    /** The refcount of {@code var} became visible at {@code off}, unless it was already. */
    void publish(String var, int off) { published.putIfAbsent(var, off); }
    Integer publishedAt(String var) { return published.get(var); }
    void freeze(String var) { frozen.add(var); }
    boolean isFrozen(String var) { return frozen.contains(var); }
    void prepare(String var) { prepared.add(var); }
    boolean isPrepared(String var) { return prepared.contains(var); }

    @Override public boolean equals(Object o) {
        return o instanceof CompoundFacts c && published.equals(c.published) && frozen.equals(c.frozen) && prepared.equals(c.prepared);
    }

    @Override public int hashCode() { return Objects.hash(published, frozen, prepared); }
}
