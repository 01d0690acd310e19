package dev.mmlint.engine.flow;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The GUP-holdings concern's state (MM007): the references each array filled by GUP holds (may:
 * joined optimistically for releases, see {@link ArrayHold#join}), and which integer variables count
 * the filled entries of which array (must).
 */
final class GupFacts {
    private final Map<String, ArrayHold> arrays;
    /** count variable -> the array whose filled entries it counts */
    private final Map<String, String> counts;

    GupFacts() { this(new HashMap<>(), new HashMap<>()); }

    private GupFacts(Map<String, ArrayHold> a, Map<String, String> c) { arrays = a; counts = c; }

    GupFacts copy() { return new GupFacts(new HashMap<>(arrays), new HashMap<>(counts)); }

    GupFacts join(GupFacts o) {
        return new GupFacts(StateMaps.may(arrays, o.arrays, ArrayHold::join), StateMaps.must(counts, o.counts, StateMaps::same));
    }

    /** An assignment kills what a variable counts; what an array holds survives (its pages stay referenced). */
    void kill(String var) { counts.remove(var); }

    ArrayHold hold(String array) { return arrays.get(array); }
    boolean holds(String array) { return arrays.containsKey(array); }
    void put(String array, ArrayHold h) { arrays.put(array, h); }
    void forget(String array) { arrays.remove(array); }
    /** The arrays by name, in name order. */
    Map<String, ArrayHold> sorted() { return Collections.unmodifiableMap(new TreeMap<>(arrays)); }

    String counted(String countVar) { return counts.get(countVar); }
    boolean isCount(String var) { return counts.containsKey(var); }
    void count(String countVar, String array) { counts.put(countVar, array); }
    void forgetCount(String var) { counts.remove(var); }

    @Override public boolean equals(Object o) {
        return o instanceof GupFacts g && arrays.equals(g.arrays) && counts.equals(g.counts);
    }

    @Override public int hashCode() { return Objects.hash(arrays, counts); }
}
