package dev.mmlint.engine.flow;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The speculative-reference concern's state (MM003), all may-facts (a path on which it holds is
 * enough): the speculative gets that failed on a page and are not yet settled, the gets that
 * succeeded on a page that may have been a tail while nothing has re-checked what the page is now
 * (both by the get's offset, the earliest get kept at a merge), and the looked-up pages on which no
 * get was tried yet.
 */
final class SpeculativeFacts {
    /** page variable -> offset of the speculative get that failed on it */
    private final Map<String, Integer> failed;
    /** page variable -> offset of the speculative get that succeeded on a page that may have been a tail */
    private final Map<String, Integer> unverified;
    private final Set<String> untried;

    SpeculativeFacts() { this(new HashMap<>(), new HashMap<>(), new HashSet<>()); }

    private SpeculativeFacts(Map<String, Integer> f, Map<String, Integer> u, Set<String> t) { failed = f; unverified = u; untried = t; }

    SpeculativeFacts copy() { return new SpeculativeFacts(new HashMap<>(failed), new HashMap<>(unverified), new HashSet<>(untried)); }

    SpeculativeFacts join(SpeculativeFacts o) {
        return new SpeculativeFacts(StateMaps.may(failed, o.failed, Math::min), StateMaps.may(unverified, o.unverified, Math::min),
                StateMaps.union(untried, o.untried));
    }

    void kill(String var) {
        failed.remove(var);
        unverified.remove(var);
        untried.remove(var);
    }

    void failed(String var, int get) { failed.put(var, get); }
    boolean hasFailed(String var) { return failed.containsKey(var); }
    boolean anyFailed() { return !failed.isEmpty(); }
    /** page variable -> the failed get, unmodifiable */
    Map<String, Integer> failures() { return Collections.unmodifiableMap(failed); }
    /** Failures of gets at offsets in [from, to) are settled (a loop went on to its next page). */
    void settleFailures(int from, int to) { failed.values().removeIf(get -> get >= from && get < to); }

    void unverified(String var, int get) { unverified.put(var, get); }
    Integer unverifiedGet(String var) { return unverified.get(var); }
    void rechecked(String var) { unverified.remove(var); }

    void untried(String var) { untried.add(var); }
    boolean isUntried(String var) { return untried.contains(var); }
    void tried(String var) { untried.remove(var); }

    @Override public boolean equals(Object o) {
        return o instanceof SpeculativeFacts s && failed.equals(s.failed) && unverified.equals(s.unverified) && untried.equals(s.untried);
    }

    @Override public int hashCode() { return Objects.hash(failed, unverified, untried); }
}
