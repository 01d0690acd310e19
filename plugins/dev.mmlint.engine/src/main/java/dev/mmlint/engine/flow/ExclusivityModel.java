package dev.mmlint.engine.flow;

import dev.mmlint.engine.check.Event;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The exclusivity model (MM005): a mapcount or refcount compared with 1 or 2 is an exclusivity test;
 * the edges on which the count looks exclusive (at most 1) carry the test ({@link ExclusivityFacts})
 * to the decisions that follow. Raises {@link Event.MapcountTest} where a call the model says acts on
 * exclusivity is reached through such an edge, and where the test's outcome is returned.
 */
final class ExclusivityModel {
    private final Events events;
    /** the exclusivity tests of this function, by the comparison value (identity) */
    private final Map<V.Cmp, Event.MapcountTest> tests = new IdentityHashMap<>();

    ExclusivityModel(Events events) { this.events = events; }

    /** The comparison {@code cmp}, written {@code text} at [off, off+len): remembered when it is an exclusivity test. */
    void compared(V.Cmp cmp, int off, int len, String text) {
        Event.MapcountTest t = test(cmp.l(), cmp.r(), off, len, text);
        if (t == null) t = test(cmp.r(), cmp.l(), off, len, text);
        if (t != null) tests.put(cmp, t);
        Event.RefcountVsMapcount r = extraReferences(cmp.l(), cmp.r(), off, len, text);
        if (r == null) r = extraReferences(cmp.r(), cmp.l(), off, len, text);
        if (r != null) events.emit(r);
    }

    /** {@code l - r}, written {@code text} at [off, off+len): a refcount less the mappings of that page alone infers references beyond them. */
    void subtracted(V l, V r, int off, int len, String text) {
        Event.RefcountVsMapcount e = extraReferences(l, r, off, len, text);
        if (e != null) events.emit(e);
    }

    /**
     * A page's refcount compared with a count of the mappings of that page alone (model {@code subpage_mapcount}):
     * the test infers references beyond the mappings, which on a THP the other subpages' mappings also hold.
     */
    private static Event.RefcountVsMapcount extraReferences(V a, V b, int off, int len, String text) {
        if (a instanceof V.Refcount r && b instanceof V.Mapcount m && m.subpageCount() != null && r.var() != null && r.var().equals(m.var()))
            return new Event.RefcountVsMapcount(off, len, m.var(), m.v(), r.api(), m.api(), m.subpageCount(), text);
        return null;
    }

    private static Event.MapcountTest test(V a, V k, int off, int len, String text) {
        if (a instanceof V.Mapcount m && k instanceof V.Int i && i.constant() != null && (i.constant() == 1 || i.constant() == 2))
            return new Event.MapcountTest(off, len, m.api(), m.var(), m.v(), m.clause(), text, null, 0);
        return null;
    }

    /** {@code c} is {@code truth} on this edge: where the count looks exclusive, the edge carries the test. */
    void refine(ExclusivityFacts x, V.Cmp c, boolean truth) {
        Event.MapcountTest mt = tests.get(c);
        if (mt != null && looksExclusive(c, truth)) x.exclusiveThrough(mt);
    }

    /**
     * The callee's exclusivity verdict {@code v} is {@code truth} on this edge: its "exclusive" edge carries
     * it like a count's test (the verdict is as weak as the counts it is made of).
     */
    void verdict(ExclusivityFacts x, V.Verdict v, boolean truth) {
        if (!truth) return;
        V.Mapcount m = v.count();
        x.exclusiveThrough(new Event.MapcountTest(v.offset(), v.length(), m.api(), m.var(), m.v(), m.clause(), v.text(), null, 0, true));
    }

    /** The function returns {@code v} at {@code line}: an exclusivity test's outcome handed to the caller. */
    void returned(V v, int line) {
        if (v instanceof V.Cmp c && tests.containsKey(c)) events.emit(tests.get(c).at("returned", line));
    }

    /** A call {@code api} that decides on exclusivity, at {@code line}: every test this point is reached through. */
    void decides(ExclusivityFacts x, String api, int line) {
        for (Event.MapcountTest t : x.tests()) events.emit(t.at(api + "()", line));
    }

    /** On this edge of {@code c}, does the tested count look exclusive (at most 1)? */
    private static boolean looksExclusive(V.Cmp c, boolean truth) {
        boolean left = c.l() instanceof V.Mapcount;
        V.Int k = (V.Int) (left ? c.r() : c.l());
        Long max = Comparisons.maxOnEdge(c.op(), k.constant(), truth, !left);
        return max != null && max == 1;
    }
}
