package dev.mmlint.engine.flow;

import dev.mmlint.engine.check.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exclusivity concern's state (MM005): the mapcount/refcount tests through whose "looks
 * exclusive" edge this point is reached (may), by the test's offset. States are equal when they hold
 * the same tests; of one test reached along two paths the first path's event is kept (it differs only
 * in the page value it describes).
 */
final class ExclusivityFacts {
    private final Map<Integer, Event.MapcountTest> tests;

    ExclusivityFacts() { this(new HashMap<>()); }

    private ExclusivityFacts(Map<Integer, Event.MapcountTest> t) { tests = t; }

    ExclusivityFacts copy() { return new ExclusivityFacts(new HashMap<>(tests)); }

    ExclusivityFacts join(ExclusivityFacts o) { return new ExclusivityFacts(StateMaps.may(tests, o.tests, (x, y) -> x)); }

    void exclusiveThrough(Event.MapcountTest t) { tests.put(t.offset(), t); }

    /** The tests, in the order of their offsets' decimal spellings (the order findings have always come in). */
    List<Event.MapcountTest> tests() {
        List<Event.MapcountTest> l = new ArrayList<>(tests.values());
        l.sort(Comparator.comparing(t -> Integer.toString(t.offset())));
        return l;
    }

    @Override public boolean equals(Object o) { return o instanceof ExclusivityFacts e && tests.keySet().equals(e.tests.keySet()); }

    @Override public int hashCode() { return tests.keySet().hashCode(); }
}
