package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/** Pointwise joins of the per-variable maps and sets the concern states are made of. */
final class StateMaps {
    private StateMaps() {}

    /**
     * A may-fact map (keys present on one side only are kept) joined pointwise with {@code f}; a
     * {@code null} result of {@code f} drops the key.
     */
    static <K, V> Map<K, V> may(Map<K, V> a, Map<K, V> b, BinaryOperator<V> f) { return join(a, b, f, true); }

    /** A must-fact map: only keys present on both sides, joined with {@code f} (null drops the key). */
    static <K, V> Map<K, V> must(Map<K, V> a, Map<K, V> b, BinaryOperator<V> f) { return join(a, b, f, false); }

    /** Equal values stay, different ones are dropped. */
    static <V> V same(V x, V y) { return x.equals(y) ? x : null; }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> r = new HashSet<>(a);
        r.addAll(b);
        return r;
    }

    static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> r = new HashSet<>(a);
        r.retainAll(b);
        return r;
    }

    private static <K, V> Map<K, V> join(Map<K, V> a, Map<K, V> b, BinaryOperator<V> f, boolean union) {
        Map<K, V> r = new HashMap<>();
        for (Map.Entry<K, V> e : a.entrySet()) {
            V w = b.get(e.getKey());
            if (w != null) {
                V j = f.apply(e.getValue(), w);
                if (j != null) r.put(e.getKey(), j);
            } else if (union) r.put(e.getKey(), e.getValue());
        }
        if (union) for (Map.Entry<K, V> e : b.entrySet()) r.putIfAbsent(e.getKey(), e.getValue());
        return r;
    }
}
