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
    /** count variable -> the array whose filled entries it counts on some path (may) */
    private final Map<String, String> mayCounts;
    /** count variable -> line of the release of the pages it counts, on some path on which it still counts them (may) */
    private final Map<String, Integer> releasedCounts;

    /** The short-GUP facts: what was asked for, what is known to have been taken in full, which counts may be >= 0. */
    private final ShortGupFacts shorts;
    /** the line of the first store into this function's own GUP output array on some path here, or null (may) */
    private Integer filledAt;
    /** the index variable of that store (pages[i] = page), when one */
    private String filledIndex;
    /** entries of the own output array were released on some path here (may) */
    private boolean ownReleased;
    /** "variable&FLAG" -> whether a branch on every path here found the flag set in the variable ({@code if (gup_flags & FOLL_PIN)}) (must) */
    private final Map<String, Boolean> flagTruths;
    /** arrays whose entries were stored elsewhere on some path here (sg[i].page = pages[i]) (may) */
    private final java.util.Set<String> storedOut = new java.util.HashSet<>();
    /** entry (as written, no white space) -> the array whose page a stored_in call (sg_set_page()) stored in it (may) */
    private final Map<String, String> entries = new HashMap<>();
    /** those entries that are the function's own (a local scatterlist, not reached through a pointer) */
    private final java.util.Set<String> ownEntries = new java.util.HashSet<>();

    GupFacts() { this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new ShortGupFacts(), new HashMap<>()); }

    private GupFacts(Map<String, ArrayHold> a, Map<String, String> c, Map<String, String> m, Map<String, Integer> r, ShortGupFacts s,
                     Map<String, Boolean> f) {
        arrays = a; counts = c; mayCounts = m; releasedCounts = r; shorts = s; flagTruths = f;
    }

    GupFacts copy() {
        GupFacts g = new GupFacts(new HashMap<>(arrays), new HashMap<>(counts), new HashMap<>(mayCounts), new HashMap<>(releasedCounts), shorts.copy(),
                new HashMap<>(flagTruths));
        g.filledAt = filledAt;
        g.filledIndex = filledIndex;
        g.ownReleased = ownReleased;
        g.storedOut.addAll(storedOut);
        g.entries.putAll(entries);
        g.ownEntries.addAll(ownEntries);
        return g;
    }

    GupFacts join(GupFacts o) {
        GupFacts g = new GupFacts(StateMaps.may(arrays, o.arrays, ArrayHold::join), StateMaps.must(counts, o.counts, StateMaps::same),
                StateMaps.may(mayCounts, o.mayCounts, StateMaps::same), StateMaps.may(releasedCounts, o.releasedCounts, Math::min),
                shorts.join(o.shorts, taken(), o.taken()), StateMaps.must(flagTruths, o.flagTruths, StateMaps::same));
        if (filledAt == null) g.filledAt = o.filledAt;
        else if (o.filledAt == null) g.filledAt = filledAt;
        else g.filledAt = Math.min(filledAt, o.filledAt);
        g.filledIndex = filledIndex == null ? o.filledIndex : filledIndex;
        g.ownReleased = ownReleased || o.ownReleased;
        g.storedOut.addAll(storedOut);
        g.storedOut.addAll(o.storedOut);
        g.entries.putAll(StateMaps.may(entries, o.entries, StateMaps::same));
        g.ownEntries.addAll(ownEntries);
        g.ownEntries.addAll(o.ownEntries);
        g.ownEntries.retainAll(g.entries.keySet());
        return g;
    }

    /** The arrays GUP may have taken pages into on this path (filled, and its count not tested at most zero). */
    private java.util.Set<String> taken() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Map.Entry<String, ArrayHold> e : arrays.entrySet()) if (e.getValue().status() != ArrayHold.Status.NONE) out.add(e.getKey());
        return out;
    }

    /** This function stored a page into its own output array at {@code line}, at index variable {@code index} (or null). */
    void ownFilled(int line, String index) {
        if (filledAt == null || line < filledAt) filledAt = line;
        if (index != null) filledIndex = index;
    }
    /** The line of the first store into the own output array on some path here whose pages no release dropped, or null. */
    Integer ownFilledAt() { return ownReleased ? null : filledAt; }
    /** Entries of the own output array are released (put_page(pages[i]), release_pages(pages, i)). */
    void ownReleased() { ownReleased = true; }
    /** On this edge the index of those stores is zero: nothing was stored yet. */
    void ownIndexZero(String var) { if (var != null && var.equals(filledIndex)) { filledAt = null; } }

    /** Entries of {@code array} were stored elsewhere ({@code sg[i].page = pages[i]}): whoever reads that holds them now. */
    void storedOut(String array) { storedOut.add(array); }
    /** A stored_in call (sg_set_page(entry, pages[i])) stored a page of {@code array} in {@code entry}. */
    void entryStored(String entry, String array, boolean own) {
        entries.put(entry, array);
        if (own) ownEntries.add(entry);
        else ownEntries.remove(entry);
    }
    /** The variables the function's own entries holding a page of {@code array} are named through ({@code sg} of {@code &sg}, {@code sgl[i]}). */
    java.util.Set<String> entryVariables(String array) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Map.Entry<String, String> e : entries.entrySet())
            if (e.getValue().equals(array) && ownEntries.contains(e.getKey()))
                for (String t : e.getKey().split("[^A-Za-z0-9_]+")) if (!t.isEmpty()) { out.add(t); break; }
        return out;
    }

    /** The array whose page is stored in {@code entry} on some path here, or null. */
    String entryArray(String entry) { return entries.get(entry); }

    /** Entries of {@code array} were stored elsewhere on some path here. */
    boolean wasStoredOut(String array) { return storedOut.contains(array); }

    /** Whether a branch on every path here found {@code flag} set (true) or clear (false) in {@code var}; null when not known. */
    Boolean flagTruth(String var, String flag) { return flagTruths.get(var + "&" + flag); }

    /** On this path a branch found {@code flag} set ({@code truth}) or clear in {@code var}. */
    void flagTested(String var, String flag, boolean truth) { flagTruths.put(var + "&" + flag, truth); }

    /**
     * The hold of {@code array} with the kind of its references decided where a branch on this path tested
     * the flag that decides it; as it is otherwise.
     */
    ArrayHold resolved(String array) {
        ArrayHold h = arrays.get(array);
        if (h == null || !h.maybePinned()) return h;
        Boolean t = flagTruths.get(h.pinVar() + "&" + h.pinFlag());
        return t == null ? h : h.decided(t);
    }

    ShortGupFacts shorts() { return shorts; }

    /** An assignment kills what a variable counts; what an array holds survives (its pages stay referenced). */
    void kill(String var) {
        flagTruths.keySet().removeIf(k -> k.startsWith(var + "&"));
        // a flag that decided what an array holds, reassigned: no later test of it says what the call was given
        arrays.replaceAll((a, h) -> var.equals(h.pinVar()) ? new ArrayHold(false, h.status(), h.origin(), h.clause(), h.local(), h.api(),
                h.requested(), var + "'", h.pinFlag()) : h);
        counts.remove(var);
        mayCounts.remove(var);
        releasedCounts.remove(var);
        shorts.kill(var);
        // the arrays held in fields reached from it are another structure's now, if any
        arrays.keySet().removeIf(a -> Ast.isFieldPath(a) && Ast.root(a).equals(var));
        entriesMoved(var);
    }

    /** A counter stepped up or down ({@code nr--}): it counts no array now; a number asked for keeps bounding its walk. */
    void stepped(String var) {
        counts.remove(var);
        mayCounts.remove(var);
        releasedCounts.remove(var);
        shorts.stepped(var);
        entriesMoved(var);
    }

    /** {@code var} changed: an entry named through it ({@code &sgl[i]}, {@code &tab->sg}) is another entry now. */
    private void entriesMoved(String var) {
        if (!entries.isEmpty()) entries.keySet().removeIf(k -> java.util.Arrays.asList(k.split("[^A-Za-z0-9_]+")).contains(var));
        if (!ownEntries.isEmpty()) ownEntries.retainAll(entries.keySet());
    }

    /** The variables that count the filled entries of {@code array} on this path. */
    java.util.Set<String> countersOf(String array) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Map.Entry<String, String> e : counts.entrySet()) if (e.getValue().equals(array)) out.add(e.getKey());
        return out;
    }

    /** The pages of {@code array} are released at {@code line}: the variables that may count them now count released pages. */
    void releasedPages(String array, int line) {
        for (Map.Entry<String, String> m : mayCounts.entrySet()) if (m.getValue().equals(array)) releasedCounts.putIfAbsent(m.getKey(), line);
    }

    /** The line of the release of the pages {@code var} may count, or null when none was released on a path on which it counts them. */
    Integer releasedCount(String var) { return releasedCounts.get(var); }
    /** The array {@code var} may count, or null. */
    String mayCount(String var) { return mayCounts.get(var); }

    ArrayHold hold(String array) { return arrays.get(array); }

    /** The arrays held in fields reached from variable {@code var} ({@code var->pages}, {@code var->buf.pages}), by name. */
    java.util.List<String> pathsRootedAt(String var) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String a : arrays.keySet()) if (Ast.isFieldPath(a) && Ast.root(a).equals(var)) out.add(a);
        java.util.Collections.sort(out);
        return out;
    }
    boolean holds(String array) { return arrays.containsKey(array); }
    void put(String array, ArrayHold h) { arrays.put(array, h); }
    void forget(String array) {
        arrays.remove(array);
        shorts.cleared(array);
    }
    /** The arrays by name, in name order. */
    /** Whether some hold is partly handed on (asked on every edge: no copy of the map). */
    boolean anyPartial() {
        for (ArrayHold h : arrays.values()) if (h.status() == ArrayHold.Status.PARTIAL) return true;
        return false;
    }

    Map<String, ArrayHold> sorted() { return Collections.unmodifiableMap(new TreeMap<>(arrays)); }

    String counted(String countVar) { return counts.get(countVar); }
    boolean isCount(String var) { return counts.containsKey(var); }
    /** {@code countVar} is assigned the count a GUP call returned into {@code array} (a negative errno on failure). */
    void count(String countVar, String array) { count(countVar, array, true); }

    /** {@code countVar} counts the entries GUP filled in {@code array}; {@code negative}: it may be a negative errno. */
    void count(String countVar, String array, boolean negative) {
        counts.put(countVar, array);
        mayCounts.put(countVar, array);
        shorts.markNonNegative(countVar);
        if (negative) shorts.markMayBeNegative(countVar);
    }
    void forgetCount(String var) { stepped(var); }

    @Override public boolean equals(Object o) {
        return o instanceof GupFacts g && arrays.equals(g.arrays) && counts.equals(g.counts) && mayCounts.equals(g.mayCounts)
                && releasedCounts.equals(g.releasedCounts) && shorts.equals(g.shorts) && flagTruths.equals(g.flagTruths)
                && Objects.equals(filledAt, g.filledAt) && Objects.equals(filledIndex, g.filledIndex) && ownReleased == g.ownReleased
                && storedOut.equals(g.storedOut) && entries.equals(g.entries) && ownEntries.equals(g.ownEntries);
    }

    @Override public int hashCode() { return Objects.hash(arrays, counts, mayCounts, releasedCounts, shorts); }
}
