package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a path knows about a short GUP (MM007): GUP may take fewer pages than it was asked for, zero
 * included, without an error. Per path: which variable holds the number of pages a GUP call asked for
 * into which array (must: a variable assigned since no longer says it), which arrays are known to have
 * been filled in full (must: the count was compared equal to the number asked for), which page
 * variables hold an entry of which array (must), and which count variables may hold a count that is not
 * negative (may: the path did not test it below zero), and which may still be negative (may: a GUP
 * count is a negative errno where the call failed, until a test on the path excludes it). Also which
 * arrays had entries released that nothing cleared since (may), and which of those GUP filled again
 * (may): a release leaves the pointer in its entry, so past the count of the later call the entries hold
 * pages already released, not NULL, whatever memory the array came from.
 */
final class ShortGupFacts {
    /** variable -> the array a GUP call asked that many pages for */
    private final Map<String, String> asked;
    /** arrays GUP filled with as many pages as it was asked for, on this path */
    private final Set<String> full;
    /** page variable -> the GUP array it holds an entry of */
    private final Map<String, String> elements;
    /** count variables that may be zero or positive on this path */
    private final Set<String> nonNegative;
    /** count variables that may be a negative errno on this path */
    private final Set<String> negative;
    /** arrays whose count, held unsigned, passed a short-count test as a huge errno on some path here (may) */
    private final Set<String> errnoPassed;
    /** arrays whose entries were released on some path here and not cleared (stored NULL, the array re-assigned) since (may) */
    private final Set<String> released;
    /** arrays GUP filled again after such a release: entries past its count may hold released pages (may) */
    private final Set<String> stale;

    ShortGupFacts() { this(new HashMap<>(), new HashSet<>(), new HashMap<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>()); }

    private ShortGupFacts(Map<String, String> a, Set<String> f, Map<String, String> e, Set<String> n, Set<String> neg, Set<String> passed,
                          Set<String> rel, Set<String> st) {
        asked = a; full = f; elements = e; nonNegative = n; negative = neg; errnoPassed = passed; released = rel; stale = st;
    }

    ShortGupFacts copy() {
        return new ShortGupFacts(new HashMap<>(asked), new HashSet<>(full), new HashMap<>(elements), new HashSet<>(nonNegative), new HashSet<>(negative),
                new HashSet<>(errnoPassed), new HashSet<>(released), new HashSet<>(stale));
    }

    ShortGupFacts join(ShortGupFacts o) { return new ShortGupFacts(StateMaps.must(asked, o.asked, StateMaps::same), StateMaps.intersection(full, o.full),
                StateMaps.must(elements, o.elements, StateMaps::same), StateMaps.union(nonNegative, o.nonNegative), StateMaps.union(negative, o.negative),
                StateMaps.union(errnoPassed, o.errnoPassed), StateMaps.union(released, o.released), StateMaps.union(stale, o.stale)); }

    /**
     * As {@link #join(ShortGupFacts)}; {@code takenHere} / {@code takenThere}: the arrays GUP may have taken
     * pages into on this path / on the other one. What a variable says of the number asked for an array on
     * a path that took no pages into it (GUP not called there, or its count tested at most zero, as on an
     * error branch that resets the variable) does not matter there, as nothing can be over-released: the
     * other path's fact survives the join.
     */
    ShortGupFacts join(ShortGupFacts o, Set<String> takenHere, Set<String> takenThere) {
        Map<String, String> a = StateMaps.must(asked, o.asked, StateMaps::same);
        for (Map.Entry<String, String> e : asked.entrySet())
            if (!takenThere.contains(e.getValue()) && !o.asked.containsKey(e.getKey())) a.put(e.getKey(), e.getValue());
        for (Map.Entry<String, String> e : o.asked.entrySet())
            if (!takenHere.contains(e.getValue()) && !asked.containsKey(e.getKey())) a.put(e.getKey(), e.getValue());
        return new ShortGupFacts(a, StateMaps.intersection(full, o.full),
                StateMaps.must(elements, o.elements, StateMaps::same), StateMaps.union(nonNegative, o.nonNegative), StateMaps.union(negative, o.negative),
                StateMaps.union(errnoPassed, o.errnoPassed), StateMaps.union(released, o.released), StateMaps.union(stale, o.stale));
    }

    /** {@code var} is assigned: it no longer holds what it held. */
    void kill(String var) {
        asked.remove(var);
        elements.remove(var);
        nonNegative.remove(var);
        negative.remove(var);
        cleared(var);
    }

    /** {@code var} steps up or down: a walk down a number asked for is still bounded by it. */
    void stepped(String var) {
        elements.remove(var);
        nonNegative.remove(var);
        negative.remove(var);
    }

    /** GUP was asked for {@code var} pages into {@code array} (null: not a variable); nothing is known of how many it took. */
    void filled(String array, String var) {
        if (released.contains(array)) stale.add(array);
        full.remove(array);
        errnoPassed.remove(array);
        asked.values().removeIf(array::equals);
        if (var != null) asked.put(var, array);
    }

    /** The array {@code var} holds the number of pages asked for, or null. */
    String askedFor(String var) { return asked.get(var); }

    /** The count of {@code array} equals the number asked for on this path. */
    void markTookAll(String array) { full.add(array); }
    boolean tookAll(String array) { return full.contains(array); }

    void element(String var, String array) { elements.put(var, array); }
    /** The GUP array page variable {@code var} holds an entry of, or null. */
    String elementOf(String var) { return elements.get(var); }

    void markNonNegative(String countVar) { nonNegative.add(countVar); }
    /** On this path {@code countVar} is below zero (or at most zero: an error or nothing taken). */
    void notPositive(String countVar) { nonNegative.remove(countVar); }
    boolean mayBeNonNegative(String countVar) { return nonNegative.contains(countVar); }

    /** {@code countVar} was just assigned a GUP count: a negative errno where the call failed. */
    void markMayBeNegative(String countVar) { negative.add(countVar); }
    /** On this path {@code countVar} is zero or more (a test excluded the errors). */
    void notNegative(String countVar) { negative.remove(countVar); }
    /** {@code countVar} may be a negative errno on this path. */
    boolean mayBeNegative(String countVar) { return negative.contains(countVar); }

    /** The count of {@code array}, held unsigned, passed a short-count test where it may be a huge errno. */
    void markErrnoPassed(String array) { errnoPassed.add(array); }
    boolean errnoPassed(String array) { return errnoPassed.contains(array); }

    /** Entries of {@code array} were released (put or unpinned), their pointers left in place. */
    void entriesReleased(String array) { if (array != null) released.add(array); }
    /** {@code array} is a new array, or its entries were cleared: no released page is left in it. */
    void cleared(String array) {
        released.remove(array);
        stale.remove(array);
    }
    /** GUP filled {@code array} again after entries of it were released: past its count they may hold released pages. */
    boolean stale(String array) { return stale.contains(array); }

    @Override public boolean equals(Object o) {
        return o instanceof ShortGupFacts s && asked.equals(s.asked) && full.equals(s.full) && elements.equals(s.elements)
                && nonNegative.equals(s.nonNegative) && negative.equals(s.negative) && errnoPassed.equals(s.errnoPassed)
                && released.equals(s.released) && stale.equals(s.stale);
    }

    @Override public int hashCode() { return Objects.hash(asked, full, elements, nonNegative, negative, errnoPassed, released, stale); }
}
