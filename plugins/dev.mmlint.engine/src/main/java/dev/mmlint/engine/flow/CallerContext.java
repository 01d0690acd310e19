package dev.mmlint.engine.flow;

import java.util.HashMap;
import java.util.Map;

/**
 * What the callers of a function pass it, per parameter index, joined over the call sites of its
 * translation unit (top-down, beside the bottom-up {@link FunctionSummary summaries}): the range class
 * of an integer argument (a count that is {@code folio_nr_pages()}, an offset below
 * {@code huge_page_size(h)}), the extent of the pfn range a page argument points into (a page inside
 * a PUD leaf), and a page argument some caller passes that may be a tail it looked up (a GUP output
 * element): inside the function a head-only use of that parameter is judged as a use of that tail
 * ({@link ShapeModel}), and the call site no longer reports it. Counts and extents are joined with
 * {@link ContiguityModel#joinCallers}; a tail from any caller makes the parameter one (the first
 * in the file). A parameter no caller fixes is absent. {@code walkersWaited}: every call site is reached
 * on a path on which the caller waited for speculative pfn walkers (synchronize_rcu()), so the function
 * starts with them waited for (the caller waits, the callee rewrites the memmap).
 */
public record CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails, boolean walkersWaited) {
    public static final CallerContext NONE = new CallerContext(Map.of(), Map.of(), Map.of(), false);

    public CallerContext {
        counts = Map.copyOf(counts);
        extents = Map.copyOf(extents);
        tails = Map.copyOf(tails);
    }

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents, Map<Integer, PageValue> tails) { this(counts, extents, tails, false); }

    public CallerContext(Map<Integer, Bound> counts, Map<Integer, Bound> extents) { this(counts, extents, Map.of()); }

    public boolean isEmpty() { return counts.isEmpty() && extents.isEmpty() && tails.isEmpty() && !walkersWaited; }

    /** Joins call sites, one {@link #site} at a time. */
    public static final class Builder {
        private final Map<Integer, Bound> counts = new HashMap<>(), extents = new HashMap<>();
        private final Map<Integer, PageValue> tails = new HashMap<>();
        private final Map<Integer, Boolean> seen = new HashMap<>();
        /** null: no call site said; else whether every call site said the walkers were waited for */
        private Boolean waited;

        /** One call site is reached with ({@code w}) or without the speculative pfn walkers waited for. */
        public void walkers(boolean w) { waited = waited == null ? w : waited && w; }

        /** One call site passes {@code count} / {@code extent} (null: unknown) as parameter {@code param}. */
        public void site(int param, Bound count, Bound extent) { site(param, count, extent, null); }

        /** As {@link #site(int, Bound, Bound)}, the page argument possibly a tail the caller looked up ({@code tail}, null: none). */
        public void site(int param, Bound count, Bound extent, PageValue tail) {
            if (tail != null) tails.merge(param, tail, Builder::first);
            if (seen.put(param, true) == null) {
                put(counts, param, count);
                put(extents, param, extent);
                return;
            }
            put(counts, param, ContiguityModel.joinCallers(counts.get(param), count));
            put(extents, param, ContiguityModel.joinCallers(extents.get(param), extent));
        }

        private static void put(Map<Integer, Bound> m, int k, Bound b) {
            if (b == null) m.remove(k);
            else m.put(k, b);
        }

        /** Of two callers' tails, the one passed first in the file (whatever order the call sites come in). */
        private static PageValue first(PageValue a, PageValue b) {
            int c = Integer.compare(a.origin().line(), b.origin().line());
            if (c == 0) c = Integer.compare(a.origin().column(), b.origin().column());
            if (c == 0) c = a.origin().what().compareTo(b.origin().what());
            return c <= 0 ? a : b;
        }

        public CallerContext build() {
            boolean w = waited != null && waited;
            return counts.isEmpty() && extents.isEmpty() && tails.isEmpty() && !w ? NONE : new CallerContext(counts, extents, tails, w);
        }
    }
}
