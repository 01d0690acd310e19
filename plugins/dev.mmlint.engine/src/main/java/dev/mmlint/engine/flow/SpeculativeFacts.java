package dev.mmlint.engine.flow;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The speculative-reference concern's state (MM003), all may-facts (a path on which it holds is
 * enough): the speculative gets that failed on a page and are not yet settled, the gets that
 * succeeded on a page that may have been a tail while nothing has re-checked what the page is now
 * (both by the get's offset, the earliest get kept at a merge), the looked-up pages on which no
 * get was tried yet, the gets whose failure flowed into a new lookup of the same page variable (a
 * retry of the same slot), and the gets that succeeded while their reference is still held.
 * <p>
 * Beside them, the integer constants the function's local variables may hold ({@code ret = 0}): on
 * all paths, and apart on the failure path and on the success path of each get, so that an exit can
 * say which result the function gives when the get failed and when it succeeded. A variable absent
 * from an environment holds an unknown value; at a merge the possible constants are united.
 */
final class SpeculativeFacts {
    /** More possible constants than this and the value counts as unknown (the sets stay finite in loops). */
    private static final int MAX_CONSTANTS = 8;

    /** page variable -> offset of the speculative get that failed on it */
    private final Map<String, Integer> failed;
    /** page variable -> offset of the speculative get that succeeded on a page that may have been a tail */
    private final Map<String, Integer> unverified;
    private final Set<String> untried;
    /** offsets of gets whose failure reached a new lookup of the same page variable */
    private final Set<Integer> retried;
    /** page variable -> offset of the speculative get that succeeded on it (reference still held) */
    private final Map<String, Integer> succeeded;
    /** variable -> the integer constants it may hold (all paths) */
    private final Map<String, Set<Long>> consts;
    /** get offset -> the constants on the path on which it failed */
    private final Map<Integer, Map<String, Set<Long>>> failEnv;
    /** get offset -> the constants on the path on which it succeeded */
    private final Map<Integer, Map<String, Set<Long>>> okEnv;
    /**
     * page variable -> the split that left it out of the caller's reference: a page of a compound page that a
     * split of its head succeeded on (the reference stays on the head), not used since
     */
    private final Map<String, Split> splitAway;
    /**
     * page variable -> the line of a hugetlb test (PageHuge()) found true on this path, while no test of the
     * page's state in the hugetlb allocator (HPageMigratable()) has been made since
     */
    private final Map<String, Integer> hugetlb;
    /** page variables a hugetlb test found true on every path reaching here (a must-fact) */
    private final Set<String> knownHugetlb;

    /** A split of {@code head} by {@code api} at {@code line}, which succeeded on this path. */
    record Split(String head, String api, int line) {}

    /**
     * Page variables assigned since the last speculative get taken through them (on some path): a head or folio
     * a get pinned is no longer the head or folio of what such a variable holds.
     */
    private final Set<String> reassigned;

    /** A speculative get was taken through page variable {@code var} (on it, or on its head or folio). */
    void takenThrough(String var) { reassigned.remove(var); }

    /** Whether {@code var} was assigned, on some path, since the last get taken through it. */
    boolean reassigned(String var) { return reassigned.contains(var); }

    SpeculativeFacts() {
        this(new HashMap<>(), new HashMap<>(), new HashSet<>(), new HashSet<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new HashSet<>(), new HashSet<>());
    }

    private SpeculativeFacts(Map<String, Integer> f, Map<String, Integer> u, Set<String> t, Set<Integer> r, Map<String, Integer> s,
                             Map<String, Set<Long>> k, Map<Integer, Map<String, Set<Long>>> fe, Map<Integer, Map<String, Set<Long>>> oe,
                             Map<String, Split> sa, Map<String, Integer> h, Set<String> kh, Set<String> ra) {
        knownHugetlb = kh;
        reassigned = ra;
        failed = f; unverified = u; untried = t; retried = r; succeeded = s; consts = k; failEnv = fe; okEnv = oe; splitAway = sa; hugetlb = h;
    }

    SpeculativeFacts copy() {
        return new SpeculativeFacts(new HashMap<>(failed), new HashMap<>(unverified), new HashSet<>(untried), new HashSet<>(retried),
                new HashMap<>(succeeded), new HashMap<>(consts), deep(failEnv), deep(okEnv), new HashMap<>(splitAway),
                new HashMap<>(hugetlb), new HashSet<>(knownHugetlb), new HashSet<>(reassigned));
    }

    SpeculativeFacts join(SpeculativeFacts o) {
        Set<Integer> r = new HashSet<>(retried);
        r.addAll(o.retried);
        return new SpeculativeFacts(StateMaps.may(failed, o.failed, Math::min), StateMaps.may(unverified, o.unverified, Math::min),
                StateMaps.union(untried, o.untried), r, StateMaps.may(succeeded, o.succeeded, Math::min), envJoin(consts, o.consts),
                StateMaps.may(failEnv, o.failEnv, SpeculativeFacts::envJoin), StateMaps.may(okEnv, o.okEnv, SpeculativeFacts::envJoin),
                StateMaps.may(splitAway, o.splitAway, (x, y) -> x.line() <= y.line() ? x : y), StateMaps.may(hugetlb, o.hugetlb, Math::min),
                must(knownHugetlb, o.knownHugetlb), StateMaps.union(reassigned, o.reassigned));
    }

    /** A variable is assigned: what it held is gone; a page whose get failed is looked up again (a retry, when it reaches that get). */
    void kill(String var) {
        Integer f = failed.remove(var);
        if (f != null) retried.add(f);
        unverified.remove(var);
        untried.remove(var);
        // the page the get succeeded on is gone from the variable: no later exit is that get's success
        Integer ok = succeeded.remove(var);
        if (ok != null) okEnv.remove(ok);
        consts.remove(var);
        splitAway.remove(var);
        hugetlb.remove(var);
        knownHugetlb.remove(var);
        reassigned.add(var);
        for (Map<String, Set<Long>> e : failEnv.values()) e.remove(var);
        for (Map<String, Set<Long>> e : okEnv.values()) e.remove(var);
    }

    void failed(String var, int get) {
        failed.put(var, get);
        failEnv.put(get, new HashMap<>(consts));
    }
    boolean hasFailed(String var) { return failed.containsKey(var); }
    boolean anyFailed() { return !failed.isEmpty() || !retried.isEmpty(); }
    /** page variable -> the failed get, unmodifiable */
    Map<String, Integer> failures() { return Collections.unmodifiableMap(failed); }
    /** Failures of gets at offsets in [from, to) are settled (a loop went on to its next page). */
    void settleFailures(int from, int to) {
        failed.values().removeIf(get -> get >= from && get < to);
        retried.removeIf(get -> get >= from && get < to);
        failEnv.keySet().removeIf(get -> get >= from && get < to);
    }

    /**
     * A variable is advanced (pfn++, addr += PAGE_SIZE): a failed get's path goes on to another slot, the
     * skip of a walk written with goto; its failure is settled as at the head of a loop.
     */
    void advanced() {
        failed.clear();
        retried.clear();
        failEnv.clear();
    }

    /** Whether the get at {@code get} is reached again after it failed, with nothing settling the failure: a retry. */
    boolean retries(int get) { return retried.contains(get) || failed.containsValue(get); }

    /** The get at {@code get} on {@code var} succeeded: its reference is held on this path. */
    void succeeded(String var, int get) {
        succeeded.put(var, get);
        okEnv.put(get, new HashMap<>(consts));
    }
    /** The reference on {@code var} was dropped: the paths on from here are no longer its get's success. */
    void released(String var) {
        Integer get = succeeded.remove(var);
        if (get != null) okEnv.remove(get);
    }
    /** page variable -> the get that succeeded on it, unmodifiable */
    Map<String, Integer> successes() { return Collections.unmodifiableMap(succeeded); }

    /** {@code var} now holds the integer constant {@code value} on every path this state describes. */
    void constant(String var, long value) {
        consts.put(var, Set.of(value));
        for (Map<String, Set<Long>> e : failEnv.values()) e.put(var, Set.of(value));
        for (Map<String, Set<Long>> e : okEnv.values()) e.put(var, Set.of(value));
    }

    /** The constants {@code var} may hold where get {@code get} failed (failure) or succeeded, or null when unknown. */
    Set<Long> constants(int get, boolean failure, String var) {
        Map<String, Set<Long>> e = (failure ? failEnv : okEnv).get(get);
        return e == null ? null : e.get(var);
    }

    /** {@code page} was split away from the reference held on its head by {@code split} (on this path). */
    void splitAway(String page, Split split) { splitAway.put(page, split); }
    /** The split that left {@code page} out of the caller's reference, or null. */
    Split splitOf(String page) { return splitAway.get(page); }
    /** {@code page} is held again, or found to be the head the reference stayed on, or its first use was reported. */
    void rejoined(String page) { splitAway.remove(page); }

    /** A hugetlb test of {@code var} at {@code line} is true on this path. */
    void hugetlb(String var, int line) { hugetlb.put(var, line); knownHugetlb.add(var); }
    /** {@code var} is no hugetlb page on this path, or its state in the hugetlb allocator was tested. */
    void notHugetlb(String var) { hugetlb.remove(var); }
    /** {@code var} is no hugetlb page on this path. */
    void noHugetlbPage(String var) { hugetlb.remove(var); knownHugetlb.remove(var); }
    /** Whether a hugetlb test found {@code var} true on every path reaching here. */
    boolean knownHugetlb(String var) { return knownHugetlb.contains(var); }
    /** The line of a hugetlb test found true on {@code var} on some path reaching here, no state test since; or null. */
    Integer hugetlbTest(String var) { return hugetlb.get(var); }

    void unverified(String var, int get) { unverified.put(var, get); }
    Integer unverifiedGet(String var) { return unverified.get(var); }
    void rechecked(String var) { unverified.remove(var); }

    void untried(String var) { untried.add(var); }
    boolean isUntried(String var) { return untried.contains(var); }
    void tried(String var) { untried.remove(var); }

    private static Set<String> must(Set<String> a, Set<String> b) {
        Set<String> r = new HashSet<>(a);
        r.retainAll(b);
        return r;
    }

    private static Map<Integer, Map<String, Set<Long>>> deep(Map<Integer, Map<String, Set<Long>>> m) {
        Map<Integer, Map<String, Set<Long>>> r = new HashMap<>();
        m.forEach((k, v) -> r.put(k, new HashMap<>(v)));
        return r;
    }

    /** Variables known on both sides, their possible constants united (too many: unknown). */
    private static Map<String, Set<Long>> envJoin(Map<String, Set<Long>> a, Map<String, Set<Long>> b) {
        return StateMaps.must(a, b, (x, y) -> {
            if (x.equals(y)) return x;
            Set<Long> u = new TreeSet<>(x);
            u.addAll(y);
            return u.size() > MAX_CONSTANTS ? null : Set.copyOf(u);
        });
    }

    @Override public boolean equals(Object o) {
        return o instanceof SpeculativeFacts s && failed.equals(s.failed) && unverified.equals(s.unverified) && untried.equals(s.untried)
                && retried.equals(s.retried) && succeeded.equals(s.succeeded) && consts.equals(s.consts) && failEnv.equals(s.failEnv)
                && okEnv.equals(s.okEnv) && splitAway.equals(s.splitAway) && hugetlb.equals(s.hugetlb)
                && knownHugetlb.equals(s.knownHugetlb) && reassigned.equals(s.reassigned);
    }

    @Override public int hashCode() { return Objects.hash(failed, unverified, untried, retried, succeeded, consts, failEnv, okEnv, hugetlb, knownHugetlb, reassigned); }
}
